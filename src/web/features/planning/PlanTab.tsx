// The campaign's plan (issue 3 item 3; regulations §3.1 bước 1): its text, edited by the
// Organization Board or the Standing Committee while a draft, approved by the standing role, then
// read-only; and its attached files (the signed plan, its annexes).
import { CheckCircleOutlined, DeleteOutlined, PaperClipOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, downloadFile } from '../../api/client';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { formatDate, formatDateTime } from '../../format';
import { PLAN_STATUS_LABELS } from '../../../shared/contracts/planning.js';
import {
  approvePlan,
  attachmentUrl,
  attachToPlan,
  deleteAttachment,
  fetchPlan,
  invalidateCampaign,
  planningKeys,
  savePlan,
  type AttachmentView,
  type PlanView,
} from './api';

/** "1,5 MB", "320 KB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString('vi-VN')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** Files of a plan (or any owner): download by name, remove when allowed. */
export function AttachmentsTable({
  items,
  canDelete,
  onDeleted,
}: {
  items: AttachmentView[];
  canDelete: boolean;
  onDeleted?: () => void | Promise<void>;
}) {
  const notify = useNotify();
  async function download(a: AttachmentView) {
    try {
      await downloadFile(attachmentUrl(a.id), a.name);
    } catch (e) {
      notify.error(e);
    }
  }
  async function remove(a: AttachmentView) {
    try {
      await deleteAttachment(a.id);
      notify.success(`Đã xóa tệp "${a.name}".`);
      await onDeleted?.();
    } catch (e) {
      notify.error(e);
    }
  }
  return (
    <Table<AttachmentView>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={false}
      locale={{ emptyText: 'Chưa có tệp đính kèm' }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: 'Tệp',
          dataIndex: 'name',
          render: (name: string, a) => (
            <Button
              type="link"
              icon={<PaperClipOutlined />}
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => void download(a)}
            >
              {name}
            </Button>
          ),
        },
        { title: 'Dung lượng', dataIndex: 'size', render: (n: number) => fileSize(n), responsive: ['sm'], width: 110 },
        { title: 'Người tải lên', dataIndex: 'createdByName', render: (n: string | null) => n ?? '', responsive: ['md'] },
        { title: 'Thời gian', dataIndex: 'createdAt', render: (d: string) => formatDateTime(d), responsive: ['md'], width: 150 },
        ...(canDelete
          ? [
              {
                title: '',
                key: 'actions',
                width: 60,
                render: (_: unknown, a: AttachmentView) => (
                  <Popconfirm
                    title={`Xóa tệp "${a.name}"?`}
                    okText="Xóa"
                    cancelText="Hủy"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(a)}
                  >
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Xóa ${a.name}`} />
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function PlanStatus({ plan }: { plan: PlanView }) {
  if (plan.status === 'approved') {
    return (
      <Space wrap size={4}>
        <Tag color="green" icon={<CheckCircleOutlined />}>
          {PLAN_STATUS_LABELS.approved}
        </Tag>
        <Typography.Text type="secondary">
          {plan.approvedByName ? `bởi ${plan.approvedByName}` : ''}{' '}
          {plan.approvedAt ? `ngày ${formatDate(plan.approvedAt.slice(0, 10))}` : ''}
        </Typography.Text>
      </Space>
    );
  }
  return <Tag color="gold">{PLAN_STATUS_LABELS.draft}</Tag>;
}

export default function PlanTab({ campaignId }: { campaignId: string }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const { modal } = App.useApp();
  const {
    data: plan,
    isPending,
    error,
    refetch,
  } = useQuery({ queryKey: planningKeys.plan(campaignId), queryFn: () => fetchPlan(campaignId) });
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'save' | 'approve' | 'upload' | null>(null);
  const [conflict, setConflict] = useState(false);

  // The editor follows the server's text whenever a new version arrives (after saving or reloading).
  const serverText = plan?.text;
  const serverVersion = plan?.version;
  useEffect(() => {
    if (serverText !== undefined) setText(serverText);
  }, [serverText, serverVersion]);

  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;

  const dirty = text !== plan.text;
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: planningKeys.plan(campaignId) });
    await invalidateCampaign(qc, campaignId);
  };

  async function save() {
    setBusy('save');
    try {
      const saved = await savePlan(campaignId, plan!.version, text);
      qc.setQueryData(planningKeys.plan(campaignId), saved);
      setConflict(false);
      notify.success('Đã lưu kế hoạch.');
      await invalidateCampaign(qc, campaignId);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict.version') setConflict(true);
      notify.error(e);
    } finally {
      setBusy(null);
    }
  }

  function approve() {
    void modal.confirm({
      title: 'Phê duyệt kế hoạch kiểm điểm?',
      content: 'Sau khi phê duyệt, kế hoạch và các tệp đính kèm không sửa được nữa; kế hoạch được ban hành tới các cấp ủy cơ sở và chi bộ.',
      okText: 'Phê duyệt',
      cancelText: 'Hủy',
      onOk: async () => {
        setBusy('approve');
        try {
          const approved = await approvePlan(campaignId, plan!.version);
          qc.setQueryData(planningKeys.plan(campaignId), approved);
          notify.success('Đã phê duyệt kế hoạch.');
          await invalidateCampaign(qc, campaignId);
        } catch (e) {
          notify.error(e);
        } finally {
          setBusy(null);
        }
      },
    });
  }

  async function upload(file: File) {
    setBusy('upload');
    try {
      await attachToPlan(campaignId, file);
      notify.success(`Đã đính kèm tệp "${file.name}".`);
      await refresh();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(null);
    }
  }

  const ab = plan.abilities;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>Kế hoạch kiểm điểm</span>
            <PlanStatus plan={plan} />
          </Space>
        }
        extra={
          ab.approve ? (
            <Button type="primary" icon={<CheckCircleOutlined />} loading={busy === 'approve'} disabled={dirty} onClick={approve}>
              Phê duyệt
            </Button>
          ) : null
        }
      >
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="Kế hoạch vừa được người khác thay đổi."
            description="Hãy sao chép phần đồng chí đang sửa, tải lại nội dung mới nhất rồi sửa tiếp."
            action={
              <Button
                size="small"
                onClick={() => {
                  setConflict(false);
                  void refresh();
                }}
              >
                Tải lại
              </Button>
            }
          />
        ) : null}
        {ab.edit ? (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 10, maxRows: 40 }}
              maxLength={100_000}
              placeholder="Nội dung kế hoạch: mục đích, yêu cầu; đối tượng, nội dung kiểm điểm; thời gian, các mốc; phân công; tổ chức thực hiện…"
              aria-label="Nội dung kế hoạch"
            />
            <Flex gap={8} wrap align="center">
              <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={busy === 'save'} onClick={() => void save()}>
                Lưu
              </Button>
              {dirty ? (
                <Button disabled={busy !== null} onClick={() => setText(plan.text)}>
                  Bỏ thay đổi
                </Button>
              ) : null}
              {ab.approve && dirty ? <Typography.Text type="secondary">Lưu kế hoạch trước khi phê duyệt.</Typography.Text> : null}
            </Flex>
          </Space>
        ) : plan.text ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{plan.text}</Typography.Paragraph>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Kế hoạch chưa có nội dung" />
        )}
      </Card>
      <Card
        title="Tệp đính kèm"
        extra={
          ab.edit ? (
            <Upload
              showUploadList={false}
              multiple={false}
              beforeUpload={(f) => {
                void upload(f);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy === 'upload'}>
                Đính kèm tệp
              </Button>
            </Upload>
          ) : null
        }
      >
        <AttachmentsTable items={plan.attachments} canDelete={ab.edit} onDeleted={refresh} />
      </Card>
    </Space>
  );
}
