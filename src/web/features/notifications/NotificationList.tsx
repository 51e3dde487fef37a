// Notices as a list: unread ones stand out; opening one marks it read and follows its link.
import { Badge, Button, Empty, Flex, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useNotify } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { useMarkRead, type NotificationView } from './api';

const KIND_LABELS: Record<NotificationView['kind'], { label: string; color: string }> = {
  assignment: { label: 'Phân công', color: 'blue' },
  returned: { label: 'Trả lại', color: 'volcano' },
  cleared: { label: 'Thẩm định đạt', color: 'green' },
  deadline: { label: 'Nhắc hạn', color: 'gold' },
  submitted: { label: 'Đã nộp', color: 'cyan' },
  suggestion: { label: 'Gợi ý kiểm điểm', color: 'purple' },
  digest: { label: 'Tổng hợp', color: 'default' },
  published: { label: 'Công bố kết quả', color: 'green' },
  remediation_due: { label: 'Hạn khắc phục', color: 'gold' },
  complaint: { label: 'Kiến nghị', color: 'volcano' },
};

export function NotificationList({ items, compact = false }: { items: NotificationView[]; compact?: boolean }) {
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const notify = useNotify();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có thông báo nào." />;

  const open = async (n: NotificationView) => {
    try {
      if (!n.readAt) await markRead.mutateAsync(n.id);
      if (n.link) navigate(n.link);
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Flex vertical component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="notification-list">
      {items.map((n) => {
        const kind = KIND_LABELS[n.kind] ?? { label: n.kind, color: 'default' };
        return (
          <li key={n.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-unread={n.readAt ? undefined : 'true'}>
            <Flex gap={8} align="start" justify="space-between" wrap>
              <div style={{ flex: '1 1 240px', minWidth: 0 }}>
                <Flex gap={6} align="baseline">
                  {n.readAt ? null : <Badge status="processing" aria-label="Chưa đọc" />}
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                </Flex>
                {n.body && !compact ? (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-line' }}>
                    {n.body}
                  </Typography.Paragraph>
                ) : null}
                <Flex gap={6} align="center" wrap style={{ marginTop: 4 }}>
                  <Tag color={kind.color}>{kind.label}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </Flex>
              </div>
              <Flex gap={4}>
                {n.link ? (
                  <Button size="small" type="link" onClick={() => void open(n)}>
                    Xem
                  </Button>
                ) : null}
                {!n.readAt && !n.link ? (
                  <Button size="small" type="link" onClick={() => void open(n)} loading={markRead.isPending && markRead.variables === n.id}>
                    Đánh dấu đã đọc
                  </Button>
                ) : null}
              </Flex>
            </Flex>
          </li>
        );
      })}
    </Flex>
  );
}
