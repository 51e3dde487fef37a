// Văn bản (issue 5 item 1): choose a document of the campaign and what it is about, preview it as
// it will print, download it as Word or PDF, and issue it with a number of the register.
import { DownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Spin, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_SUBJECTS,
  type DocumentKind,
  type DocumentModel,
} from '../../../shared/contracts/documents';
import type { CampaignUnitView } from '../../../shared/contracts/planning';
import { api, downloadFile, withQuery } from '../../api/client';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { QueryError, useNotify } from '../../components/feedback';
import { DocumentPreview } from './DocumentPreview';
import { documentKeys, draftFileUrl, fetchDraft, issueDocument, type DocumentChoice } from './documents-api';

const SUBJECT_LABELS = { unit: 'Tổ chức đảng', member: 'Đảng viên', conference: 'Hội nghị' } as const;

function UnitSubject({ campaignId, value, onChange }: { campaignId: string; value?: string; onChange: (v: string) => void }) {
  const { data, isPending } = useQuery({
    queryKey: ['campaign', campaignId, 'units'],
    queryFn: () => api.get<{ items: CampaignUnitView[] }>(`/api/campaigns/${campaignId}/assignments/units`),
  });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      loading={isPending}
      value={value}
      onChange={onChange}
      placeholder="Chọn tổ chức đảng"
      style={{ minWidth: 320, maxWidth: '100%' }}
      options={(data?.items ?? []).map((u) => ({ value: u.unitId, label: `${'· '.repeat(Math.max(0, u.depth - 1))}${u.name}` }))}
      data-testid="document-subject"
    />
  );
}

function ConferenceSubject({ campaignId, value, onChange }: { campaignId: string; value?: string; onChange: (v: string) => void }) {
  const { data, isPending } = useQuery({
    queryKey: ['campaign', campaignId, 'conferences', 'all'],
    queryFn: () =>
      api.get<{ items: { id: string; unitName: string; scheduledFor: string; statusLabel: string }[] }>(
        withQuery(`/api/campaigns/${campaignId}/conferences`, { pageSize: 200 }),
      ),
  });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      loading={isPending}
      value={value}
      onChange={onChange}
      placeholder="Chọn hội nghị"
      style={{ minWidth: 320, maxWidth: '100%' }}
      options={(data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.unitName} — ${dayjs(c.scheduledFor).format('DD/MM/YYYY')} (${c.statusLabel})`,
      }))}
      data-testid="document-subject"
    />
  );
}

function MemberSubject({ value, onChange }: { value?: string; onChange: (v: string) => void }) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['members', 'search', q],
    queryFn: () => api.get<{ items: { id: string; fullName: string; unitName: string }[] }>(withQuery('/api/members', { q, pageSize: 20 })),
    enabled: q.trim().length >= 2,
  });
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      value={value}
      onChange={onChange}
      placeholder="Gõ tên đảng viên (ít nhất 2 chữ)"
      notFoundContent={q.trim().length >= 2 ? 'Không tìm thấy đảng viên' : null}
      style={{ minWidth: 320, maxWidth: '100%' }}
      options={(data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} — ${m.unitName}` }))}
      data-testid="document-subject"
    />
  );
}

interface IssueForm {
  issuedOn: dayjs.Dayjs;
  authority?: string;
  title: string;
  name?: string;
  recipients?: string;
}

function IssueDialog({
  choice,
  model,
  open,
  onClose,
}: {
  choice: DocumentChoice;
  model: DocumentModel;
  open: boolean;
  onClose: () => void;
}) {
  const me = useMe();
  const notify = useNotify();
  const qc = useQueryClient();
  const [form] = Form.useForm<IssueForm>();
  const signature = model.signatures.at(-1);
  const issue = useMutation({
    mutationFn: (v: IssueForm) =>
      issueDocument({
        ...choice,
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        signature: { authority: v.authority?.trim() || null, title: v.title.trim(), name: v.name?.trim() ?? '' },
        recipients: (v.recipients ?? '')
          .split('\n')
          .map((r) => r.replace(/^[-\s]+|[,.;\s]+$/g, '').trim())
          .filter(Boolean),
      }),
    onSuccess: async (entry) => {
      notify.success(`Đã ban hành văn bản ${entry.numberText}.`);
      await qc.invalidateQueries({ queryKey: ['documents', 'register'] });
      onClose();
    },
    onError: notify.error,
  });
  return (
    <Modal
      open={open}
      title="Ban hành văn bản"
      okText="Ban hành và lấy số"
      cancelText="Hủy"
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Văn bản được lấy số tiếp theo trong sổ văn bản của cơ quan ban hành và lưu lại đúng như khi ban hành.
      </Typography.Paragraph>
      <Form<IssueForm>
        form={form}
        layout="vertical"
        initialValues={{
          issuedOn: dayjs(me.businessDate),
          authority: signature?.authority ?? '',
          title: signature?.title ?? 'BÍ THƯ',
          name: signature?.name ?? '',
          recipients: model.recipients.join('\n'),
        }}
        onFinish={(v) => issue.mutate(v)}
      >
        <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành' }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        <Form.Item name="authority" label="Thẩm quyền ký (T/M, K/T, T/L…)">
          <Input maxLength={200} placeholder="T/M BAN THƯỜNG VỤ" />
        </Form.Item>
        <Form.Item name="title" label="Chức vụ người ký" rules={[{ required: true, whitespace: true, message: 'Nhập chức vụ người ký' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="name" label="Họ và tên người ký">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="recipients" label="Nơi nhận (mỗi dòng một nơi)">
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function DocumentsTab({ campaignId }: { campaignId: string }) {
  const notify = useNotify();
  const [kind, setKind] = useState<DocumentKind>('summary_report');
  const [subjectId, setSubjectId] = useState<string | undefined>();
  const [issuing, setIssuing] = useState(false);
  const [downloading, setDownloading] = useState<'docx' | 'pdf' | null>(null);
  const needs = DOCUMENT_SUBJECTS[kind];
  const ready = needs === 'campaign' || !!subjectId;
  const choice: DocumentChoice = { kind, campaignId, subjectId: needs === 'campaign' ? undefined : subjectId };
  const draft = useQuery({ queryKey: documentKeys.draft(choice), queryFn: () => fetchDraft(choice), enabled: ready, retry: false });

  const download = async (as: 'docx' | 'pdf') => {
    setDownloading(as);
    try {
      await downloadFile(draftFileUrl(choice, as), `du-thao.${as}`);
    } catch (e) {
      notify.error(e);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap size={[16, 12]} align="end">
          <div>
            <Typography.Text strong>Loại văn bản</Typography.Text>
            <br />
            <Select<DocumentKind>
              value={kind}
              onChange={(k) => {
                setKind(k);
                if (DOCUMENT_SUBJECTS[k] !== needs) setSubjectId(undefined);
              }}
              style={{ minWidth: 320, maxWidth: '100%' }}
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
              data-testid="document-kind"
            />
          </div>
          {needs !== 'campaign' ? (
            <div>
              <Typography.Text strong>{SUBJECT_LABELS[needs]}</Typography.Text>
              <br />
              {needs === 'unit' ? (
                <UnitSubject campaignId={campaignId} value={subjectId} onChange={setSubjectId} />
              ) : needs === 'conference' ? (
                <ConferenceSubject campaignId={campaignId} value={subjectId} onChange={setSubjectId} />
              ) : (
                <MemberSubject value={subjectId} onChange={setSubjectId} />
              )}
            </div>
          ) : null}
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              disabled={!draft.data}
              loading={downloading === 'docx'}
              onClick={() => void download('docx')}
            >
              Tải Word (.docx)
            </Button>
            <Button icon={<DownloadOutlined />} disabled={!draft.data} loading={downloading === 'pdf'} onClick={() => void download('pdf')}>
              Tải PDF
            </Button>
            {draft.data?.canIssue ? (
              <Button type="primary" icon={<FileProtectOutlined />} onClick={() => setIssuing(true)}>
                Ban hành…
              </Button>
            ) : null}
          </Space>
        </Space>
        {draft.data && !draft.data.canIssue && draft.data.model.header.numberText ? (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            message={`Văn bản do ${draft.data.issuerName} ban hành; đồng chí được xem và tải dự thảo. Các văn bản đã ban hành có trong `}
            action={<Link to={PATHS.reportsCampaign(campaignId, 'so-van-ban')}>Sổ văn bản</Link>}
          />
        ) : null}
      </Card>
      {!ready ? (
        <Card>
          <Empty description={`Chọn ${SUBJECT_LABELS[needs as keyof typeof SUBJECT_LABELS]?.toLowerCase() ?? ''} để xem trước văn bản`} />
        </Card>
      ) : draft.error ? (
        <QueryError error={draft.error} onRetry={() => void draft.refetch()} />
      ) : draft.isPending ? (
        <Card>
          <Spin tip="Đang soạn văn bản…">
            <div style={{ height: 120 }} />
          </Spin>
        </Card>
      ) : (
        <div data-testid="document-preview">
          <DocumentPreview model={draft.data.model} />
        </div>
      )}
      {draft.data && issuing ? (
        <IssueDialog choice={choice} model={draft.data.model} open={issuing} onClose={() => setIssuing(false)} />
      ) : null}
    </Space>
  );
}
