// The calibration board (issue 4 item 4; design §4 "Xếp loại"): every subject of a unit's subtree
// with its self, tallied, proposed and decided levels, failed checks in red with their explanations
// and sources, the quota use of each group with its arithmetic, a what-if level per row that re-runs
// every check on the server without writing, and the proposing and deciding dialogs.
import { Alert, Button, Card, Col, Empty, Flex, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { errorMessage } from '../../api/client';
import { PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import type { Level } from '../../../shared/campaign-vocabulary.js';
import { classificationKeys, fetchBoard, fetchWhatIf, rowKey, type BoardRow, type BoardView, type TrialLevel } from './api';
import { ChecksList, ClassificationStatusTag, FailedTags, LevelTag, QuotaCard, TallyCell, type LevelNames } from './classification-ui';
import { DecideDialog } from './DecideDialog';
import { DecisionsCard } from './DecisionsCard';
import { ProposeDialog } from './ProposeDialog';

const namesFor = (view: BoardView, r: Pick<BoardRow, 'subjectKind'>): LevelNames =>
  r.subjectKind === 'member' ? view.memberLevels : view.unitLevels;

export default function BoardPage() {
  const { campaignId = '', unitId = '' } = useParams();
  const [trial, setTrial] = useState<Record<string, TrialLevel>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'propose' | 'decide' | null>(null);
  const trialList = useMemo(() => Object.values(trial), [trial]);

  const board = useQuery({ queryKey: classificationKeys.board(campaignId, unitId), queryFn: () => fetchBoard(campaignId, unitId) });
  const whatIf = useQuery({
    queryKey: classificationKeys.whatIf(campaignId, unitId, trialList),
    queryFn: () => fetchWhatIf(campaignId, unitId, trialList),
    enabled: trialList.length > 0,
    placeholderData: keepPreviousData,
  });
  const trying = trialList.length > 0;
  const view = trying ? (whatIf.data ?? board.data) : board.data;

  if (board.isPending) return <PageSpin />;
  // A failed refresh after a write keeps the board on screen (with a notice): only a board never
  // loaded is replaced by the error page.
  if (board.error && !board.data) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  if (!view) return null;

  const rowsByKey = new Map(view.rows.map((r) => [rowKey(r), r]));
  const selectedRows = selected.map((k) => rowsByKey.get(k)).filter((r): r is BoardRow => r !== undefined);
  const toPropose = selectedRows.filter((r) => r.canPropose);
  const toDecide = selectedRows.filter((r) => r.canDecide);
  const failing = view.rows.filter((r) => r.failed.length > 0 && r.level !== null);
  const failingQuotas = view.quotas.filter((q) => !q.passed);

  const setTrialLevel = (r: BoardRow, level: Level | null | undefined) => {
    const k = rowKey(r);
    const current = board.data?.rows.find((x) => rowKey(x) === k)?.level ?? null;
    setTrial((t) => {
      const next = { ...t };
      if (level === undefined || level === current) delete next[k];
      else next[k] = { subjectKind: r.subjectKind, subjectKey: r.subjectKey, level };
      return next;
    });
  };

  const columns = (names: LevelNames) => [
    {
      title: 'Đối tượng',
      key: 'name',
      render: (_: unknown, r: BoardRow) => (
        <Flex vertical gap={0}>
          <Space size={4} wrap>
            <Typography.Text strong={r.subjectKind !== 'member' || r.keyLeader}>{r.name}</Typography.Text>
            {r.keyLeader ? <Tag>Chủ chốt</Tag> : null}
            {!r.included || !r.classified ? <Tag color="default">Không xếp loại</Tag> : null}
          </Space>
          {r.subjectKind === 'member' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.unitName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: 'Tự nhận', key: 'self', render: (_: unknown, r: BoardRow) => <LevelTag names={names} level={r.selfLevel} /> },
    { title: 'Biểu quyết', key: 'tally', render: (_: unknown, r: BoardRow) => <TallyCell names={names} tally={r.tally} /> },
    {
      title: 'Đề xuất',
      key: 'proposed',
      render: (_: unknown, r: BoardRow) => (
        <Space size={4}>
          <LevelTag names={names} level={r.proposedLevel} />
          {r.proposalReason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title={r.proposalReason}>
              (có lý do)
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: 'Quyết định', key: 'decided', render: (_: unknown, r: BoardRow) => <LevelTag names={names} level={r.decidedLevel} /> },
    {
      title: 'Thử mức',
      key: 'trial',
      width: 150,
      render: (_: unknown, r: BoardRow) =>
        r.included && r.classified && r.status !== 'published' ? (
          <Select<Level | ''>
            size="small"
            style={{ width: 130 }}
            aria-label={`Thử mức cho ${r.name}`}
            value={trial[rowKey(r)] ? (trial[rowKey(r)].level ?? '') : (r.level ?? '')}
            onChange={(v) => setTrialLevel(r, v === '' ? null : v)}
            options={[{ value: '', label: '(chưa có mức)' }, ...names.map((n) => ({ value: n.level, label: n.short }))]}
            status={trial[rowKey(r)] ? 'warning' : undefined}
          />
        ) : (
          <LevelTag names={names} level={r.level} />
        ),
    },
    { title: 'Trạng thái', key: 'status', render: (_: unknown, r: BoardRow) => <ClassificationStatusTag status={r.status} /> },
    {
      title: 'Kiểm tra theo quy định',
      key: 'checks',
      render: (_: unknown, r: BoardRow) =>
        r.level === null && r.failed.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <FailedTags failed={r.failed} />
        ),
    },
  ];

  const table = (rows: BoardRow[], names: LevelNames) => (
    <Table<BoardRow>
      rowKey={rowKey}
      size="small"
      dataSource={rows}
      pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={columns(names)}
      onRow={(r) => (r.failed.length > 0 && r.level !== null ? { style: { background: '#fff1f0' } } : {})}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => setSelected(keys.map(String)),
        getCheckboxProps: (r) => ({ disabled: !r.canPropose && !r.canDecide, 'aria-label': `Chọn ${r.name}` }),
      }}
      expandable={{
        expandedRowRender: (r) => <ChecksList failed={r.failed} passedRules={r.passedRules} />,
        rowExpandable: (r) => r.failed.length > 0 || r.passedRules.length > 0,
      }}
      locale={{ emptyText: 'Không có đối tượng nào' }}
    />
  );

  const members = view.rows.filter((r) => r.subjectKind === 'member');
  const units = view.rows.filter((r) => r.subjectKind !== 'member');
  const tabs = [
    ...(members.length > 0
      ? [{ key: 'members', label: `Đảng viên (${members.length})`, children: table(members, view.memberLevels) }]
      : []),
    { key: 'units', label: `Tổ chức đảng (${units.length})`, children: table(units, view.unitLevels) },
  ];
  const selectable = view.rows.filter((r) => r.canDecide).map(rowKey);
  const proposable = view.rows.filter((r) => r.canPropose).map(rowKey);

  return (
    <>
      <PageHeader
        title={`Bảng cân nhắc xếp loại — ${view.unitName}`}
        crumbs={[
          { title: 'Trang chủ', to: PATHS.home },
          { title: 'Xếp loại', to: PATHS.classification },
          { title: view.campaignTitle, to: PATHS.classificationCampaign(campaignId) },
          { title: view.unitName },
        ]}
        tags={
          <>
            <Tag color="blue">Năm {view.reviewYear}</Tag>
            <Tag>{view.ruleSetName}</Tag>
          </>
        }
        actions={
          <>
            {view.abilities.propose ? (
              <Button onClick={() => setSelected(proposable)} disabled={proposable.length === 0}>
                Chọn tất cả có thể đề xuất
              </Button>
            ) : null}
            {view.abilities.decide ? <Button onClick={() => setSelected(selectable)}>Chọn tất cả có thể quyết định</Button> : null}
            <Button disabled={toPropose.length === 0} onClick={() => setDialog('propose')}>
              Đề xuất mức ({toPropose.length})
            </Button>
            <Button type="primary" disabled={toDecide.length === 0} onClick={() => setDialog('decide')}>
              Quyết định xếp loại ({toDecide.length})
            </Button>
          </>
        }
      />

      {trying ? (
        <Alert
          data-testid="board-trial"
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          title={`Đang thử ${trialList.length} thay đổi mức xếp loại — chưa ghi vào hệ thống. Mọi điều kiện đã được kiểm tra lại với các mức thử.`}
          action={
            <Button size="small" onClick={() => setTrial({})}>
              Bỏ các mức thử
            </Button>
          }
        />
      ) : null}
      {board.error ? (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          title={`Chưa tải lại được bảng xếp loại: ${errorMessage(board.error)} Số liệu dưới đây có thể chưa cập nhật.`}
          action={
            <Button size="small" onClick={() => void board.refetch()}>
              Tải lại
            </Button>
          }
        />
      ) : null}
      {failing.length > 0 || failingQuotas.length > 0 ? (
        <Alert
          data-testid="board-failures"
          style={{ marginBottom: 12 }}
          type="error"
          showIcon
          title={`${failing.length} trường hợp không đạt điều kiện theo quy định${failingQuotas.length > 0 ? `; ${failingQuotas.length} nhóm vượt tỷ lệ` : ''}. Quyết định trái với kết quả kiểm tra phải ghi rõ lý do.`}
        />
      ) : null}

      {view.quotas.length > 0 ? (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          {view.quotas.map((q) => (
            <Col key={`${q.subjectKind}-${q.groupKey}`} xs={24} md={12} xl={8}>
              <QuotaCard quota={q} names={q.subjectKind === 'member' ? view.memberLevels : view.unitLevels} />
            </Col>
          ))}
        </Row>
      ) : view.quotaPct === null ? (
        <Typography.Paragraph type="secondary">Bộ quy định của năm không đặt tỷ lệ khống chế mức cao nhất.</Typography.Paragraph>
      ) : null}

      <Card>{view.rows.length === 0 ? <Empty description="Không có đối tượng nào trong phạm vi này" /> : <Tabs items={tabs} />}</Card>

      <DecisionsCard campaignId={campaignId} unitId={unitId} />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        <Link to={PATHS.classificationCommendations(campaignId)}>Danh sách đề nghị khen thưởng</Link> ·{' '}
        <Link to={PATHS.classificationComplaints(campaignId)}>Kiến nghị về kết quả xếp loại</Link>
      </Typography.Paragraph>

      {dialog === 'propose' ? (
        <ProposeDialog
          campaignId={campaignId}
          unitId={unitId}
          view={view}
          rows={toPropose}
          trial={trial}
          onClose={(done) => {
            setDialog(null);
            if (done) {
              setSelected([]);
              setTrial({});
            }
          }}
        />
      ) : null}
      {dialog === 'decide' ? (
        <DecideDialog
          campaignId={campaignId}
          unitId={unitId}
          view={view}
          rows={toDecide}
          namesFor={(r) => namesFor(view, r)}
          onClose={(done) => {
            setDialog(null);
            if (done) {
              setSelected([]);
              setTrial({});
            }
          }}
        />
      ) : null}
    </>
  );
}
