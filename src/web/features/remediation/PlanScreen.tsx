// A remediation plan (issue 4 item 6; regulations §3.1 bước 8–9): the subject's shortcomings of the
// year and the earlier ones still open, each with the items that remedy it (action, who, deadline
// dd/mm/yyyy), then — once filed after the decision — progress updates with evidence, overdue marks
// against the committee's business date, and the unit's report to the competent level. Only what
// the server offers the caller is shown (design §4). Cards in one column: usable on a 360 px phone.
import { EditOutlined, HistoryOutlined, PlusOutlined, RiseOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Input, InputNumber, Popconfirm, Select, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  CAUSE_KIND_LABELS,
  REMEDIATION_ITEM_STATUSES,
  REMEDIATION_ITEM_STATUS_LABELS,
  SHORTCOMING_SOURCE_LABELS,
  type RemediationItemStatus,
} from '../../../shared/campaign-vocabulary.js';
import { REMEDIATION_SUBJECT_LABELS, type PlanShortcomingView, type RemediationItemView } from '../../../shared/contracts/remediation.js';
import { ApiError } from '../../api/client';
import { PATHS } from '../../app/menu';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { PageHeader, type Crumb } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { addUpdate, fetchPlan, filePlan, remediationKeys, reportPlan, savePlan, type PlanRef, type RemediationPlanView } from './api';
import { ItemSummary, PlanStatusTag, ShortcomingStatusTag } from './remediation-ui';

interface DraftItem {
  key: string;
  id: string | null;
  shortcomingId: string | null;
  action: string;
  owner: string;
  deadline: string | null;
}

let seq = 0;
const newKey = () => `new-${++seq}`;
const toDrafts = (p: RemediationPlanView): DraftItem[] =>
  p.items.map((i) => ({ key: i.id, id: i.id, shortcomingId: i.shortcomingId, action: i.action, owner: i.owner, deadline: i.deadline }));

export function PlanScreen({ planRef, own = false }: { planRef: PlanRef; own?: boolean }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const key = remediationKeys.plan(planRef);
  const { data: p, isPending, error, refetch } = useQuery({ queryKey: key, queryFn: () => fetchPlan(planRef) });
  const [editing, setEditing] = useState(false);
  const [drafts, setDrafts] = useState<DraftItem[]>([]);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'file' | null>(null);
  const [updating, setUpdating] = useState<RemediationItemView | null>(null);
  const [reporting, setReporting] = useState(false);

  useEffect(() => {
    if (p && !dirty) setDrafts(toDrafts(p));
  }, [p, dirty]);

  const bySubject = useMemo(() => {
    const m = new Map<string | null, RemediationItemView[]>();
    for (const i of p?.items ?? []) m.set(i.shortcomingId, [...(m.get(i.shortcomingId) ?? []), i]);
    return m;
  }, [p]);

  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;

  const editable = p.abilities.save && (p.status === 'draft' || editing);
  const accept = (next: RemediationPlanView) => {
    qc.setQueryData(key, next);
    void qc.invalidateQueries({ queryKey: ['remediation', planRef.campaignId, 'list'] });
    void qc.invalidateQueries({ queryKey: remediationKeys.mine });
  };
  const onConflict = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'conflict.version') {
      setDirty(false);
      void refetch();
    }
  };

  const change = (k: string, patch: Partial<DraftItem>) => {
    setDrafts((list) => list.map((d) => (d.key === k ? { ...d, ...patch } : d)));
    setDirty(true);
  };
  const add = (shortcomingId: string | null) => {
    setDrafts((list) => [...list, { key: newKey(), id: null, shortcomingId, action: '', owner: own ? 'Bản thân' : '', deadline: null }]);
    setDirty(true);
  };
  const remove = (k: string) => {
    setDrafts((list) => list.filter((d) => d.key !== k));
    setDirty(true);
  };

  async function save(): Promise<RemediationPlanView | null> {
    setBusy('save');
    try {
      const next = await savePlan(
        planRef,
        p!.version,
        drafts.map((d) => ({ id: d.id, shortcomingId: d.shortcomingId, action: d.action, owner: d.owner, deadline: d.deadline ?? '' })),
      );
      setDirty(false);
      accept(next);
      setDrafts(toDrafts(next));
      notify.success('Đã lưu kế hoạch khắc phục.');
      return next;
    } catch (e) {
      notify.error(e);
      onConflict(e);
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function file() {
    let current = p!;
    if (dirty) {
      const saved = await save();
      if (!saved) return;
      current = saved;
    }
    setBusy('file');
    try {
      const next = await filePlan(planRef, current.version);
      accept(next);
      setEditing(false);
      notify.success('Đã ban hành kế hoạch khắc phục.');
    } catch (e) {
      notify.error(e);
      onConflict(e);
    } finally {
      setBusy(null);
    }
  }

  const crumbs: Crumb[] = own
    ? [{ title: 'Khắc phục của tôi' }]
    : [
        { title: 'Khắc phục', to: PATHS.remediation },
        { title: `${p.campaign.title}`, to: PATHS.remediationCampaign(p.campaign.id) },
        { title: p.subject.name },
      ];
  const actions = (
    <>
      {editable ? (
        <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={!dirty} onClick={() => void save()}>
          Lưu
        </Button>
      ) : null}
      {p.abilities.save && p.status === 'filed' && !editing ? (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          Điều chỉnh kế hoạch
        </Button>
      ) : null}
      {p.abilities.file ? (
        <Popconfirm
          title="Ban hành kế hoạch khắc phục?"
          description="Sau khi ban hành, kế hoạch được theo dõi tiến độ và nhắc hạn."
          okText="Ban hành"
          cancelText="Hủy"
          onConfirm={() => void file()}
        >
          <Button type="primary" icon={<SendOutlined />} loading={busy === 'file'}>
            Ban hành kế hoạch
          </Button>
        </Popconfirm>
      ) : null}
      {p.abilities.report ? (
        <Button icon={<RiseOutlined />} onClick={() => setReporting(true)}>
          Báo cáo cấp trên
        </Button>
      ) : null}
    </>
  );

  const general = editable ? drafts.filter((d) => d.shortcomingId === null) : (bySubject.get(null) ?? []);
  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={own ? 'Kế hoạch khắc phục của tôi' : 'Kế hoạch khắc phục'}
        tags={
          <>
            <PlanStatusTag status={p.status} />
            <Tag>Năm {p.campaign.reviewYear}</Tag>
          </>
        }
        actions={actions}
      />
      <Flex vertical gap={12}>
        <Typography.Text>
          <Typography.Text strong>{p.subject.name}</Typography.Text>
          {p.subject.kind === 'member' ? ` – ${p.subject.unitName}` : ''} · {REMEDIATION_SUBJECT_LABELS[p.subject.kind]}
        </Typography.Text>
        {p.filedAt ? (
          <Typography.Text type="secondary">
            Ban hành ngày {formatDate(p.filedAt)}
            {p.reportedAt ? ` · đã báo cáo cấp trên ngày ${formatDate(p.reportedAt)}` : ''} · quá hạn tính theo ngày{' '}
            {formatDate(p.businessDate)}
          </Typography.Text>
        ) : null}
        {p.status === 'draft' && p.fileBlocker && p.abilities.save ? <Alert type="info" showIcon title={p.fileBlocker} /> : null}
        {p.status === 'draft' && p.abilities.save && !p.fileBlocker ? (
          <Alert
            type="info"
            showIcon
            title="Mỗi hạn chế, khuyết điểm cần ít nhất một biện pháp khắc phục (nội dung, người thực hiện, thời hạn) trước khi ban hành."
          />
        ) : null}
        {p.shortcomings.length === 0 && general.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có hạn chế, khuyết điểm nào phải khắc phục." />
        ) : null}
        {p.shortcomings.map((s, i) => (
          <ShortcomingCard key={s.id} index={i + 1} shortcoming={s}>
            {editable ? (
              <ItemEditors
                drafts={drafts.filter((d) => d.shortcomingId === s.id)}
                onChange={change}
                onRemove={remove}
                onAdd={() => add(s.id)}
              />
            ) : (
              <ItemList items={bySubject.get(s.id) ?? []} canUpdate={p.abilities.addUpdate} onUpdate={setUpdating} />
            )}
          </ShortcomingCard>
        ))}
        {general.length > 0 || editable ? (
          <Card size="small" title="Biện pháp chung">
            {editable ? (
              <ItemEditors
                drafts={drafts.filter((d) => d.shortcomingId === null)}
                onChange={change}
                onRemove={remove}
                onAdd={() => add(null)}
              />
            ) : (
              <ItemList items={bySubject.get(null) ?? []} canUpdate={p.abilities.addUpdate} onUpdate={setUpdating} />
            )}
          </Card>
        ) : null}
        {editable && p.status === 'filed' ? (
          <Flex gap={8} wrap>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={busy === 'save'}
              disabled={!dirty}
              onClick={() => void save().then((r) => r && setEditing(false))}
            >
              Lưu điều chỉnh
            </Button>
            <Button
              onClick={() => {
                setDirty(false);
                setEditing(false);
              }}
            >
              Thôi
            </Button>
          </Flex>
        ) : null}
      </Flex>
      {updating ? (
        <UpdateModal
          item={updating}
          onClose={() => setUpdating(null)}
          onSubmit={async (v) => {
            try {
              accept(await addUpdate(planRef.campaignId, updating.id, { ...v, version: updating.version }));
            } catch (e) {
              onConflict(e);
              throw e;
            }
          }}
        />
      ) : null}
      <FormModal<{ note: string }>
        title="Báo cáo kết quả khắc phục lên cấp trên"
        open={reporting}
        onClose={() => setReporting(false)}
        okText="Gửi báo cáo"
        successMessage="Đã báo cáo cấp trên; Ban Tổ chức đã nhận được thông báo."
        fields={['note']}
        onSubmit={async (v) => accept(await reportPlan(p.campaign.id, p.subject.unitId, p.version, v.note ?? ''))}
      >
        <Typography.Paragraph type="secondary">
          Báo cáo gồm tình hình ban hành kế hoạch và tiến độ các biện pháp khắc phục của đơn vị và đảng viên trong đơn vị.
        </Typography.Paragraph>
        <Form.Item name="note" label="Nội dung báo cáo thêm">
          <Input.TextArea rows={4} maxLength={4000} placeholder="Kết quả nổi bật, vướng mắc, kiến nghị" />
        </Form.Item>
      </FormModal>
    </>
  );
}

function ShortcomingCard({ index, shortcoming: s, children }: { index: number; shortcoming: PlanShortcomingView; children: ReactNode }) {
  return (
    <Card
      size="small"
      data-testid="plan-shortcoming"
      title={
        <Typography.Text style={{ whiteSpace: 'normal' }}>
          {index}. {s.text}
        </Typography.Text>
      }
    >
      <Flex wrap gap={4} style={{ marginBottom: 8 }} align="center">
        <Tag>Năm {s.yearFound}</Tag>
        <Tag>{SHORTCOMING_SOURCE_LABELS[s.source]}</Tag>
        {s.earlier ? <Tag color="orange">Từ kỳ trước</Tag> : null}
        {!s.own ? <Tag color="purple">Của {s.subjectName} (trước hợp nhất)</Tag> : null}
        {s.lastStatus ? <ShortcomingStatusTag status={s.lastStatus} prefix="Lần đánh giá gần nhất: " /> : null}
        {s.causeKind ? <Tag>Nguyên nhân {CAUSE_KIND_LABELS[s.causeKind].toLowerCase()}</Tag> : null}
        <Link to={PATHS.shortcomingHistory(s.id)}>
          <HistoryOutlined /> Quá trình qua các năm
        </Link>
      </Flex>
      {s.cause ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          Nguyên nhân: {s.cause}
        </Typography.Paragraph>
      ) : null}
      {children}
    </Card>
  );
}

function ItemList({
  items,
  canUpdate,
  onUpdate,
}: {
  items: RemediationItemView[];
  canUpdate: boolean;
  onUpdate: (i: RemediationItemView) => void;
}) {
  if (items.length === 0) return <Typography.Text type="secondary">Chưa có biện pháp khắc phục.</Typography.Text>;
  return (
    <Flex vertical gap={12}>
      {items.map((i) => (
        <div key={i.id} data-testid="plan-item" style={{ borderLeft: `3px solid ${i.overdue ? '#ff4d4f' : '#d9d9d9'}`, paddingLeft: 8 }}>
          <ItemSummary item={i} />
          {canUpdate ? (
            <Button size="small" icon={<UploadOutlined />} style={{ marginTop: 8 }} onClick={() => onUpdate(i)}>
              Cập nhật tiến độ
            </Button>
          ) : null}
        </div>
      ))}
    </Flex>
  );
}

function ItemEditors({
  drafts,
  onChange,
  onRemove,
  onAdd,
}: {
  drafts: DraftItem[];
  onChange: (key: string, patch: Partial<DraftItem>) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
}) {
  return (
    <Flex vertical gap={12}>
      {drafts.map((d, n) => (
        <Flex key={d.key} vertical gap={6} data-testid="item-editor" style={{ borderLeft: '3px solid #91caff', paddingLeft: 8 }}>
          <Input.TextArea
            aria-label={`Biện pháp ${n + 1}`}
            value={d.action}
            onChange={(e) => onChange(d.key, { action: e.target.value })}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            placeholder="Biện pháp khắc phục cụ thể"
          />
          <Flex wrap gap={6}>
            <Input
              aria-label={`Người thực hiện biện pháp ${n + 1}`}
              style={{ flex: '1 1 180px' }}
              value={d.owner}
              onChange={(e) => onChange(d.key, { owner: e.target.value })}
              maxLength={300}
              placeholder="Người, bộ phận thực hiện"
            />
            <div style={{ flex: '1 1 150px' }}>
              <DateInput value={d.deadline} onChange={(v) => onChange(d.key, { deadline: v })} placeholder="Thời hạn (dd/mm/yyyy)" />
            </div>
            <Button danger aria-label={`Bỏ biện pháp ${n + 1}`} onClick={() => onRemove(d.key)}>
              Bỏ
            </Button>
          </Flex>
        </Flex>
      ))}
      <Button icon={<PlusOutlined />} onClick={onAdd} style={{ alignSelf: 'flex-start' }}>
        Thêm biện pháp
      </Button>
    </Flex>
  );
}

interface UpdateValues {
  note: string;
  progressPct: number;
  status: RemediationItemStatus;
}

function UpdateModal({
  item,
  onClose,
  onSubmit,
}: {
  item: RemediationItemView;
  onClose: () => void;
  onSubmit: (v: UpdateValues & { file: File | null }) => Promise<void>;
}) {
  const [file, setFile] = useState<File | null>(null);
  return (
    <FormModal<UpdateValues>
      title="Cập nhật tiến độ khắc phục"
      open
      onClose={onClose}
      successMessage="Đã cập nhật tiến độ."
      fields={['note', 'progressPct', 'status']}
      initialValues={{ status: item.status === 'planned' ? 'in_progress' : item.status, progressPct: item.progressPct, note: '' }}
      onSubmit={(v) => onSubmit({ ...v, file })}
    >
      {(form) => (
        <>
          <Typography.Paragraph strong style={{ whiteSpace: 'pre-wrap' }}>
            {item.action}
          </Typography.Paragraph>
          <Form.Item
            name="note"
            label="Đã làm được gì"
            rules={[{ required: true, whitespace: true, message: 'Cần ghi nội dung cập nhật' }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Flex wrap gap={12}>
            <Form.Item name="status" label="Trạng thái" style={{ flex: '1 1 160px' }}>
              <Select
                options={REMEDIATION_ITEM_STATUSES.map((s) => ({ value: s, label: REMEDIATION_ITEM_STATUS_LABELS[s] }))}
                onChange={(s: RemediationItemStatus) => {
                  if (s === 'done') form.setFieldValue('progressPct', 100);
                  if (s === 'planned') form.setFieldValue('progressPct', 0);
                }}
              />
            </Form.Item>
            <Form.Item
              name="progressPct"
              label="Tiến độ (%)"
              rules={[{ required: true, message: 'Cần ghi tiến độ' }]}
              style={{ flex: '1 1 120px' }}
            >
              <InputNumber
                min={0}
                max={100}
                style={{ width: '100%' }}
                onChange={(v) => {
                  if (v === 100) form.setFieldValue('status', 'done');
                  else if (form.getFieldValue('status') === 'done') form.setFieldValue('status', 'in_progress');
                }}
              />
            </Form.Item>
          </Flex>
          <Form.Item label="Minh chứng (không bắt buộc)">
            <Upload
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button icon={<UploadOutlined />}>Chọn tệp</Button>
            </Upload>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
