// Conference mode (issue 4 item 1): the secretary's screen on a laptop in the meeting room. The
// agenda on the left with the subject under review; in the middle the entry form and the entries
// about the chosen subject; on the right the vote for that member, attendance and the quorum, and
// the minutes' header. Entries are saved continuously through the offline queue: typed while the
// network is down, they stay on this machine ("chưa gửi") and go when it returns, once.
// Keys: Ctrl+Enter adds an entry; Enter in the speaker field moves to the content; Alt+↑ / Alt+↓
// choose the previous or next subject of the agenda.
import { CheckOutlined, DisconnectOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Col, Empty, Flex, List, Result, Row, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { PATHS } from '../../app/menu';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatConferenceTime } from '../../../shared/contracts/dossiers.js';
import { afterConferenceStep, completeAgendaItem, conferenceKeys, fetchConference, type ConferenceView } from './api';
import { AttendancePanel } from './AttendancePanel';
import { OFFLINE_MESSAGE } from './conference-labels';
import { mergeEntries, type EntryDraft, type ShownEntry } from './entry-queue';
import { EntryForm, EntryList, type EntryFormHandle, type Subject } from './MinutesEntries';
import { MinutesHeaderForm } from './MinutesHeaderForm';
import { TallyForm } from './TallyForm';
import { useEntryQueue } from './use-entry-queue';

export default function ConferenceModePage() {
  const { conferenceId = '' } = useParams();
  const query = useQuery({ queryKey: conferenceKeys.detail(conferenceId), queryFn: () => fetchConference(conferenceId) });
  const { data: c, isPending, error, refetch } = query;
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (c.status !== 'in_progress' || !c.abilities.write) {
    return (
      <Result
        status="info"
        title={
          c.status === 'scheduled'
            ? 'Hội nghị chưa bắt đầu'
            : c.status === 'closed'
              ? 'Hội nghị đã kết thúc'
              : 'Chỉ người ghi biên bản dùng chế độ họp'
        }
        subTitle="Chế độ họp dùng để ghi biên bản trong khi hội nghị đang diễn ra."
        extra={
          <Link to={PATHS.conference(c.id)}>
            <Button type="primary">Về trang hội nghị</Button>
          </Link>
        }
      />
    );
  }
  return <ConferenceMode c={c} />;
}

function ConferenceMode({ c }: { c: ConferenceView }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const { queue, connected } = useEntryQueue(c.id);
  const formRef = useRef<EntryFormHandle>(null);
  const current = c.agenda.find((a) => a.current) ?? null;
  const [selectedId, setSelectedId] = useState<string | null>(current?.id ?? null);
  const [scope, setScope] = useState<'subject' | 'all'>('subject');
  const [busy, setBusy] = useState(false);

  // When the meeting moves on, the form follows the new current subject.
  const currentId = current?.id ?? null;
  useEffect(() => {
    if (currentId) setSelectedId(currentId);
  }, [currentId]);

  const selected = c.agenda.find((a) => a.id === selectedId) ?? current;
  const subject: Subject | null = selected ? { kind: selected.subjectKind, key: selected.subjectKey, label: selected.label } : null;
  const reachable = c.agenda.filter((a) => a.reached);

  // Alt+↑ / Alt+↓: the previous or next subject among those whose turn has come.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
      const at = reachable.findIndex((a) => a.id === selected?.id);
      const next = reachable[at + (e.key === 'ArrowDown' ? 1 : -1)];
      if (!next) return;
      e.preventDefault();
      setSelectedId(next.id);
      formRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reachable, selected?.id]);

  // Recomputed on every redraw: the queue changes in place and asks for a redraw when it does.
  const shown = mergeEntries(c.entries, queue.items, queue.sending);
  const visible =
    scope === 'all' || !subject ? shown : shown.filter((e) => e.entry.subjectKind === subject.kind && e.entry.subjectKey === subject.key);
  const waiting = shown.filter((e) => e.state !== 'sent').length;

  function put(draft: EntryDraft, version: number | null) {
    queue.put(draft, version);
  }
  function remove(e: ShownEntry) {
    const { id: _id, version: _v, createdAt: _c, createdByName: _n, ...draft } = e.entry;
    queue.put({ ...draft, deleted: true }, e.entry.version);
  }

  async function finishCurrent() {
    if (!current) return;
    setBusy(true);
    try {
      const next = await completeAgendaItem(c, current.id);
      await afterConferenceStep(qc, next);
      const now = next.agenda.find((a) => a.current);
      notify.success(now ? `Chuyển sang: ${now.label}` : 'Đã kiểm điểm xong mọi đối tượng trong chương trình.');
    } catch (e) {
      notify.error(e);
      if (e instanceof ApiError && e.code === 'conference.agenda_order')
        void qc.invalidateQueries({ queryKey: conferenceKeys.detail(c.id) });
    } finally {
      setBusy(false);
      formRef.current?.focus();
    }
  }

  return (
    <>
      <PageHeader
        title={`Chế độ họp – ${c.unitName}`}
        crumbs={[
          { title: 'Kiểm điểm', to: PATHS.campaigns },
          { title: c.campaignTitle, to: PATHS.campaign(c.campaignId) },
          { title: 'Hội nghị kiểm điểm', to: PATHS.conference(c.id) },
          { title: 'Chế độ họp' },
        ]}
        tags={
          <Space size={4}>
            <Tag color="gold">{c.statusLabel}</Tag>
            <Typography.Text type="secondary">
              {formatConferenceTime(c.scheduledFor)}
              {c.place ? `, ${c.place}` : ''}
            </Typography.Text>
          </Space>
        }
        actions={
          <Link to={PATHS.conference(c.id)}>
            <Button icon={<FileTextOutlined />}>Xem toàn bộ biên bản</Button>
          </Link>
        }
      />
      {!connected ? (
        <Alert
          type="error"
          showIcon
          icon={<DisconnectOutlined />}
          data-testid="offline-banner"
          title={OFFLINE_MESSAGE}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Flex gap={8} align="center" style={{ marginBottom: 12 }} data-testid="save-status">
        {waiting > 0 ? (
          <Badge status="warning" text={`${waiting} nội dung chưa gửi lên máy chủ`} />
        ) : (
          <Badge status="success" text="Mọi nội dung đã được lưu" />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Ctrl+Enter: thêm nội dung · Enter ở ô người phát biểu: sang ô nội dung · Alt+↑/↓: đổi đối tượng
        </Typography.Text>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <Card size="small" title="Chương trình hội nghị">
            <List
              size="small"
              data-testid="agenda"
              dataSource={c.agenda}
              renderItem={(a) => (
                <List.Item
                  style={{ background: a.id === selected?.id ? '#fff1f0' : undefined, paddingInline: 8 }}
                  data-testid={a.current ? 'agenda-current' : undefined}
                >
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Button
                      type="link"
                      disabled={!a.reached}
                      onClick={() => {
                        setSelectedId(a.id);
                        formRef.current?.focus();
                      }}
                      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    >
                      {a.position}. {a.label}
                    </Button>
                    <Space size={4}>
                      {a.status === 'done' ? (
                        <Tag color="green">Đã xong</Tag>
                      ) : a.current ? (
                        <Tag color="gold">Đang kiểm điểm</Tag>
                      ) : (
                        <Tag>Chờ đến lượt</Tag>
                      )}
                    </Space>
                    {a.current ? (
                      <Button
                        size="small"
                        icon={<CheckOutlined />}
                        loading={busy}
                        disabled={!connected}
                        onClick={() => void finishCurrent()}
                      >
                        Xong phần này, chuyển tiếp
                      </Button>
                    ) : null}
                  </Flex>
                </List.Item>
              )}
            />
            <Typography.Paragraph
              style={{ marginTop: 8, marginBottom: 4 }}
              type={c.quorum.met ? 'success' : 'warning'}
              data-testid="quorum-short"
            >
              {c.quorum.explanation}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
              {c.agendaRule}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Flex vertical gap={16}>
            <Card size="small" title="Ghi biên bản">
              <EntryForm ref={formRef} c={c} subject={subject} onSubmit={put} />
            </Card>
            <Card
              size="small"
              title="Nội dung đã ghi"
              extra={
                <Segmented
                  size="small"
                  value={scope}
                  onChange={(v) => setScope(v as 'subject' | 'all')}
                  options={[
                    { value: 'subject', label: 'Đối tượng đang chọn' },
                    { value: 'all', label: 'Toàn bộ' },
                  ]}
                />
              }
            >
              <EntryList
                c={c}
                entries={visible}
                showSubject={scope === 'all'}
                onEdit={(e) => formRef.current?.edit(e)}
                onDelete={remove}
                onRetry={(e) => queue.retry(e.clientKey)}
                onDiscard={(e) => queue.discard(e.clientKey)}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={7}>
          <Card size="small">
            <Tabs
              size="small"
              // The three tabs must fit the narrow column of a 1366 px laptop without an overflow menu.
              tabBarGutter={12}
              items={[
                {
                  key: 'vote',
                  label: 'Biểu quyết',
                  children:
                    selected && selected.votable ? (
                      <TallyForm c={c} memberId={selected.subjectKey} name={selected.label.replace(/^Đồng chí /, '')} online={connected} />
                    ) : (
                      <Empty
                        image={Empty.PRESENTED_IMAGE_SIMPLE}
                        description={
                          selected?.subjectKind === 'member'
                            ? 'Đồng chí này không biểu quyết xếp loại tại hội nghị này.'
                            : 'Chọn một đảng viên trong chương trình để ghi kết quả biểu quyết.'
                        }
                      />
                    ),
                },
                {
                  key: 'attendance',
                  label: 'Điểm danh',
                  children: <AttendancePanel c={c} editable={c.abilities.write} online={connected} />,
                },
                { key: 'header', label: 'Phần chung', children: <MinutesHeaderForm c={c} disabled={!connected} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
