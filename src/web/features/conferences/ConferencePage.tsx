// A review meeting (issue 4 items 1–2): its schedule and status, the steps the caller may take
// (start, conference mode, close — refused with the reasons while the minutes or the quorum are
// lacking), the agenda, attendance and quorum, upper-level guests, the minutes and the votes.
// A member of the chi bộ reads the minutes here (design §2); the votes are not shown to them.
import { CheckCircleOutlined, FormOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, List, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatConferenceTime } from '../../../shared/contracts/dossiers.js';
import { ApiError } from '../../api/client';
import { PATHS } from '../../app/menu';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { StageTag } from '../../components/StageTag';
import { formatDateTime, kindLabel } from '../../format';
import { afterConferenceStep, closeConference, conferenceKeys, fetchConference, startConference, type ConferenceView } from './api';
import { AttendancePanel } from './AttendancePanel';
import { CONFERENCE_STATUS_COLORS, levelName } from './conference-labels';
import { mergeEntries } from './entry-queue';
import { GuestsPanel } from './GuestsPanel';
import { EntryList } from './MinutesEntries';
import { MinutesHeaderForm, MinutesHeaderView } from './MinutesHeaderForm';

export default function ConferencePage() {
  const { conferenceId = '' } = useParams();
  const qc = useQueryClient();
  const notify = useNotify();
  const [busy, setBusy] = useState<'start' | 'close' | null>(null);
  const query = useQuery({ queryKey: conferenceKeys.detail(conferenceId), queryFn: () => fetchConference(conferenceId) });
  const { data: c, isPending, error, refetch } = query;
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;

  async function step(kind: 'start' | 'close') {
    setBusy(kind);
    try {
      const next = await (kind === 'start' ? startConference(c!) : closeConference(c!));
      await afterConferenceStep(qc, next);
      notify.success(
        kind === 'start' ? 'Hội nghị đã bắt đầu.' : 'Hội nghị đã kết thúc; các hạn chế, khuyết điểm hội nghị chỉ ra đã được ghi nhận.',
      );
    } catch (e) {
      notify.error(e);
      if (e instanceof ApiError && (e.code === 'conflict.version' || e.code === 'conference.invalid_state')) void refetch();
    } finally {
      setBusy(null);
    }
  }

  const actions = (
    <>
      {c.abilities.start ? (
        <Popconfirm
          title="Bắt đầu hội nghị?"
          description="Chương trình được lập theo thứ tự: tập thể, người đứng đầu, cấp phó, các đảng viên."
          okText="Bắt đầu"
          cancelText="Hủy"
          onConfirm={() => step('start')}
        >
          <Button type="primary" icon={<PlayCircleOutlined />} loading={busy === 'start'}>
            Bắt đầu hội nghị
          </Button>
        </Popconfirm>
      ) : null}
      {c.abilities.write ? (
        <Link to={PATHS.conferenceMode(c.id)}>
          <Button type="primary" icon={<FormOutlined />}>
            Vào chế độ họp
          </Button>
        </Link>
      ) : null}
      {c.abilities.close ? (
        <Popconfirm
          title="Kết thúc hội nghị?"
          description="Biên bản sẽ không sửa được nữa; các hạn chế, khuyết điểm hội nghị chỉ ra được ghi để theo dõi khắc phục."
          okText="Kết thúc"
          cancelText="Hủy"
          disabled={c.closeProblems.length > 0}
          onConfirm={() => step('close')}
        >
          <Button icon={<CheckCircleOutlined />} loading={busy === 'close'} disabled={c.closeProblems.length > 0}>
            Kết thúc hội nghị
          </Button>
        </Popconfirm>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader
        title={`Hội nghị kiểm điểm – ${c.unitName}`}
        crumbs={[
          { title: 'Kiểm điểm', to: PATHS.campaigns },
          { title: c.campaignTitle, to: PATHS.campaign(c.campaignId) },
          { title: 'Hội nghị', to: PATHS.conferences(c.campaignId) },
          { title: c.unitName },
        ]}
        tags={
          <>
            <Tag color={CONFERENCE_STATUS_COLORS[c.status]} data-testid="conference-status">
              {c.statusLabel}
            </Tag>
            <StageTag stage={c.stage} />
          </>
        }
        actions={actions}
      />
      {c.abilities.close && c.closeProblems.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="close-problems"
          title="Chưa thể kết thúc hội nghị"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {c.closeProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <MinutesCard c={c} />
            {c.abilities.readTallies ? <TalliesCard c={c} /> : null}
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card title="Thông tin chung" size="small">
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'unit', label: 'Đơn vị', children: `${c.unitName} (${kindLabel(c.unitKind)})` },
                  { key: 'year', label: 'Năm kiểm điểm', children: c.reviewYear },
                  { key: 'time', label: 'Thời gian', children: formatConferenceTime(c.scheduledFor) },
                  { key: 'place', label: 'Địa điểm', children: c.place ?? '—' },
                  { key: 'started', label: 'Bắt đầu lúc', children: c.startedAt ? formatDateTime(c.startedAt) : '—' },
                  { key: 'closed', label: 'Kết thúc lúc', children: c.closedAt ? formatDateTime(c.closedAt) : '—' },
                  {
                    key: 'dossier',
                    label: 'Hồ sơ đơn vị',
                    children: c.abilities.readTallies ? (
                      <Link to={PATHS.dossier(c.campaignId, c.unitId)}>{c.stageLabel}</Link>
                    ) : (
                      c.stageLabel
                    ),
                  },
                ]}
              />
            </Card>
            <Card title="Chương trình hội nghị" size="small">
              {c.agenda.length === 0 ? (
                <Typography.Text type="secondary">Chương trình được lập khi bắt đầu hội nghị. {c.agendaRule}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={c.agenda}
                  renderItem={(a) => (
                    <List.Item>
                      <span>
                        {a.position}. {a.label}
                      </span>
                      {a.status === 'done' ? (
                        <Tag color="green">Đã xong</Tag>
                      ) : a.current ? (
                        <Tag color="gold">Đang kiểm điểm</Tag>
                      ) : (
                        <Tag>Chờ đến lượt</Tag>
                      )}
                    </List.Item>
                  )}
                />
              )}
            </Card>
            {c.status !== 'scheduled' ? (
              <Card title="Điểm danh và số lượng hợp lệ" size="small">
                <AttendancePanel c={c} editable={c.abilities.write} />
              </Card>
            ) : null}
            {c.status !== 'scheduled' ? (
              <Card title="Thành phần cấp trên dự hội nghị" size="small">
                <GuestsPanel c={c} />
              </Card>
            ) : null}
          </Flex>
        </Col>
      </Row>
    </>
  );
}

function MinutesCard({ c }: { c: ConferenceView }) {
  const shown = mergeEntries(c.entries, [], null);
  const groups = [
    ...c.agenda.map((a) => ({
      key: a.id,
      title: `${a.position}. ${a.label}`,
      entries: shown.filter((e) => e.entry.subjectKind === a.subjectKind && e.entry.subjectKey === a.subjectKey),
    })),
    { key: 'general', title: 'Ghi chép chung', entries: shown.filter((e) => !e.entry.subjectKind) },
  ].filter((g) => g.entries.length > 0);
  return (
    <Card title="Biên bản hội nghị" size="small" data-testid="minutes">
      {c.abilities.editHeader ? <MinutesHeaderForm c={c} /> : <MinutesHeaderView c={c} />}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Ý kiến, giải trình và kết luận
      </Typography.Title>
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Biên bản chưa có nội dung" />
      ) : (
        groups.map((g) => (
          <div key={g.key} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{g.title}</Typography.Text>
            <EntryList c={c} entries={g.entries} showState={false} />
          </div>
        ))
      )}
    </Card>
  );
}

function TalliesCard({ c }: { c: ConferenceView }) {
  const votable = c.agenda.filter((a) => a.votable);
  if (votable.length === 0) return null;
  const rows = votable.map((a) => ({ item: a, tally: c.tallies.find((t) => t.memberId === a.subjectKey) }));
  return (
    <Card title="Kết quả biểu quyết xếp loại" size="small" data-testid="tallies">
      <Table
        size="small"
        rowKey={(r) => r.item.id}
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: 'Đảng viên', key: 'name', render: (_, r) => r.item.label.replace(/^Đồng chí /, '') },
          { title: 'Có mặt', key: 'present', align: 'right', render: (_, r) => r.tally?.present ?? '—' },
          { title: 'Hợp lệ', key: 'valid', align: 'right', render: (_, r) => r.tally?.valid ?? '—' },
          ...c.levels.map((l) => ({
            title: l.short,
            key: l.level,
            align: 'right' as const,
            render: (_: unknown, r: (typeof rows)[number]) => r.tally?.votes[l.level] ?? '—',
          })),
          {
            title: 'Mức đề xuất',
            key: 'proposed',
            render: (_, r) =>
              r.tally ? levelName(c, r.tally.proposedLevel) : <Typography.Text type="secondary">Chưa biểu quyết</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
