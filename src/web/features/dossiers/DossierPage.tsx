// A unit's dossier and the appraisal gate (issue 3 item 7; regulations §3.1 bước 4, §4; Hà Tĩnh
// 2017): the stage along design §3's path, what the dossier holds (the collective report, the key
// leaders' reviews, files), the Organization Board's appraisal with findings per section, the
// findings of earlier rounds in view when it comes back, and the conference once the gate allows it.
// Only the steps the server offers the caller are shown (design §4).
import {
  AuditOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  PaperClipOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Popconfirm,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ASSIGNMENT_DUTY_LABELS, REVIEW_STATUS_LABELS, type UnitAction } from '../../../shared/campaign-vocabulary.js';
import { UNIT_ACTION_LABELS, formatConferenceTime, type AppraisalRoundView, type Finding } from '../../../shared/contracts/dossiers.js';
import { ApiError, downloadFile } from '../../api/client';
import { PATHS } from '../../app/menu';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { StageTag } from '../../components/StageTag';
import { formatDate, formatDateTime, kindLabel } from '../../format';
import {
  afterStep,
  attachToDossier,
  attachmentUrl,
  commentDossier,
  detachFromDossier,
  dossierKeys,
  fetchDossier,
  saveFindings,
  scheduleConference,
  takeStep,
  type DossierStep,
  type DossierView,
} from './api';
import { dossierSteps } from './dossier-steps';
import { FindingsEditor, FindingsList, SECTION_OPTIONS } from './FindingsEditor';
import { UnitReviewsCard } from '../reviews/UnitReviewsCard';
import { ConferenceLink } from '../conferences/ConferenceLink';

const REVIEW_COLORS: Record<string, string> = { draft: 'default', submitted: 'blue', returned: 'orange', finalized: 'green' };
const ROUND_COLORS: Record<string, string> = { open: 'gold', cleared: 'green', returned: 'orange' };

type Dialog = 'return' | 'clear' | 'reopen' | 'schedule' | null;

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString('vi-VN')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

const openRoundOf = (d: DossierView): AppraisalRoundView | undefined => d.rounds.find((r) => r.status === 'open');
const draftFindings = (d: DossierView): Finding[] => (openRoundOf(d)?.findings ?? []).map((f) => ({ section: f.section, text: f.text }));

export default function DossierPage() {
  const { campaignId = '', unitId = '' } = useParams();
  const screens = Grid.useBreakpoint();
  const qc = useQueryClient();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<UnitAction | null>(null);
  const query = useQuery({ queryKey: dossierKeys.detail(campaignId, unitId), queryFn: () => fetchDossier(campaignId, unitId) });
  const { data: d, isPending, error, refetch } = query;
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;

  const actions = new Set(d.abilities.actions);
  const refreshOnConflict = (e: unknown) => {
    if (e instanceof ApiError && (e.code === 'conflict.version' || e.code === 'dossier.invalid_transition')) void refetch();
  };
  async function step(action: DossierStep, success: string) {
    setBusy(action);
    try {
      await afterStep(qc, await takeStep(d!, action));
      notify.success(success);
    } catch (e) {
      notify.error(e);
      refreshOnConflict(e);
    } finally {
      setBusy(null);
    }
  }

  const steps = dossierSteps(d.stage, d.needsAppraisal);
  const lastReturned = [...d.rounds].reverse().find((r) => r.status === 'returned');
  const schedulingBlocked = d.abilities.runsUnit && d.gateMessage !== null && !actions.has('schedule_conference');

  const headerActions = (
    <>
      {actions.has('start') ? (
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          loading={busy === 'start'}
          onClick={() => void step('start', 'Đã bắt đầu chuẩn bị hồ sơ.')}
        >
          {UNIT_ACTION_LABELS.start}
        </Button>
      ) : null}
      {actions.has('resume') ? (
        <Button
          icon={<EditOutlined />}
          loading={busy === 'resume'}
          onClick={() => void step('resume', 'Hồ sơ đã trở lại giai đoạn chuẩn bị.')}
        >
          {UNIT_ACTION_LABELS.resume}
        </Button>
      ) : null}
      {actions.has('submit') ? (
        <Popconfirm
          title="Nộp hồ sơ kiểm điểm cho cấp trên?"
          description={d.needsAppraisal ? 'Hồ sơ sẽ được Ban Tổ chức thẩm định trước khi đơn vị tổ chức hội nghị.' : undefined}
          okText="Nộp"
          cancelText="Hủy"
          onConfirm={() => step('submit', 'Đã nộp hồ sơ.')}
        >
          <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'}>
            {UNIT_ACTION_LABELS.submit}
          </Button>
        </Popconfirm>
      ) : null}
      {actions.has('begin_appraisal') ? (
        <Button
          type="primary"
          icon={<AuditOutlined />}
          loading={busy === 'begin_appraisal'}
          onClick={() => void step('begin_appraisal', 'Đã mở vòng thẩm định.')}
        >
          {UNIT_ACTION_LABELS.begin_appraisal}
        </Button>
      ) : null}
      {actions.has('clear') ? (
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog('clear')}>
          {UNIT_ACTION_LABELS.clear}
        </Button>
      ) : null}
      {actions.has('return') ? (
        <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
          {UNIT_ACTION_LABELS.return}
        </Button>
      ) : null}
      {actions.has('schedule_conference') ? (
        <Button type="primary" icon={<CalendarOutlined />} onClick={() => setDialog('schedule')}>
          {UNIT_ACTION_LABELS.schedule_conference}
        </Button>
      ) : schedulingBlocked ? (
        <Button icon={<CalendarOutlined />} disabled title={d.gateMessage ?? undefined}>
          {UNIT_ACTION_LABELS.schedule_conference}
        </Button>
      ) : null}
      <ConferenceLink campaignId={d.campaignId} unitId={d.unitId} stage={d.stage} />
      {actions.has('reopen') ? (
        <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')}>
          {UNIT_ACTION_LABELS.reopen}
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader
        title={d.unitName}
        crumbs={[
          { title: 'Kiểm điểm', to: PATHS.campaigns },
          { title: d.campaignTitle, to: PATHS.campaign(d.campaignId) },
          { title: 'Hồ sơ kiểm điểm' },
        ]}
        tags={
          <>
            <StageTag stage={d.stage} data-testid="dossier-stage" />
            {d.needsAppraisal ? <Tag color="purple">Thuộc diện Ban Tổ chức thẩm định</Tag> : null}
          </>
        }
        actions={headerActions}
      />

      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          orientation={screens.md ? 'horizontal' : 'vertical'}
          current={steps.current}
          status={steps.status}
          items={steps.titles.map((title) => ({ title }))}
        />
      </Card>

      {d.stage === 'returned' || (d.stage === 'drafting' && lastReturned && d.abilities.runsUnit) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="returned-findings"
          title={
            d.stage === 'returned' ? 'Hồ sơ đã được trả lại để bổ sung' : `Ý kiến thẩm định vòng ${lastReturned?.round ?? ''} cần khắc phục`
          }
          description={
            lastReturned ? (
              <Flex vertical gap={8}>
                {lastReturned.reason ? (
                  <Typography.Text>
                    <strong>Lý do:</strong> {lastReturned.reason}
                  </Typography.Text>
                ) : null}
                <FindingsList findings={lastReturned.findings} />
              </Flex>
            ) : (
              d.stageReason
            )
          }
        />
      ) : null}

      {schedulingBlocked ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="gate-message"
          title="Chưa thể lên lịch hội nghị"
          description={d.gateMessage}
        />
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <ContentsCard d={d} />
            <AttachmentsCard d={d} />
            <AppraisalCard d={d} />
            <UnitReviewsCard campaignId={d.campaignId} unitId={d.unitId} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <SummaryCard d={d} />
            <CommentsCard d={d} />
          </Flex>
        </Col>
      </Row>

      <ReturnDialog d={d} open={dialog === 'return'} onClose={() => setDialog(null)} onError={refreshOnConflict} />
      <ClearDialog d={d} open={dialog === 'clear'} onClose={() => setDialog(null)} onError={refreshOnConflict} />
      <ReopenDialog d={d} open={dialog === 'reopen'} onClose={() => setDialog(null)} onError={refreshOnConflict} />
      <ScheduleDialog d={d} open={dialog === 'schedule'} onClose={() => setDialog(null)} onError={refreshOnConflict} />
    </>
  );
}

// ── Cards ──────────────────────────────────────────────────────────────────────────────────────

function ReviewStatusTag({ status, label }: { status: string | null; label: string }) {
  return (
    <Tag color={status ? REVIEW_COLORS[status] : 'default'}>
      {status ? REVIEW_STATUS_LABELS[status as keyof typeof REVIEW_STATUS_LABELS] : label}
    </Tag>
  );
}

function ContentsCard({ d }: { d: DossierView }) {
  return (
    <Card title="Nội dung hồ sơ" size="small">
      <List
        size="small"
        dataSource={d.reports}
        renderItem={(r) => (
          <List.Item extra={<ReviewStatusTag status={r.status} label={r.statusLabel} />}>
            <Link to={PATHS.review(d.campaignId, r.subjectKind, r.subjectKey)}>{r.title}</Link>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        Bản kiểm điểm của các đồng chí chủ chốt
      </Typography.Title>
      <Table
        rowKey="memberId"
        size="small"
        pagination={false}
        dataSource={d.keyLeaders}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Đơn vị không có đồng chí chủ chốt trong danh sách kiểm điểm' }}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            render: (name: string, l) => (l.canOpen ? <Link to={PATHS.review(d.campaignId, 'member', l.memberId)}>{name}</Link> : name),
          },
          { title: 'Chức vụ', dataIndex: 'partyPosts', render: (p: string | null) => p ?? '', responsive: ['md'] },
          { title: 'Chi bộ', dataIndex: 'unitName', responsive: ['lg'] },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (s: string | null, l) => <ReviewStatusTag status={s} label={l.statusLabel} />,
          },
        ]}
      />
      {d.missing.length > 0 && ['planned', 'drafting', 'returned'].includes(d.stage) ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title="Hồ sơ chưa đủ để nộp"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {d.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Card>
  );
}

function AttachmentsCard({ d }: { d: DossierView }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [uploading, setUploading] = useState(false);
  async function upload(file: File) {
    setUploading(true);
    try {
      await afterStep(qc, await attachToDossier(d, file));
      notify.success(`Đã thêm tệp "${file.name}".`);
    } catch (e) {
      notify.error(e);
    } finally {
      setUploading(false);
    }
  }
  async function remove(id: string, name: string) {
    try {
      await afterStep(qc, await detachFromDossier(d, id));
      notify.success(`Đã bỏ tệp "${name}".`);
    } catch (e) {
      notify.error(e);
    }
  }
  return (
    <Card
      title="Tài liệu kèm theo"
      size="small"
      extra={
        d.abilities.attach ? (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              Thêm tệp
            </Button>
          </Upload>
        ) : null
      }
    >
      {d.attachments.length === 0 ? (
        <Typography.Text type="secondary">Chưa có tài liệu kèm theo.</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={d.attachments}
          renderItem={(a) => (
            <List.Item
              actions={
                d.abilities.attach
                  ? [
                      <Popconfirm
                        key="del"
                        title={`Bỏ tệp "${a.name}" khỏi hồ sơ?`}
                        okText="Bỏ"
                        cancelText="Hủy"
                        onConfirm={() => remove(a.id, a.name)}
                      >
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Bỏ ${a.name}`} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space wrap size={4}>
                <Button
                  type="link"
                  icon={<PaperClipOutlined />}
                  style={{ padding: 0, height: 'auto' }}
                  onClick={() => void downloadFile(attachmentUrl(a.id), a.name).catch((e: unknown) => notify.error(e))}
                >
                  {a.name}
                </Button>
                <Typography.Text type="secondary">
                  {fileSize(a.size)} · {a.createdByName ?? ''} · {formatDateTime(a.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The Organization Board's panel: the open round's findings, and every round with its verdict. */
function AppraisalCard({ d }: { d: DossierView }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [form] = Form.useForm<{ findings: Finding[] }>();
  const [saving, setSaving] = useState(false);
  const open = openRoundOf(d);
  const roundKey = `${open?.round ?? 0}`;
  useEffect(() => {
    if (d.abilities.saveFindings) form.setFieldsValue({ findings: draftFindings(d) });
    // Reset to the server's draft when another round opens, not on every refetch of the same round.
  }, [roundKey]);

  if (!d.needsAppraisal && d.rounds.length === 0) return null;

  async function save() {
    let values: { findings: Finding[] };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await afterStep(qc, await saveFindings(d, values.findings ?? []));
      notify.success('Đã lưu ý kiến thẩm định.');
    } catch (e) {
      notify.error(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="Thẩm định hồ sơ" size="small" data-testid="appraisal-panel">
      {d.abilities.saveFindings && open ? (
        <div style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            Vòng thẩm định {open.round}: ghi ý kiến theo từng mục của hồ sơ. Khi kết luận, chọn «{UNIT_ACTION_LABELS.clear}» hoặc «
            {UNIT_ACTION_LABELS.return}» ở đầu trang.
          </Typography.Paragraph>
          <Form form={form} layout="vertical" initialValues={{ findings: draftFindings(d) }}>
            <FindingsEditor />
          </Form>
          <Button icon={<SaveOutlined />} style={{ marginTop: 8 }} loading={saving} onClick={() => void save()}>
            Lưu ý kiến thẩm định
          </Button>
        </div>
      ) : null}
      {d.rounds.length === 0 ? (
        <Typography.Text type="secondary">Chưa có vòng thẩm định nào.</Typography.Text>
      ) : (
        <Timeline
          items={[...d.rounds].reverse().map((r) => ({
            key: r.round,
            color: r.status === 'cleared' ? 'green' : r.status === 'returned' ? 'orange' : 'gold',
            content: (
              <Flex vertical gap={6} data-testid={`appraisal-round-${r.round}`}>
                <Space wrap size={6}>
                  <Typography.Text strong>Vòng {r.round}</Typography.Text>
                  <Tag color={ROUND_COLORS[r.status]}>{r.statusLabel}</Tag>
                  <Typography.Text type="secondary">
                    {formatDateTime(r.startedAt)}
                    {r.decidedAt ? ` – ${formatDateTime(r.decidedAt)}` : ''}
                    {r.appraiserName ? ` · ${r.appraiserName}` : ''}
                  </Typography.Text>
                </Space>
                {r.reason ? (
                  <Typography.Text>
                    <strong>Lý do:</strong> {r.reason}
                  </Typography.Text>
                ) : null}
                {r.status === 'open' && !d.abilities.saveFindings ? (
                  <Typography.Text type="secondary">Ban Tổ chức đang thẩm định hồ sơ.</Typography.Text>
                ) : r.status !== 'open' ? (
                  <FindingsList findings={r.findings} />
                ) : null}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function SummaryCard({ d }: { d: DossierView }) {
  return (
    <Card title="Thông tin chung" size="small">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'unit', label: 'Đơn vị', children: `${d.unitName} (${kindLabel(d.unitKind)})` },
          { key: 'year', label: 'Năm kiểm điểm', children: d.reviewYear },
          { key: 'stage', label: 'Giai đoạn', children: `${d.stageLabel} (từ ${formatDateTime(d.stageChangedAt)})` },
          ...(d.stageReason ? [{ key: 'reason', label: 'Lý do', children: d.stageReason }] : []),
          { key: 'submitted', label: 'Ngày nộp hồ sơ', children: d.submittedAt ? formatDateTime(d.submittedAt) : '—' },
          ...(d.needsAppraisal
            ? [{ key: 'cleared', label: 'Ngày thẩm định đạt', children: d.clearedAt ? formatDateTime(d.clearedAt) : '—' }]
            : []),
          {
            key: 'conference',
            label: 'Hội nghị kiểm điểm',
            children: d.conference ? (
              <span data-testid="conference">
                {formatConferenceTime(d.conference.scheduledFor)}
                {d.conference.place ? `, ${d.conference.place}` : ''}
              </span>
            ) : (
              'Chưa lên lịch'
            ),
          },
          {
            key: 'directors',
            label: 'Phụ trách, chỉ đạo',
            children:
              d.directors.length === 0 ? (
                'Chưa phân công'
              ) : (
                <Flex vertical gap={2}>
                  {d.directors.map((x) => (
                    <span key={x.accountId}>
                      {x.name}{' '}
                      <Typography.Text type="secondary">
                        ({x.duties.map((t) => ASSIGNMENT_DUTY_LABELS[t].toLowerCase()).join(', ')})
                      </Typography.Text>
                    </span>
                  ))}
                </Flex>
              ),
          },
        ]}
      />
    </Card>
  );
}

function CommentsCard({ d }: { d: DossierView }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [form] = Form.useForm<{ section?: string; text: string }>();
  const [sending, setSending] = useState(false);
  if (d.comments.length === 0 && !d.abilities.comment) return null;
  async function send() {
    let v: { section?: string; text: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSending(true);
    try {
      await afterStep(qc, await commentDossier(d, v.text, v.section));
      form.resetFields();
      notify.success('Đã ghi ý kiến.');
    } catch (e) {
      notify.error(e);
    } finally {
      setSending(false);
    }
  }
  return (
    <Card title="Ý kiến phụ trách, chỉ đạo" size="small">
      {d.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có ý kiến" />
      ) : (
        <List
          size="small"
          dataSource={d.comments}
          renderItem={(c) => (
            <List.Item>
              <Flex vertical gap={2}>
                <Space wrap size={4}>
                  <Typography.Text strong>{c.authorName ?? ''}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(c.at)}</Typography.Text>
                  {c.sectionLabel ? <Tag>{c.sectionLabel}</Tag> : null}
                </Space>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.text}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {d.abilities.comment ? (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item name="section" label="Về mục" style={{ marginBottom: 8 }}>
            <Select allowClear options={SECTION_OPTIONS} placeholder="Cả hồ sơ" />
          </Form.Item>
          <Form.Item
            name="text"
            label="Ý kiến"
            rules={[{ required: true, whitespace: true, message: 'Nhập nội dung ý kiến' }]}
            style={{ marginBottom: 8 }}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
          <Button onClick={() => void send()} loading={sending}>
            Gửi ý kiến
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

// ── Dialogs ────────────────────────────────────────────────────────────────────────────────────

interface DialogProps {
  d: DossierView;
  open: boolean;
  onClose: () => void;
  onError: (e: unknown) => void;
}

/** Runs a step from a dialog; a refusal refreshes the page when the dossier moved meanwhile. */
function useStep(onError: (e: unknown) => void) {
  const qc = useQueryClient();
  return async (call: () => Promise<DossierView>) => {
    try {
      await afterStep(qc, await call());
    } catch (e) {
      onError(e);
      throw e;
    }
  };
}

function ReturnDialog({ d, open, onClose, onError }: DialogProps) {
  const run = useStep(onError);
  return (
    <FormModal<{ reason: string; findings: Finding[] }>
      title={`Trả lại hồ sơ của ${d.unitName}`}
      open={open}
      onClose={onClose}
      width={760}
      danger
      okText="Trả lại hồ sơ"
      successMessage="Đã trả lại hồ sơ để đơn vị bổ sung."
      fields={['reason', 'findings']}
      initialValues={{ findings: draftFindings(d) }}
      onSubmit={(v) => run(() => takeStep(d, 'return', { reason: v.reason, findings: v.findings ?? [] }))}
    >
      <Form.Item
        name="reason"
        label="Lý do trả lại"
        rules={[{ required: true, whitespace: true, message: 'Cần ghi rõ lý do trả lại hồ sơ' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Typography.Paragraph strong>Ý kiến theo từng mục</Typography.Paragraph>
      <FindingsEditor />
    </FormModal>
  );
}

function ClearDialog({ d, open, onClose, onError }: DialogProps) {
  const run = useStep(onError);
  const drafts = draftFindings(d);
  return (
    <FormModal<{ remark?: string }>
      title={`Xác nhận hồ sơ của ${d.unitName} đạt yêu cầu`}
      open={open}
      onClose={onClose}
      okText="Xác nhận đạt"
      successMessage="Hồ sơ đã được thẩm định đạt; đơn vị có thể lên lịch hội nghị."
      fields={['remark']}
      onSubmit={(v) => {
        const remark = v.remark?.trim();
        const findings = remark ? [...drafts, { section: 'general' as const, text: remark }] : drafts;
        return run(() => takeStep(d, 'clear', { findings }));
      }}
    >
      <Typography.Paragraph>
        Sau khi xác nhận, đơn vị được lên lịch hội nghị kiểm điểm.
        {drafts.length > 0 ? ` ${drafts.length} ý kiến đã ghi sẽ được giữ trong kết quả thẩm định.` : ''}
      </Typography.Paragraph>
      <Form.Item name="remark" label="Nhận xét kết luận (không bắt buộc)">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

function ReopenDialog({ d, open, onClose, onError }: DialogProps) {
  const run = useStep(onError);
  return (
    <FormModal<{ reason: string }>
      title={`Mở lại hồ sơ của ${d.unitName}`}
      open={open}
      onClose={onClose}
      danger
      okText="Mở lại"
      successMessage="Hồ sơ đã được mở lại để chuẩn bị."
      fields={['reason']}
      onSubmit={(v) => run(() => takeStep(d, 'reopen', { reason: v.reason }))}
    >
      <Typography.Paragraph>
        Hồ sơ trở về giai đoạn chuẩn bị; kết quả thẩm định và lịch hội nghị đã có (nếu có) không còn hiệu lực.
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label="Lý do mở lại"
        rules={[{ required: true, whitespace: true, message: 'Cần ghi rõ lý do mở lại hồ sơ' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function ScheduleDialog({ d, open, onClose, onError }: DialogProps) {
  const run = useStep(onError);
  return (
    <FormModal<{ date: string; time?: string; place: string }>
      title={`Lên lịch hội nghị kiểm điểm của ${d.unitName}`}
      open={open}
      onClose={onClose}
      okText="Lên lịch"
      successMessage="Đã lên lịch hội nghị kiểm điểm."
      fields={['date', 'time', 'place', 'scheduledFor']}
      onSubmit={(v) => {
        const m = v.time ? TIME.exec(v.time.trim()) : null;
        const scheduledFor = m ? `${v.date}T${m[1].padStart(2, '0')}:${m[2]}` : v.date;
        return run(() => scheduleConference(d, scheduledFor, v.place));
      }}
    >
      <Form.Item name="date" label="Ngày họp" rules={[{ required: true, message: 'Chọn ngày họp' }]}>
        <DateInput />
      </Form.Item>
      <Form.Item
        name="time"
        label="Giờ họp"
        rules={[{ pattern: TIME, message: 'Giờ họp dạng hh:mm, ví dụ 07:30' }]}
        extra={d.submittedAt ? `Hồ sơ nộp ngày ${formatDate(d.submittedAt.slice(0, 10))}.` : undefined}
      >
        <Input placeholder="hh:mm" maxLength={5} />
      </Form.Item>
      <Form.Item name="place" label="Địa điểm" rules={[{ required: true, whitespace: true, message: 'Nhập địa điểm họp' }]}>
        <Input maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}
