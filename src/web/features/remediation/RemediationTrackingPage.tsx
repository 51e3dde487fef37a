// Khắc phục — the tracking view of a campaign (issue 4 item 6): every plan in the caller's scope
// (the unit following its members, the upper level following its units), filed or not, reported
// upward or not, with each item's progress and the overdue marks against the committee's business
// date. Filters by status, overdue, subject kind and unit (a report's notice opens it on its unit).
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { REMEDIATION_SUBJECT_LABELS, REMEDIATION_SUBJECTS, type RemediationListRow } from '../../../shared/contracts/remediation.js';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { campaignKeys, fetchCampaigns } from '../campaigns/api';
import { fetchTracking, remediationKeys, type TrackingFilters } from './api';
import { ItemStatusTag, OverdueTag, PlanStatusTag } from './remediation-ui';

type StatusFilter = 'all' | 'draft' | 'filed' | 'reported';
type OverdueFilter = 'all' | 'yes' | 'no';

export default function RemediationTrackingPage() {
  const { campaignId: fromPath } = useParams();
  const navigate = useNavigate();
  const campaigns = useQuery({ queryKey: campaignKeys.list, queryFn: fetchCampaigns });
  const campaignId = fromPath ?? campaigns.data?.items.find((c) => c.status === 'open')?.id ?? campaigns.data?.items[0]?.id ?? null;
  if (!fromPath && campaigns.isPending) return <PageSpin />;
  if (!fromPath && campaigns.error) return <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  return (
    <>
      <PageHeader
        title="Khắc phục hạn chế, khuyết điểm"
        actions={
          <Select
            aria-label="Đợt kiểm điểm"
            style={{ minWidth: 260 }}
            value={campaignId ?? undefined}
            placeholder="Chọn đợt kiểm điểm"
            loading={campaigns.isPending}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.ownerUnitName})` }))}
            onChange={(id: string) => navigate(PATHS.remediationCampaign(id))}
          />
        }
      />
      {campaignId ? <Tracking key={campaignId} campaignId={campaignId} /> : <Empty description="Chưa có đợt kiểm điểm nào." />}
    </>
  );
}

function Tracking({ campaignId }: { campaignId: string }) {
  const me = useMe();
  // The collectives the caller writes the plan of (design §2: unit committee, chi bộ secretary).
  const ownUnits = me.grants.filter((g) => g.role === 'unit_committee' || g.role === 'cell_secretary');
  const [search, setSearch] = useSearchParams();
  const unitId = search.get('unitId') ?? undefined;
  const [status, setStatus] = useState<StatusFilter>('all');
  const [overdue, setOverdue] = useState<OverdueFilter>('all');
  const [subjectKind, setSubjectKind] = useState<TrackingFilters['subjectKind'] | 'all'>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const filters: TrackingFilters = {
    status: status === 'all' ? undefined : status,
    overdue: overdue === 'all' ? undefined : overdue === 'yes',
    subjectKind: subjectKind === 'all' ? undefined : subjectKind,
    unitId,
    page,
    pageSize,
  };
  const { data, isPending, error, refetch } = useQuery({
    queryKey: remediationKeys.list(campaignId, filters),
    queryFn: () => fetchTracking(campaignId, filters),
    placeholderData: (prev) => prev,
  });
  const unitName = useMemo(() => data?.items.find((r) => r.unitId === unitId)?.unitName, [data, unitId]);
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const s = data.summary;
  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Flex vertical gap={12}>
      {ownUnits.length > 0 ? (
        <Flex wrap gap={8} align="center">
          <Typography.Text>Kế hoạch khắc phục của tập thể:</Typography.Text>
          {ownUnits.map((g) => (
            <Link key={g.id} to={PATHS.remediationPlan(campaignId, 'unit', g.unitId)}>
              <Tag color="blue" style={{ cursor: 'pointer' }}>
                {g.unitName}
              </Tag>
            </Link>
          ))}
        </Flex>
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Kế hoạch đã ban hành" value={s.filed} suffix={`/ ${s.plans}`} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Đơn vị đã báo cáo" value={s.reported} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Biện pháp hoàn thành" value={s.done} suffix={`/ ${s.items}`} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Biện pháp quá hạn" value={s.overdue} styles={{ content: { color: s.overdue > 0 ? '#cf1322' : undefined } }} />
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary">Quá hạn tính theo ngày {formatDate(data.businessDate)}.</Typography.Text>
      <Flex wrap gap={8} align="center">
        <Select<StatusFilter>
          aria-label="Trạng thái kế hoạch"
          style={{ minWidth: 200 }}
          value={status}
          onChange={resetPage(setStatus)}
          options={[
            { value: 'all', label: 'Mọi trạng thái' },
            { value: 'draft', label: 'Đang xây dựng' },
            { value: 'filed', label: 'Đã ban hành' },
            { value: 'reported', label: 'Đã báo cáo cấp trên' },
          ]}
        />
        <Select<OverdueFilter>
          aria-label="Quá hạn"
          style={{ minWidth: 200 }}
          value={overdue}
          onChange={resetPage(setOverdue)}
          options={[
            { value: 'all', label: 'Quá hạn hoặc không' },
            { value: 'yes', label: 'Có biện pháp quá hạn' },
            { value: 'no', label: 'Không có biện pháp quá hạn' },
          ]}
        />
        <Select
          aria-label="Đối tượng"
          style={{ minWidth: 200 }}
          value={subjectKind}
          onChange={resetPage(setSubjectKind)}
          options={[
            { value: 'all', label: 'Tập thể và cá nhân' },
            ...REMEDIATION_SUBJECTS.map((k) => ({ value: k, label: REMEDIATION_SUBJECT_LABELS[k] })),
          ]}
        />
        {unitId ? (
          <Tag
            closable
            onClose={() => {
              search.delete('unitId');
              setSearch(search);
              setPage(1);
            }}
          >
            Đơn vị: {unitName ?? 'đã chọn'}
          </Tag>
        ) : null}
      </Flex>
      <Table<RemediationListRow>
        rowKey="planId"
        size="small"
        scroll={{ x: 720 }}
        dataSource={data.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có kế hoạch khắc phục nào phù hợp." /> }}
        pagination={{
          current: page,
          pageSize,
          total: data.total,
          showSizeChanger: true,
          onChange: (p, size) => {
            setPage(p);
            setPageSize(size);
          },
        }}
        expandable={{
          expandedRowRender: (r) => <ItemsOf row={r} />,
          rowExpandable: (r) => r.items.length > 0,
        }}
        columns={[
          {
            title: 'Đối tượng',
            key: 'subject',
            render: (_, r) => (
              <Flex vertical>
                <Link to={PATHS.remediationPlan(campaignId, r.subjectKind, r.subjectKey)}>{r.subjectName}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.subjectKind === 'member' ? r.unitName : REMEDIATION_SUBJECT_LABELS[r.subjectKind]}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: 'Kế hoạch',
            key: 'status',
            width: 170,
            render: (_, r) => (
              <Flex vertical gap={2}>
                <span>
                  <PlanStatusTag status={r.status} />
                </span>
                {r.filedAt ? <Typography.Text type="secondary">ngày {formatDate(r.filedAt)}</Typography.Text> : null}
                {r.reportedAt ? <Tag color="cyan">Đã báo cáo {formatDate(r.reportedAt)}</Tag> : null}
              </Flex>
            ),
          },
          {
            title: 'Biện pháp',
            key: 'items',
            width: 190,
            render: (_, r) => (
              <Flex wrap gap={4}>
                <span>
                  {r.doneCount}/{r.itemCount} hoàn thành
                </span>
                {r.overdueCount > 0 ? (
                  <Tag color="red" data-testid="overdue">
                    {r.overdueCount} quá hạn
                  </Tag>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}

function ItemsOf({ row }: { row: RemediationListRow }) {
  return (
    <Flex vertical gap={8}>
      {row.items.map((i) => (
        <Flex key={i.id} vertical gap={2} style={{ borderLeft: `3px solid ${i.overdue ? '#ff4d4f' : '#d9d9d9'}`, paddingLeft: 8 }}>
          {i.shortcomingText ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Hạn chế: {i.shortcomingText}
            </Typography.Text>
          ) : null}
          <Typography.Text>{i.action}</Typography.Text>
          <Flex wrap gap={4} align="center">
            <ItemStatusTag status={i.status} />
            <OverdueTag overdue={i.overdue} />
            <Typography.Text type="secondary">
              {i.owner} · hạn {formatDate(i.deadline)} · {i.progressPct}%
            </Typography.Text>
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
