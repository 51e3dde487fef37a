// A review (issue 3 item 6): the collective report, the leadership collective's report or a member's
// self-review, pre-filled, saving itself as it is written ("Đã lưu lúc hh:mm"), with the steps the
// caller may take (submit, return, finalize, reopen — returning and reopening ask for a reason), its
// revisions, the comments from other places and the files. Usable on a 360 px phone.
import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  HistoryOutlined,
  PaperClipOutlined,
  RollbackOutlined,
  SendOutlined,
  UnlockOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Flex, Form, Grid, Input, List, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  COMMENT_SOURCE_LABELS,
  COMMENT_SOURCES,
  REVIEW_STATUS_LABELS,
  REVIEW_SUBJECT_LABELS,
  type CommentSource,
  type ReviewStatus,
} from '../../../shared/campaign-vocabulary.js';
import { ApiError, errorMessage } from '../../api/client';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { PageHeader, type Crumb } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import {
  addComment,
  attachFile,
  attachmentUrl,
  fetchReview,
  fetchRevision,
  fetchRevisions,
  finalizeReview,
  reopenReview,
  returnReview,
  reviewKeys,
  saveReview,
  submitReview,
  type AttachmentView,
  type ReviewContent,
  type ReviewRef,
  type ReviewView,
} from './api';
import { DraftSaver, type SaveState } from './draft-saver';
import { ReviewForm } from './ReviewForm';
import { totalMissing } from './review-sections';

export const STATUS_COLORS: Record<ReviewStatus, string> = { draft: 'default', submitted: 'blue', returned: 'orange', finalized: 'green' };

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (iso: string) => {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

function kb(size: number): string {
  return size < 1024 * 1024
    ? `${Math.max(1, Math.ceil(size / 1024))} KB`
    : `${(size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  switch (state.kind) {
    case 'saving':
      return (
        <Typography.Text type="secondary" role="status">
          <CloudSyncOutlined /> Đang lưu…
        </Typography.Text>
      );
    case 'dirty':
      return (
        <Typography.Text type="secondary" role="status">
          Chưa lưu
        </Typography.Text>
      );
    case 'saved':
      return state.at ? (
        <Typography.Text type="success" role="status">
          <CheckCircleOutlined /> Đã lưu lúc {hhmm(state.at)}
        </Typography.Text>
      ) : null;
    case 'error':
      return (
        <Space size={4} wrap role="status">
          <Typography.Text type="danger">Chưa lưu được: {state.message}</Typography.Text>
          <Button size="small" onClick={onRetry}>
            Thử lại
          </Button>
        </Space>
      );
    default:
      return null;
  }
}

function ReasonModal({
  title,
  open,
  onCancel,
  onOk,
  okText,
}: {
  title: string;
  open: boolean;
  onCancel: () => void;
  onOk: (reason: string) => Promise<void>;
  okText: string;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const empty = reason.trim() === '';
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      okText={okText}
      cancelText="Hủy"
      confirmLoading={busy}
      destroyOnHidden
      onOk={async () => {
        setTouched(true);
        if (empty) return;
        setBusy(true);
        try {
          await onOk(reason.trim());
          setReason('');
          setTouched(false);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label="Lý do"
          required
          validateStatus={touched && empty ? 'error' : undefined}
          help={touched && empty ? 'Cần ghi rõ lý do.' : undefined}
        >
          <Input.TextArea
            aria-label="Lý do"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={2000}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FileList({ items }: { items: AttachmentView[] }) {
  if (items.length === 0) return null;
  return (
    <Flex vertical gap={4}>
      {items.map((a) => (
        <a key={a.id} href={attachmentUrl(a.id)} download={a.name} style={{ wordBreak: 'break-word' }}>
          <PaperClipOutlined /> {a.name} <Typography.Text type="secondary">({kb(a.size)})</Typography.Text>
        </a>
      ))}
    </Flex>
  );
}

/** Comments from other places (the residence chi ủy, a former or temporary chi bộ, other posts) and files. */
function CommentsAndFiles({ reviewRef, view, onChanged }: { reviewRef: ReviewRef; view: ReviewView; onChanged: () => Promise<void> }) {
  const notify = useNotify();
  const [sourceKind, setSourceKind] = useState<CommentSource>(view.subject.formerUnit ? 'former_cell' : 'residence');
  const [sourceName, setSourceName] = useState(view.subject.formerUnit?.name ?? '');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const isMember = view.subject.kind === 'member';

  async function add() {
    setBusy(true);
    try {
      const c = await addComment(reviewRef, { sourceKind, sourceName: sourceName.trim(), text: text.trim() });
      if (file) await attachFile(reviewRef, file, c.id);
      setText('');
      setFile(null);
      notify.success('Đã thêm ý kiến nhận xét.');
      await onChanged();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  async function upload(f: File) {
    try {
      await attachFile(reviewRef, f);
      notify.success(`Đã đính kèm "${f.name}".`);
      await onChanged();
    } catch (e) {
      notify.error(e);
    }
  }

  return (
    <Flex vertical gap={16}>
      {isMember ? (
        <Card size="small" title="Ý kiến nhận xét của nơi khác">
          {view.subject.formerUnit ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`Đảng viên chuyển sinh hoạt đến từ ${view.subject.formerUnit.name}: cần có ý kiến nhận xét của chi bộ nơi sinh hoạt trước.`}
            />
          ) : null}
          {view.comments.length === 0 ? <Typography.Text type="secondary">Chưa có ý kiến nào.</Typography.Text> : null}
          <List
            dataSource={view.comments}
            split
            renderItem={(c) => (
              <List.Item key={c.id} style={{ display: 'block' }}>
                <Flex wrap gap={4} align="center">
                  <Tag color="geekblue">{COMMENT_SOURCE_LABELS[c.sourceKind]}</Tag>
                  <Typography.Text strong>{c.sourceName}</Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0' }}>{c.text}</Typography.Paragraph>
                <FileList items={c.attachments} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.createdByName ?? ''} – {formatDateTime(c.createdAt)}
                </Typography.Text>
              </List.Item>
            )}
          />
          {view.abilities.comment ? (
            <Form layout="vertical" component="div" style={{ marginTop: 12 }}>
              <Form.Item label="Nơi nhận xét" required style={{ marginBottom: 8 }}>
                <Select
                  aria-label="Nơi nhận xét"
                  value={sourceKind}
                  onChange={(v) => {
                    setSourceKind(v);
                    if (v === 'former_cell' && view.subject.formerUnit && !sourceName) setSourceName(view.subject.formerUnit.name);
                  }}
                  options={COMMENT_SOURCES.map((k) => ({ value: k, label: COMMENT_SOURCE_LABELS[k] }))}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item label="Tên nơi nhận xét" required style={{ marginBottom: 8 }}>
                <Input
                  aria-label="Tên nơi nhận xét"
                  value={sourceName}
                  onChange={(e) => setSourceName(e.target.value)}
                  maxLength={300}
                  placeholder="Ví dụ: Chi ủy tổ dân phố 5"
                />
              </Form.Item>
              <Form.Item label="Nội dung nhận xét" required style={{ marginBottom: 8 }}>
                <Input.TextArea
                  aria-label="Nội dung nhận xét"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 3, maxRows: 12 }}
                  maxLength={20000}
                />
              </Form.Item>
              <Flex wrap gap={8} align="center">
                <Upload
                  beforeUpload={(f) => {
                    setFile(f);
                    return false;
                  }}
                  showUploadList={false}
                  maxCount={1}
                >
                  <Button icon={<PaperClipOutlined />}>{file ? file.name : 'Kèm văn bản (nếu có)'}</Button>
                </Upload>
                <Button type="primary" loading={busy} disabled={!sourceName.trim() || !text.trim()} onClick={() => void add()}>
                  Thêm ý kiến
                </Button>
              </Flex>
            </Form>
          ) : null}
        </Card>
      ) : null}
      <Card size="small" title="Tệp đính kèm">
        {view.attachments.length === 0 ? (
          <Typography.Text type="secondary">Chưa có tệp nào.</Typography.Text>
        ) : (
          <FileList items={view.attachments} />
        )}
        {view.abilities.attach ? (
          <div style={{ marginTop: 12 }}>
            <Upload
              beforeUpload={(f) => {
                void upload(f);
                return false;
              }}
              showUploadList={false}
            >
              <Button icon={<UploadOutlined />}>Đính kèm tệp</Button>
            </Upload>
          </div>
        ) : null}
      </Card>
    </Flex>
  );
}

function RevisionsDrawer({
  reviewRef,
  view,
  open,
  onClose,
}: {
  reviewRef: ReviewRef;
  view: ReviewView;
  open: boolean;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  const [shown, setShown] = useState<number | null>(null);
  const list = useQuery({
    queryKey: reviewKeys.revisions(reviewRef),
    queryFn: () => fetchRevisions(reviewRef),
    enabled: open,
    staleTime: 0,
  });
  const one = useQuery({
    queryKey: reviewKeys.revision(reviewRef, shown ?? 0),
    queryFn: () => fetchRevision(reviewRef, shown!),
    enabled: open && shown !== null,
  });
  return (
    <Drawer title="Các phiên bản đã lưu" open={open} onClose={onClose} size={screens.md ? 720 : '100%'} destroyOnHidden>
      {shown !== null ? (
        <Flex vertical gap={12}>
          <Button onClick={() => setShown(null)} style={{ alignSelf: 'flex-start' }}>
            ← Danh sách phiên bản
          </Button>
          {one.isPending ? (
            <PageSpin />
          ) : one.error ? (
            <QueryError error={one.error} />
          ) : (
            <>
              <Typography.Text>
                Phiên bản {one.data.version} – {REVIEW_STATUS_LABELS[one.data.status]} – {formatDateTime(one.data.savedAt)} –{' '}
                {one.data.savedByName ?? ''}
                {one.data.proxy ? (
                  <Tag color="purple" style={{ marginLeft: 8 }}>
                    Nhập thay
                  </Tag>
                ) : null}
              </Typography.Text>
              <ReviewForm view={view} content={one.data.content} readOnly />
            </>
          )}
        </Flex>
      ) : list.isPending ? (
        <PageSpin />
      ) : list.error ? (
        <QueryError error={list.error} />
      ) : (
        <List
          dataSource={list.data.items}
          locale={{ emptyText: 'Chưa có phiên bản nào.' }}
          renderItem={(r) => (
            <List.Item
              key={r.version}
              actions={[
                <Button key="open" size="small" onClick={() => setShown(r.version)}>
                  Xem
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>Phiên bản {r.version}</span>
                    <Tag color={STATUS_COLORS[r.status]}>{REVIEW_STATUS_LABELS[r.status]}</Tag>
                    {r.proxy ? <Tag color="purple">Nhập thay</Tag> : null}
                  </Space>
                }
                description={`${formatDateTime(r.savedAt)} – ${r.savedByName ?? ''}`}
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}

type Dialog = 'return' | 'reopen' | 'revisions' | null;

function ReviewEditor({
  reviewRef,
  view,
  own,
  onReset,
}: {
  reviewRef: ReviewRef;
  view: ReviewView;
  own: boolean;
  onReset: () => Promise<void>;
}) {
  const qc = useQueryClient();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [content, setContent] = useState<ReviewContent>(view.content);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: view.updatedAt });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [flagged, setFlagged] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const editable = view.abilities.save;
  const saverRef = useRef<DraftSaver<ReviewContent> | null>(null);
  if (!saverRef.current) {
    saverRef.current = new DraftSaver<ReviewContent>({
      version: view.version,
      saved: view.content,
      save: (version, c) => saveReview(reviewRef, version, c),
      onState: setState,
      conflictMessage: (e) => (e instanceof ApiError && e.code === 'conflict.version' ? errorMessage(e) : null),
      errorMessage,
    });
  }
  const saver = saverRef.current;
  useEffect(() => () => saver.dispose(), [saver]);
  // Leaving with unsaved text: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (saver.dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saver]);

  const change = (next: ReviewContent) => {
    setContent(next);
    setProblem(null);
    saver.change(next);
  };
  // Comments and files: the view is read again, the text being written stays as it is.
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: reviewKeys.detail(reviewRef) });
  };

  async function step(run: (version: number) => Promise<unknown>, done: string) {
    setBusy(true);
    setProblem(null);
    try {
      if (editable && !(await saver.flush())) return;
      await run(saver.version);
      notify.success(done);
      saver.dispose();
      await qc.invalidateQueries({ queryKey: reviewKeys.revisions(reviewRef) });
      await qc.invalidateQueries({ queryKey: reviewKeys.mine });
      await onReset();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'review.unanswered_suggestions') {
        const items = ((e.details as { items?: { id: string }[] } | undefined)?.items ?? []).map((i) => i.id);
        setFlagged(new Set(items));
      }
      setProblem(errorMessage(e));
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  async function keepMine() {
    try {
      const newest = await fetchReview(reviewRef);
      if (await saver.saveOver(newest.version))
        notify.success('Đã lưu nội dung của bạn thành phiên bản mới nhất; bản của người kia vẫn còn trong các phiên bản đã lưu.');
    } catch (e) {
      notify.error(e);
    }
  }

  const missing = totalMissing(view, content);
  const a = view.abilities;
  const actions = (
    <>
      {a.submit ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          onClick={() =>
            modal.confirm({
              title: 'Nộp bản kiểm điểm?',
              content:
                missing > 0
                  ? `Còn ${missing} mục bắt buộc chưa điền; bản kiểm điểm sẽ chưa nộp được.`
                  : 'Sau khi nộp, bản kiểm điểm không sửa được nữa, trừ khi được trả lại.',
              okText: 'Nộp',
              cancelText: 'Hủy',
              onOk: () => step((v) => submitReview(reviewRef, v), 'Đã nộp bản kiểm điểm.'),
            })
          }
        >
          Nộp
        </Button>
      ) : null}
      {a.return ? (
        <Button icon={<RollbackOutlined />} onClick={() => setDialog('return')} disabled={busy}>
          Trả lại để sửa
        </Button>
      ) : null}
      {a.finalize ? (
        <Button
          icon={<CheckCircleOutlined />}
          loading={busy}
          onClick={() =>
            modal.confirm({
              title: 'Hoàn thiện bản kiểm điểm?',
              content:
                'Kết quả khắc phục các hạn chế kỳ trước và các hạn chế, khuyết điểm của năm nay sẽ được ghi lại cho kỳ kiểm điểm sau.',
              okText: 'Hoàn thiện',
              cancelText: 'Hủy',
              onOk: () => step((v) => finalizeReview(reviewRef, v), 'Đã hoàn thiện bản kiểm điểm.'),
            })
          }
        >
          Hoàn thiện
        </Button>
      ) : null}
      {a.reopen ? (
        <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')} disabled={busy}>
          Mở lại
        </Button>
      ) : null}
      <Button icon={<HistoryOutlined />} onClick={() => setDialog('revisions')}>
        Phiên bản ({view.revisionCount})
      </Button>
    </>
  );

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Space wrap size={8}>
          {actions}
        </Space>
        {editable ? <SaveIndicator state={state} onRetry={() => void saver.flush()} /> : null}
      </Flex>
      {view.status === 'returned' && view.statusReason ? (
        <Alert type="warning" showIcon title="Bản kiểm điểm được trả lại để sửa" description={view.statusReason} />
      ) : null}
      {view.status === 'draft' && view.statusReason ? (
        <Alert type="info" showIcon title="Bản kiểm điểm đã được mở lại" description={view.statusReason} />
      ) : null}
      {a.proxy ? (
        <Alert
          type="info"
          showIcon
          title="Bạn đang nhập thay cho đảng viên"
          description="Mỗi lần lưu được ghi là “nhập thay” trong lịch sử và nhật ký."
        />
      ) : null}
      {state.kind === 'conflict' ? (
        <Alert
          type="warning"
          showIcon
          icon={<ExclamationCircleOutlined />}
          title={state.message}
          description="Nội dung bạn đang soạn vẫn còn trên màn hình và chưa bị mất."
          action={
            <Flex vertical gap={4}>
              <Button size="small" type="primary" onClick={() => void keepMine()}>
                Lưu bản của tôi
              </Button>
              <Button size="small" onClick={() => void onReset()}>
                Tải bản mới nhất
              </Button>
            </Flex>
          }
        />
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} /> : null}
      {!own && view.subject.kind === 'member' && !view.id && !editable ? (
        <Typography.Text type="secondary">Đảng viên chưa viết bản kiểm điểm.</Typography.Text>
      ) : null}
      <ReviewForm view={view} content={content} onChange={editable ? change : undefined} readOnly={!editable} flagged={flagged} />
      <CommentsAndFiles reviewRef={reviewRef} view={view} onChanged={refresh} />
      <ReasonModal
        title="Trả lại bản kiểm điểm để sửa"
        okText="Trả lại"
        open={dialog === 'return'}
        onCancel={() => setDialog(null)}
        onOk={async (reason) => {
          await step((v) => returnReview(reviewRef, v, reason), 'Đã trả lại bản kiểm điểm.');
          setDialog(null);
        }}
      />
      <ReasonModal
        title="Mở lại bản kiểm điểm đã hoàn thiện"
        okText="Mở lại"
        open={dialog === 'reopen'}
        onCancel={() => setDialog(null)}
        onOk={async (reason) => {
          await step((v) => reopenReview(reviewRef, v, reason), 'Đã mở lại bản kiểm điểm.');
          setDialog(null);
        }}
      />
      <RevisionsDrawer reviewRef={reviewRef} view={view} open={dialog === 'revisions'} onClose={() => setDialog(null)} />
    </Flex>
  );
}

/** A review by its reference; `own` when a member opens their own from "Bản kiểm điểm của tôi". */
export function ReviewScreen({ reviewRef, own = false }: { reviewRef: ReviewRef; own?: boolean }) {
  const me = useMe();
  // No refetch behind the writer's back: the editor keeps its own text and version while saving.
  const qc = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const {
    data: view,
    isPending,
    error,
    refetch,
  } = useQuery({
    queryKey: reviewKeys.detail(reviewRef),
    queryFn: () => fetchReview(reviewRef),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const crumbs = useMemo<Crumb[]>(() => {
    if (!view || own) return [];
    const out: Crumb[] = [];
    if (me.abilities.readCampaigns) {
      out.push({ title: 'Kiểm điểm', to: PATHS.campaigns });
      out.push({ title: view.campaign.title, to: PATHS.campaign(view.campaign.id) });
      out.push({ title: view.subject.unitName, to: PATHS.dossier(view.campaign.id, view.subject.unitId) });
    }
    return out;
  }, [view, own, me.abilities.readCampaigns]);
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const title = own ? `Bản kiểm điểm năm ${view.campaign.reviewYear}` : view.subject.name;
  return (
    <>
      <PageHeader
        title={title}
        crumbs={crumbs}
        tags={
          <>
            <Tag color={STATUS_COLORS[view.status]}>{view.id ? REVIEW_STATUS_LABELS[view.status] : 'Chưa viết'}</Tag>
            {view.proxyEntered ? <Tag color="purple">Nhập thay</Tag> : null}
            {view.subject.isKeyLeader ? <Tag color="gold">Chủ chốt</Tag> : null}
            {!view.subject.classified ? <Tag>Không xếp loại</Tag> : null}
          </>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {view.form.code} – {view.form.title}. {REVIEW_SUBJECT_LABELS[view.subject.kind]}
        {view.subject.kind === 'member' ? `, ${view.subject.unitName}` : ''}. {view.campaign.ruleSetName}.
      </Typography.Paragraph>
      {view.subject.predecessors.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Đơn vị được hợp nhất từ: ${view.subject.predecessors.map((p) => p.name).join(', ')}. Hạn chế, khuyết điểm chưa khắc phục của các đơn vị này được chuyển sang.`}
        />
      ) : null}
      <ReviewEditor
        key={generation}
        reviewRef={reviewRef}
        view={view}
        own={own}
        onReset={async () => {
          // After a step or on demand: the server's text replaces the editor's.
          await qc.invalidateQueries({ queryKey: reviewKeys.detail(reviewRef) });
          setGeneration((g) => g + 1);
        }}
      />
    </>
  );
}

export default function ReviewPage() {
  const { campaignId = '', subjectKind = '', subjectKey = '' } = useParams();
  const reviewRef = useMemo(() => ({ campaignId, subjectKind, subjectKey }), [campaignId, subjectKind, subjectKey]);
  return <ReviewScreen reviewRef={reviewRef} />;
}
