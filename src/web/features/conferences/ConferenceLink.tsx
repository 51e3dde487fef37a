// "Mở hội nghị" on a unit's dossier page, once the unit has a conference (scheduled, in session or
// closed): the dossier shows the scheduled meeting only, so the conference is looked up here.
import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { conferenceKeys, fetchConferences } from './api';

export function ConferenceLink({ campaignId, unitId, stage }: { campaignId: string; unitId: string; stage: string }) {
  const past = ['conference_scheduled', 'conference_held', 'proposed', 'decided', 'published', 'remediating', 'closed'].includes(stage);
  const { data } = useQuery({
    queryKey: conferenceKeys.list(campaignId, unitId),
    queryFn: () => fetchConferences(campaignId, { unitId }),
    enabled: past,
  });
  // The latest meeting of the unit (a called-off one is not listed).
  const conference = data?.items.at(-1);
  if (!past || !conference) return null;
  return (
    <Link to={PATHS.conference(conference.id)}>
      <Button icon={<TeamOutlined />} data-testid="open-conference">
        Mở hội nghị
      </Button>
    </Link>
  );
}
