// "Tin mới cập nhật" on Trang chủ (design §4; issue 5 item 5): the newest items the caller's scope
// reads, as "Tiêu đề (dd/mm)", each opening to its text, and a way to all of them.
import { Card, Collapse, Empty, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { QueryError } from '../../components/feedback';
import { shortDate } from '../../../shared/contracts/announcements.js';
import { useAnnouncements } from './api';

export const HOME_ANNOUNCEMENTS = 5;

export function AnnouncementsCard() {
  const { data, isPending, error, refetch } = useAnnouncements({ limit: HOME_ANNOUNCEMENTS });
  return (
    <Card title="Tin mới cập nhật" extra={<Link to={PATHS.announcements}>Xem tất cả</Link>} data-testid="announcements-card">
      {isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có tin mới." />
      ) : (
        <Collapse
          ghost
          size="small"
          items={data.items.map((a) => ({
            key: a.id,
            label: (
              <span>
                {a.title} <Typography.Text type="secondary">({shortDate(a.publishedOn)})</Typography.Text>
              </span>
            ),
            children: (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 4 }}>
                  {a.body ?? 'Tin không có nội dung chi tiết.'}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{a.unitName}</Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
