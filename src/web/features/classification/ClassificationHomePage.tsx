// Xếp loại: the campaigns the user takes part in, each leading to its classification page.
import { PATHS } from '../../app/menu';
import { CampaignChooser } from '../campaigns/CampaignChooser';

export default function ClassificationHomePage() {
  return <CampaignChooser title="Xếp loại chất lượng" crumb="Xếp loại" linkTo={PATHS.classificationCampaign} />;
}
