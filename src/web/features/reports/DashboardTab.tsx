// Tổng quan — the dashboards of a campaign (issue 5 item 4): the headline figures, then the charts
// of shared/report-charts.ts (the same the summary report prints): progress by stage, levels of the
// grassroots units and of the members, by sector, year over year, the HTXS quota, remediation and
// what is late. A unit chooser narrows everything to a subtree (kept in the address, ?unitId=);
// clicking a bar opens the matching list: the cockpit filtered by stage, sector or lateness, the
// calibration board of the unit, the remediation tracking list. Levels count once published.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Result, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { LEVELS } from '../../../shared/campaign-vocabulary.js';
import type { CampaignStatistics } from '../../../shared/contracts/reports.js';
import {
  CHART_NAMES,
  CHART_SIZES,
  CHART_TITLES,
  chartOption,
  isChartEmpty,
  type ChartName,
  type ChartTarget,
} from '../../../shared/report-charts.js';
import { foldForSearch } from '../../../shared/text.js';
import { api, errorMessage, withQuery } from '../../api/client';
import { PATHS } from '../../app/menu';
import { QueryError } from '../../components/feedback';
import { formatDate } from '../../format';
import { fetchCampaignUnits } from '../planning/api';
import { EChart } from './EChart';

export const statisticsKeys = {
  of: (campaignId: string, unitId: string | null) => ['campaign', campaignId, 'statistics', unitId ?? ''] as const,
};

export const fetchStatistics = (campaignId: string, unitId: string | null) =>
  api.get<CampaignStatistics>(withQuery(`/api/campaigns/${campaignId}/statistics`, { unitId }));

/** What a chart shows when it has nothing to draw. */
const EMPTY_TEXT: Record<ChartName, string> = {
  progress: 'Không có tổ chức cơ sở đảng nào trong phạm vi',
  'unit-levels': 'Không có tổ chức cơ sở đảng nào trong phạm vi',
  'member-levels': 'Không có đảng viên nào được kiểm điểm trong phạm vi',
  'unit-sectors': 'Không có tổ chức cơ sở đảng nào trong phạm vi',
  'member-sectors': 'Không có đảng viên nào được kiểm điểm trong phạm vi',
  'year-over-year-units': 'Chưa có số liệu các năm để so sánh',
  'year-over-year-members': 'Chưa có số liệu các năm để so sánh',
  quota: 'Chưa có kết quả xếp loại được công bố',
  remediation: 'Chưa có biện pháp khắc phục nào',
  overdue: 'Kế hoạch chưa có mốc thời gian và chưa có biện pháp khắc phục',
};

const nf = (n: number) => n.toLocaleString('vi-VN');
const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) : 0);
const publishedOf = (c: CampaignStatistics['units']) => LEVELS.reduce((n, l) => n + c[l], 0);

export default function DashboardTab({ campaignId }: { campaignId: string }) {
  const [search, setSearch] = useSearchParams();
  const unitId = search.get('unitId');
  const navigate = useNavigate();
  const { data, isPending, error, refetch, isFetching } = useQuery({
    queryKey: statisticsKeys.of(campaignId, unitId),
    queryFn: () => fetchStatistics(campaignId, unitId),
    placeholderData: (prev) => prev,
  });

  const chooseUnit = useCallback(
    (id: string | null) => {
      const next = new URLSearchParams(search);
      if (id) next.set('unitId', id);
      else next.delete('unitId');
      setSearch(next, { replace: true });
    },
    [search, setSearch],
  );

  const open = useCallback(
    (s: CampaignStatistics, target: ChartTarget) => {
      const to = targetPath(campaignId, s, target);
      if (to) void navigate(to);
    },
    [campaignId, navigate],
  );

  if (error && !data) {
    if (unitId) {
      return (
        <Result
          status="warning"
          title="Không xem được số liệu của đơn vị đã chọn"
          subTitle={errorMessage(error)}
          extra={
            <Space>
              <Button onClick={() => void refetch()}>Thử lại</Button>
              <Button type="primary" onClick={() => chooseUnit(null)}>
                Xem toàn bộ phạm vi
              </Button>
            </Space>
          }
        />
      );
    }
    return <QueryError error={error} onRetry={() => void refetch()} />;
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Card size="small">
        <Flex wrap gap={12} align="center" justify="space-between">
          <Space wrap>
            <Typography.Text strong>Phạm vi:</Typography.Text>
            <UnitChooser campaignId={campaignId} value={unitId} current={data ?? null} onChange={chooseUnit} />
            {unitId ? <Button onClick={() => chooseUnit(null)}>Toàn bộ phạm vi</Button> : null}
          </Space>
          {data ? (
            <Typography.Text type="secondary">
              Số liệu tính đến ngày {formatDate(data.businessDate)}; kết quả xếp loại chỉ tính khi đã công bố.
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      {error ? <Alert type="error" showIcon title="Không tải lại được số liệu" description={errorMessage(error)} /> : null}
      {isPending || !data ? <DashboardSkeleton /> : <Figures s={data} refreshing={isFetching} onTarget={(t) => open(data, t)} />}
    </Space>
  );
}

/** Where a clicked bar leads (null: nowhere the caller may go). */
function targetPath(campaignId: string, s: CampaignStatistics, t: ChartTarget): string | null {
  switch (t.kind) {
    case 'stage':
      return PATHS.campaignCockpit(campaignId, { stage: t.stage });
    case 'sector':
      return t.sector ? PATHS.campaignCockpit(campaignId, { sector: t.sector }) : null;
    case 'milestone':
      return PATHS.campaignCockpit(campaignId, { overdue: true });
    case 'remediation':
      if (!s.abilities.readRemediation) return null;
      return withQuery(PATHS.remediationCampaign(campaignId), { unitId: s.scope.unitId });
    case 'level': {
      const board = s.abilities.boardUnitId;
      if (!board) return null;
      // A committee's board lists its organizations; members are on their grassroots unit's board.
      const committee = s.scope.kind === 'committee' || (s.scope.kind === null && s.scope.wholeCampaign);
      if (t.subject === 'members' && committee) return PATHS.classificationCampaign(campaignId);
      return PATHS.classificationBoard(campaignId, board);
    }
  }
}

/** Whether a chart's bars lead somewhere for this caller (else they are not clickable). */
function clickable(name: ChartName, s: CampaignStatistics): boolean {
  switch (name) {
    case 'progress':
    case 'unit-sectors':
    case 'member-sectors':
      return true;
    case 'unit-levels':
    case 'member-levels':
      return s.abilities.boardUnitId !== null;
    case 'remediation':
      return s.abilities.readRemediation;
    case 'overdue':
      return true;
    default:
      return false;
  }
}

function Figures({ s, refreshing, onTarget }: { s: CampaignStatistics; refreshing: boolean; onTarget: (t: ChartTarget) => void }) {
  const options = useMemo(
    () => Object.fromEntries(CHART_NAMES.map((n) => [n, chartOption(n, s, { variant: 'web', showTitle: false })])),
    [s],
  );
  const unitsPublished = publishedOf(s.units);
  const membersPublished = publishedOf(s.members);
  const nothing = s.progress.grassroots === 0 && s.members.total === 0 && s.subUnits.total === 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', opacity: refreshing ? 0.7 : 1 }}>
      <Typography.Title level={5} style={{ margin: 0 }} data-testid="dashboard-scope">
        {s.scope.name}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small">
            <Statistic
              title="Tổ chức cơ sở đảng hoàn thành"
              value={s.progress.done}
              suffix={`/ ${nf(s.progress.grassroots)}`}
              formatter={(v) => nf(Number(v))}
            />
            <Progress percent={pct(s.progress.done, s.progress.grassroots)} size="small" />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small">
            <Statistic
              title="Tổ chức cơ sở đảng đã công bố xếp loại"
              value={unitsPublished}
              suffix={`/ ${nf(s.units.total)}`}
              formatter={(v) => nf(Number(v))}
            />
            <Progress percent={pct(unitsPublished, s.units.total)} size="small" />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small">
            <Statistic
              title="Đảng viên đã công bố xếp loại"
              value={membersPublished}
              suffix={`/ ${nf(s.members.total)}`}
              formatter={(v) => nf(Number(v))}
            />
            <Progress percent={pct(membersPublished, s.members.total)} size="small" />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small">
            <Statistic
              title="Chậm tiến độ / biện pháp quá hạn"
              value={s.overdue.units}
              suffix={`/ ${nf(s.overdue.remediationItems)}`}
              formatter={(v) => nf(Number(v))}
              styles={s.overdue.units + s.overdue.remediationItems > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
            <Typography.Text type="secondary">
              {nf(s.members.notClassified)} đảng viên không xếp loại; {nf(s.members.excluded)} không kiểm điểm
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title="Tóm tắt">
        <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="dashboard-headlines">
          {s.headlines.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      </Card>
      {nothing ? (
        <Card>
          <Empty description="Chưa có số liệu: đợt kiểm điểm chưa chốt danh sách đơn vị, đảng viên hoặc phạm vi đã chọn không có đơn vị nào." />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {CHART_NAMES.map((name) => (
            <Col key={name} xs={24} xl={name === 'progress' || name === 'overdue' ? 24 : 12}>
              <Card size="small" title={CHART_TITLES[name]}>
                {isChartEmpty(name, s) ? (
                  <Empty description={EMPTY_TEXT[name]} style={{ height: CHART_SIZES[name].height - 40, paddingTop: 40 }} />
                ) : (
                  <EChart
                    name={name}
                    label={CHART_TITLES[name]}
                    option={options[name]}
                    height={CHART_SIZES[name].height - 30}
                    onTarget={clickable(name, s) ? onTarget : undefined}
                  />
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}

function DashboardSkeleton() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} aria-busy="true" aria-label="Đang tải số liệu">
      <Row gutter={[16, 16]}>
        {[0, 1, 2, 3].map((i) => (
          <Col key={i} xs={24} sm={12} xl={6}>
            <Card size="small">
              <Skeleton active paragraph={{ rows: 1 }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        {[0, 1, 2, 3].map((i) => (
          <Col key={i} xs={24} xl={12}>
            <Card size="small">
              <Skeleton.Node active style={{ width: '100%', height: 260 }} />
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}

/**
 * The units of the campaign in the caller's scope (assignments.units), fetched when the list is
 * first opened; for a province the chi bộ trực thuộc are left out (thousands) and reached through
 * their grassroots unit's own dashboards.
 */
function UnitChooser({
  campaignId,
  value,
  current,
  onChange,
}: {
  campaignId: string;
  value: string | null;
  current: CampaignStatistics | null;
  onChange: (id: string | null) => void;
}) {
  const [opened, setOpened] = useState(false);
  const units = useQuery({
    queryKey: ['campaign', campaignId, 'statistics-units'],
    queryFn: () => fetchCampaignUnits(campaignId),
    enabled: opened,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const items = units.data?.items ?? [];
    const list = items.length > 1500 ? items.filter((u) => u.kind !== 'cell') : items;
    const out = list.map((u) => ({
      value: u.unitId,
      label: `${'\u2003'.repeat(Math.max(0, u.depth - 1))}${u.name}`,
      search: foldForSearch(`${u.name} ${u.code}`),
    }));
    if (current && value && !out.some((o) => o.value === value)) out.unshift({ value, label: current.scope.name, search: '' });
    if (current && !out.some((o) => o.value === current.campaign.ownerUnitId))
      out.unshift({
        value: current.campaign.ownerUnitId,
        label: current.campaign.ownerUnitName,
        search: foldForSearch(current.campaign.ownerUnitName),
      });
    return out;
  }, [units.data, current, value]);
  return (
    <Select
      aria-label="Phạm vi thống kê"
      style={{ minWidth: 320 }}
      allowClear
      placeholder="Toàn bộ phạm vi được xem"
      value={value}
      loading={units.isFetching}
      onOpenChange={(o) => o && setOpened(true)}
      onChange={(v: string | null | undefined) => onChange(v ?? null)}
      showSearch={{ filterOption: (input, o) => !!o?.search.includes(foldForSearch(input)) }}
      notFoundContent={units.isFetching ? 'Đang tải…' : units.error ? errorMessage(units.error) : 'Không có đơn vị nào'}
      options={options}
      popupMatchSelectWidth={false}
    />
  );
}
