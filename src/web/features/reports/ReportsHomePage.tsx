// Báo cáo (design §4): the campaigns the user takes part in, each leading to its reports page.
import { PATHS } from '../../app/menu';
import { CampaignChooser } from '../campaigns/CampaignChooser';

export default function ReportsHomePage() {
  return <CampaignChooser title="Báo cáo, thống kê" crumb="Báo cáo" linkTo={(id) => PATHS.reportsCampaign(id)} />;
}
