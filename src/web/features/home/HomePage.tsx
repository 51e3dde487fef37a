// Trang chủ (design §4): a welcome, the announcements (tin mới cập nhật), "việc cần làm" (what
// waits on me), the latest notices, the caller's roles, and the size of their scope (one cheap read
// per root).
import { ApartmentOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { OrgUnitDetail } from '../../api/types';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { formatDate, kindLabel, roleLabel } from '../../format';
import { CurrentCampaignCard } from '../campaigns/CurrentCampaignCard';
import { InboxCard } from '../notifications/InboxCard';
import { LatestNotificationsCard } from '../notifications/LatestNotificationsCard';
import { AnnouncementsCard } from '../announcements/AnnouncementsCard';

function ScopeCard({ unitId }: { unitId: string }) {
  const { data, isPending, error } = useQuery({
    queryKey: ['org-unit', unitId],
    queryFn: () => api.get<OrgUnitDetail>(`/api/org-units/${unitId}`),
  });
  if (isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  if (error) return null;
  const counts = data.memberCounts as Record<string, number>;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <Card
      title={
        <Link to={PATHS.unit(data.id)}>
          <ApartmentOutlined /> {data.name}
        </Link>
      }
      extra={<Tag>{kindLabel(data.kind)}</Tag>}
    >
      <Row gutter={16}>
        <Col xs={12} sm={8}>
          <Statistic title="Đảng viên đang sinh hoạt" value={counts.active ?? 0} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title="Tổng số đảng viên" value={total} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title="Tổ chức trực thuộc" value={data.childCount} />
        </Col>
      </Row>
    </Card>
  );
}

export default function HomePage() {
  const me = useMe();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Xin chào, {me.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">
          Ngày làm việc: {formatDate(me.businessDate)}
          {me.committee ? ` · ${me.committee.name}` : ''}
        </Typography.Text>
      </div>

      <AnnouncementsCard />

      {me.memberId ? (
        <Card>
          <Space wrap>
            <IdcardOutlined style={{ fontSize: 24, color: '#a8201a' }} />
            <Typography.Text>Xem và kiểm tra thông tin đảng viên của bạn.</Typography.Text>
            <Link to={PATHS.myProfile}>
              <Button type="primary">Hồ sơ của tôi</Button>
            </Link>
          </Space>
        </Card>
      ) : null}

      {me.abilities.readOrgTree ? (
        <Row gutter={[16, 16]}>
          {me.scopeRoots.slice(0, 4).map((r) => (
            <Col key={r.id} xs={24} xl={12}>
              <ScopeCard unitId={r.id} />
            </Col>
          ))}
          <Col xs={24}>
            <Space wrap>
              <Link to={PATHS.tree}>
                <Button icon={<ApartmentOutlined />}>Xem cây tổ chức đảng</Button>
              </Link>
              <Link to={PATHS.members}>
                <Button icon={<TeamOutlined />}>Tìm đảng viên</Button>
              </Link>
            </Space>
          </Col>
        </Row>
      ) : null}

      {me.abilities.readCampaigns ? <CurrentCampaignCard /> : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <InboxCard />
        </Col>
        <Col xs={24} lg={12}>
          <LatestNotificationsCard />
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Vai trò của bạn">
            {me.grants.length ? (
              <Space orientation="vertical">
                {me.grants.map((g) => (
                  <span key={g.id}>
                    <Tag color="red">{roleLabel(g.role)}</Tag>
                    {g.unitName}
                  </span>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">Chưa được cấp vai trò nào.</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
