// One campaign's classification: the boards the user may open (the committee's for the Standing
// Committee and the Organization Board, a grassroots unit's for its committee, a chi bộ's for its
// secretary, any unit picked by name), the decisions with their publication, complaints and the
// commendation lists.
import { Button, Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { UnitPicker } from '../../components/UnitPicker';
import { kindLabel, roleLabel } from '../../format';
import { campaignKeys, fetchCampaign } from '../campaigns/api';
import { DecisionsCard } from './DecisionsCard';

const BOARD_ROLES = ['standing', 'organizer', 'unit_committee', 'cell_secretary'];

export default function ClassificationCampaignPage() {
  const { campaignId = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [picked, setPicked] = useState<string | null>(null);
  const {
    data: campaign,
    isPending,
    error,
    refetch,
  } = useQuery({ queryKey: campaignKeys.detail(campaignId), queryFn: () => fetchCampaign(campaignId) });
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;

  // Committee-wide roles open the committee's board (the grassroots units); the others their unit's.
  const boards = new Map<string, { unitId: string; name: string; why: string }>();
  for (const g of me.grants) {
    if (!BOARD_ROLES.includes(g.role)) continue;
    const wide = g.role === 'standing' || g.role === 'organizer';
    const unitId = wide && g.unitKind === 'committee' ? campaign.ownerUnitId : g.unitId;
    const name = unitId === campaign.ownerUnitId ? campaign.ownerUnitName : g.unitName;
    if (!boards.has(unitId)) boards.set(unitId, { unitId, name, why: `${roleLabel(g.role)} — ${kindLabel(g.unitKind)}` });
  }

  return (
    <>
      <PageHeader
        title={`Xếp loại — ${campaign.title}`}
        crumbs={[{ title: 'Trang chủ', to: PATHS.home }, { title: 'Xếp loại', to: PATHS.classification }, { title: campaign.title }]}
        tags={
          <>
            <Tag color="blue">Năm {campaign.reviewYear}</Tag>
            <Tag>{campaign.ruleSetName}</Tag>
          </>
        }
        actions={
          <>
            <Link to={PATHS.classificationComplaints(campaignId)}>
              <Button>Kiến nghị</Button>
            </Link>
            <Link to={PATHS.classificationCommendations(campaignId)}>
              <Button>Danh sách đề nghị khen thưởng</Button>
            </Link>
          </>
        }
      />
      <Card title="Bảng cân nhắc xếp loại">
        <Row gutter={[12, 12]}>
          {[...boards.values()].map((b) => (
            <Col key={b.unitId} xs={24} md={12} xl={8}>
              <Card size="small">
                <Flex vertical gap={4}>
                  <Link to={PATHS.classificationBoard(campaignId, b.unitId)}>
                    <Typography.Text strong>{b.name}</Typography.Text>
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {b.why}
                  </Typography.Text>
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
        <Space wrap style={{ marginTop: 16 }}>
          <Typography.Text>Mở bảng của đơn vị khác:</Typography.Text>
          <div style={{ width: 360 }}>
            <UnitPicker value={picked} onChange={setPicked} placeholder="Gõ tên tổ chức đảng" />
          </div>
          <Button type="primary" disabled={!picked} onClick={() => picked && navigate(PATHS.classificationBoard(campaignId, picked))}>
            Mở bảng
          </Button>
        </Space>
      </Card>
      <DecisionsCard campaignId={campaignId} />
    </>
  );
}
