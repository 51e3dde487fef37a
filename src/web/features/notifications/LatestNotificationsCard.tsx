// The latest notices on Trang chủ, with a way to all of them.
import { Card, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { QueryError } from '../../components/feedback';
import { useNotifications } from './api';
import { NotificationList } from './NotificationList';

export function LatestNotificationsCard() {
  const { data, isPending, error, refetch } = useNotifications({ unread: false, page: 1, pageSize: 5 });
  return (
    <Card
      title="Thông báo mới"
      extra={<Link to={PATHS.notifications}>Xem tất cả{data && data.unread > 0 ? ` (${data.unread} chưa đọc)` : ''}</Link>}
    >
      {isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <NotificationList items={data.items} compact />
      )}
    </Card>
  );
}
