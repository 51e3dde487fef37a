// The bell in the header: the number of unread notices, polled every minute.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { Link } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { useUnreadCount } from './api';

export function NotificationBell() {
  const { data } = useUnreadCount();
  const count = data?.count ?? 0;
  return (
    <Link to={PATHS.notifications} aria-label={count > 0 ? `Thông báo: ${count} chưa đọc` : 'Thông báo'} data-testid="notification-bell">
      {/* Yellow on the red header: the default red badge would not show. */}
      <Badge count={count} overflowCount={99} size="small" style={{ backgroundColor: '#ffd84d', color: '#5c0b07', boxShadow: 'none' }}>
        <Button type="text" shape="circle" icon={<BellOutlined />} tabIndex={-1} />
      </Badge>
    </Link>
  );
}
