// The cockpit (issue 3 item 8): headlines, counts by stage, and every unit with its stage, its
// directors, its members' reviews and its overdue marks; filters by director, sector and stage.
import { Card, Col, Flex, Progress, Row, Segmented, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { QueryError } from '../../components/feedback';
import { StageTag } from '../../components/StageTag';
import { sectorLabel } from '../../format';
import {
  MILESTONE_LABELS,
  UNIT_STAGES,
  UNIT_STAGE_LABELS,
  type MilestoneKind,
  type UnitStage,
} from '../../../shared/campaign-vocabulary.js';
import { SECTORS, SECTOR_LABELS } from '../../../shared/vocabulary.js';
import type { CockpitUnit } from '../../../shared/contracts/campaigns.js';
import { campaignKeys, fetchCockpit, type CampaignDetail, type CockpitParams } from './api';

export function CockpitPanel({ campaign }: { campaign: CampaignDetail }) {
  // A link may open the cockpit filtered (the report dashboards' click-through: ?stage=, ?sector=, ?overdue=1).
  const [search] = useSearchParams();
  const [params, setParams] = useState<CockpitParams>(() => ({
    level: 'grassroots',
    page: 1,
    pageSize: 50,
    stage: UNIT_STAGES.find((s) => s === search.get('stage')),
    sector: SECTORS.find((s) => s === search.get('sector')),
    overdueOnly: search.get('overdue') === '1' || undefined,
  }));
  const set = (patch: Partial<CockpitParams>) => setParams((p) => ({ ...p, page: 1, ...patch }));
  const { data, isPending, error, refetch } = useQuery({
    queryKey: campaignKeys.cockpit(campaign.id, params),
    queryFn: () => fetchCockpit(campaign.id, params),
    placeholderData: (prev) => prev,
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const t = data?.totals;
  const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) : 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Đơn vị trong phạm vi" value={t?.units ?? 0} loading={isPending} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Đã nộp hồ sơ" value={t?.submitted ?? 0} suffix={t ? `/ ${t.units}` : ''} loading={isPending} />
            <Progress percent={pct(t?.submitted ?? 0, t?.units ?? 0)} size="small" showInfo={false} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="Đã thẩm định (có gợi ý)"
              value={t?.appraised ?? 0}
              suffix={t ? `/ ${t.needsAppraisal}` : ''}
              loading={isPending}
            />
            <Progress percent={pct(t?.appraised ?? 0, t?.needsAppraisal ?? 0)} size="small" showInfo={false} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="Chậm so với mốc"
              value={t?.overdue ?? 0}
              styles={t && t.overdue > 0 ? { content: { color: '#cf1322' } } : undefined}
              loading={isPending}
            />
          </Card>
        </Col>
      </Row>
      {data ? (
        <Card size="small" title="Tóm tắt">
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {data.headlines.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
          <Flex wrap gap={4} style={{ marginTop: 8 }}>
            {UNIT_STAGES.filter((s) => (t?.byStage[s] ?? 0) > 0).map((s) => (
              <StageTag
                key={s}
                stage={s}
                count={t?.byStage[s]}
                style={{ cursor: 'pointer' }}
                onClick={() => set({ stage: params.stage === s ? undefined : s })}
              />
            ))}
          </Flex>
        </Card>
      ) : null}
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <Segmented
            value={params.level}
            onChange={(v) => set({ level: v as CockpitParams['level'] })}
            options={[
              { value: 'grassroots', label: 'Tổ chức cơ sở đảng' },
              { value: 'all', label: 'Tất cả đơn vị' },
            ]}
          />
          <Select
            allowClear
            placeholder="Giai đoạn"
            style={{ minWidth: 180 }}
            value={params.stage}
            onChange={(v) => set({ stage: v })}
            options={UNIT_STAGES.map((s) => ({ value: s, label: UNIT_STAGE_LABELS[s] }))}
          />
          <Select
            allowClear
            placeholder="Khối, loại hình"
            style={{ minWidth: 160 }}
            value={params.sector}
            onChange={(v) => set({ sector: v })}
            options={SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="Người phụ trách"
            style={{ minWidth: 200 }}
            value={params.directorId}
            onChange={(v) => set({ directorId: v })}
            options={(data?.directors ?? []).map((d) => ({ value: d.accountId, label: d.name }))}
          />
          <Space size={4}>
            <Switch size="small" checked={params.overdueOnly === true} onChange={(v) => set({ overdueOnly: v || undefined })} />
            <Typography.Text>Chỉ đơn vị chậm</Typography.Text>
          </Space>
        </Flex>
        <Table<CockpitUnit>
          rowKey="campaignUnitId"
          size="middle"
          loading={isPending}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'Không có đơn vị nào phù hợp' }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `${n.toLocaleString('vi-VN')} đơn vị`,
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
          columns={[
            {
              title: 'Đơn vị',
              dataIndex: 'name',
              render: (n: string, u) => <Link to={PATHS.dossier(campaign.id, u.unitId)}>{n}</Link>,
            },
            { title: 'Khối', dataIndex: 'sector', responsive: ['lg'], render: (s: string | null) => sectorLabel(s) },
            {
              title: 'Giai đoạn',
              dataIndex: 'stage',
              render: (s: UnitStage, u) => (
                <Space size={4} wrap>
                  <StageTag stage={s} />
                  {u.needsAppraisal ? <Tag color="purple">Có gợi ý / thẩm định</Tag> : null}
                  {u.appraisalRound > 1 ? <Tag>Lần {u.appraisalRound}</Tag> : null}
                </Space>
              ),
            },
            {
              title: 'Bản kiểm điểm cá nhân',
              key: 'reviews',
              responsive: ['md'],
              render: (_: unknown, u) => {
                const done = u.reviews.submitted + u.reviews.finalized;
                return (
                  <span>
                    {done}/{u.reviews.members}
                  </span>
                );
              },
            },
            {
              title: 'Phụ trách',
              key: 'directors',
              responsive: ['lg'],
              render: (_: unknown, u) => [...new Set(u.directors.map((d) => d.name))].join(', '),
            },
            {
              title: 'Chậm mốc',
              dataIndex: 'overdue',
              render: (o: MilestoneKind[]) =>
                o.map((m) => (
                  <Tag key={m} color="red">
                    {MILESTONE_LABELS[m]}
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
