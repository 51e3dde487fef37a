// Trang chủ: the progress of the campaign under way (design §4 map: "the current campaign's
// progress") — the cockpit's headlines for the newest open campaign in the caller's scope.
import { Button, Card, Progress, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { campaignKeys, fetchCampaigns, fetchCockpit, type CockpitParams } from './api';

const ONE_ROW: CockpitParams = { level: 'grassroots', page: 1, pageSize: 1 };

export function CurrentCampaignCard() {
  const campaigns = useQuery({ queryKey: campaignKeys.list, queryFn: fetchCampaigns });
  const current = campaigns.data?.items.find((c) => c.status === 'open' && c.snapshotAt);
  const cockpit = useQuery({
    queryKey: campaignKeys.cockpit(current?.id ?? '', ONE_ROW),
    queryFn: () => fetchCockpit(current!.id, ONE_ROW),
    enabled: current !== undefined,
  });
  if (campaigns.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (!current) return null;
  const t = cockpit.data?.totals;
  return (
    <Card
      title={`Đợt kiểm điểm năm ${current.reviewYear}`}
      extra={
        <Link to={PATHS.campaign(current.id)}>
          <Button size="small">Xem tiến độ</Button>
        </Link>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>{current.title}</Typography.Paragraph>
      {t ? (
        <>
          <Typography.Text>Đã nộp hồ sơ</Typography.Text>
          <Progress percent={t.units ? Math.round((t.submitted / t.units) * 100) : 0} format={() => `${t.submitted}/${t.units}`} />
          <Typography.Text>Đã lên lịch hoặc tổ chức hội nghị</Typography.Text>
          <Progress
            percent={t.units ? Math.round((t.conferenceScheduled / t.units) * 100) : 0}
            format={() => `${t.conferenceScheduled}/${t.units}`}
          />
          <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
            {cockpit.data?.headlines.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </>
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} />
      )}
    </Card>
  );
}
