// "Việc cần làm" on Trang chủ (design §4): what waits on me now, with counts, deadlines and links.
import { Badge, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from '../../components/feedback';
import { formatDate } from '../../format';
import { useInbox } from './api';

export function InboxCard() {
  const { data, isPending, error, refetch } = useInbox();
  let content;
  if (isPending) content = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (error) content = <QueryError error={error} onRetry={() => void refetch()} />;
  else if (data.items.length === 0) content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có việc nào đang chờ bạn." />;
  else
    content = (
      <Flex vertical component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="inbox-list">
        {data.items.map((item, i) => (
          <li key={`${item.kind}-${item.campaignId ?? ''}-${i}`} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Flex gap={8} align="start" justify="space-between">
              <div style={{ minWidth: 0 }}>
                <Link to={item.link}>
                  <Typography.Text strong>{item.title}</Typography.Text>
                </Link>
                {item.detail ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {item.detail}
                    </Typography.Text>
                  </div>
                ) : null}
                {item.dueDate ? (
                  <Flex gap={6} align="center" wrap style={{ marginTop: 4 }}>
                    <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      Hạn: {formatDate(item.dueDate)}
                    </Typography.Text>
                    {item.overdue ? <Tag color="red">Quá hạn</Tag> : null}
                  </Flex>
                ) : null}
              </div>
              {item.count > 1 ? <Badge count={item.count} overflowCount={9999} color={item.overdue ? 'red' : 'blue'} /> : null}
            </Flex>
          </li>
        ))}
      </Flex>
    );
  return <Card title="Việc cần làm">{content}</Card>;
}
