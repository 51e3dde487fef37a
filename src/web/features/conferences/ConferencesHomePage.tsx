// Hội nghị: the campaigns the user takes part in, each leading to its conferences.
import { PATHS } from '../../app/menu';
import { CampaignChooser } from '../campaigns/CampaignChooser';

export default function ConferencesHomePage() {
  return <CampaignChooser title="Hội nghị kiểm điểm" crumb="Hội nghị" linkTo={PATHS.conferences} />;
}
