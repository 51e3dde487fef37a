// Suggested points (gợi ý kiểm điểm; issue 3 item 4; regulations §4): the upper committee drafts
// points for a unit or a member, issues them, and then follows whether each point has been
// answered in the target's review. Units with suggested points are appraised by the Organization
// Board before their conference (regulations §3.1 bước 4).
import {
  CheckCircleTwoTone,
  ClockCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, Radio, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { FormModal } from '../../components/FormModal';
import { MemberPicker } from '../../components/MemberPicker';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { formatDate } from '../../format';
import { SUGGESTION_STATUS_LABELS } from '../../../shared/contracts/planning.js';
import { foldForSearch } from '../../../shared/text.js';
import {
  createSuggestion,
  deleteSuggestion,
  fetchCampaignUnits,
  fetchSuggestions,
  invalidateCampaign,
  issueSuggestion,
  planningKeys,
  updateSuggestion,
  type SuggestionView,
} from './api';

interface SuggestionValues {
  targetKind: 'unit' | 'member';
  unitId?: string;
  memberId?: string | null;
  title?: string;
  items: string[];
}

function ItemsField() {
  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: async (_, items: string[] | undefined) => {
            if (!items || items.filter((i) => i && i.trim()).length === 0) throw new Error('Cần ít nhất một vấn đề gợi ý');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="start">
              <Typography.Text style={{ paddingTop: 5, minWidth: 20 }}>{i + 1}.</Typography.Text>
              <Form.Item
                {...field}
                style={{ flex: 1, marginBottom: 12 }}
                rules={[{ required: true, whitespace: true, message: 'Nhập nội dung vấn đề' }]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 8 }}
                  maxLength={4000}
                  placeholder="Vấn đề cần giải trình, làm rõ trong bản kiểm điểm"
                />
              </Form.Item>
              {fields.length > 1 ? (
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={`Bỏ vấn đề ${i + 1}`} onClick={() => remove(field.name)} />
              ) : null}
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 50}>
            Thêm vấn đề
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

const clean = (items: string[]) => items.map((i) => i.trim()).filter(Boolean);

function CreateSuggestionModal({ campaignId, open, onClose }: { campaignId: string; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const units = useQuery({ queryKey: planningKeys.units(campaignId), queryFn: () => fetchCampaignUnits(campaignId), enabled: open });
  const unitOptions = useMemo(
    () =>
      (units.data?.items ?? []).map((u) => ({
        value: u.unitId,
        label: `${u.name} (${u.code})`,
        search: foldForSearch(`${u.name} ${u.code}`),
      })),
    [units.data],
  );
  return (
    <FormModal<SuggestionValues>
      title="Soạn gợi ý kiểm điểm"
      open={open}
      onClose={onClose}
      width={720}
      okText="Lưu dự thảo"
      successMessage="Đã lưu dự thảo gợi ý kiểm điểm."
      fields={['target', 'unitId', 'memberId', 'title', 'items']}
      initialValues={{ targetKind: 'unit', items: [''] }}
      onSubmit={async (v) => {
        const target =
          v.targetKind === 'unit' ? { kind: 'unit' as const, unitId: v.unitId! } : { kind: 'member' as const, memberId: v.memberId! };
        await createSuggestion(campaignId, { target, title: v.title?.trim() || undefined, items: clean(v.items) });
        await qc.invalidateQueries({ queryKey: planningKeys.suggestions(campaignId) });
      }}
    >
      {(form) => (
        <>
          <Form.Item name="targetKind" label="Gợi ý cho">
            <Radio.Group
              options={[
                { value: 'unit', label: 'Tập thể (tổ chức đảng)' },
                { value: 'member', label: 'Cá nhân đảng viên' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.targetKind !== b.targetKind}>
            {() =>
              form.getFieldValue('targetKind') === 'member' ? (
                <Form.Item name="memberId" label="Đảng viên" rules={[{ required: true, message: 'Chọn đảng viên' }]}>
                  <MemberPicker />
                </Form.Item>
              ) : (
                <Form.Item name="unitId" label="Tổ chức đảng" rules={[{ required: true, message: 'Chọn tổ chức đảng' }]}>
                  <Select
                    loading={units.isPending}
                    placeholder="Gõ tên hoặc mã đơn vị"
                    options={unitOptions}
                    showSearch={{ filterOption: (input, o) => !!o?.search.includes(foldForSearch(input)) }}
                  />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="title" label="Tiêu đề (không bắt buộc)">
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item label="Các vấn đề gợi ý kiểm điểm" required>
            <ItemsField />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function EditSuggestionModal({ suggestion, onClose }: { suggestion: SuggestionView | null; onClose: () => void }) {
  const qc = useQueryClient();
  if (!suggestion) return null;
  return (
    <FormModal<{ title?: string; items: string[] }>
      title="Sửa gợi ý kiểm điểm"
      open
      onClose={onClose}
      width={720}
      successMessage="Đã lưu gợi ý kiểm điểm."
      fields={['title', 'items']}
      initialValues={{ title: suggestion.title ?? '', items: suggestion.items.map((i) => i.text) }}
      onSubmit={async (v) => {
        await updateSuggestion(suggestion.id, { version: suggestion.version, title: v.title?.trim() ?? '', items: clean(v.items) });
        await qc.invalidateQueries({ queryKey: planningKeys.suggestions(suggestion.campaignId) });
      }}
    >
      <Form.Item name="title" label="Tiêu đề (không bắt buộc)">
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item label="Các vấn đề gợi ý kiểm điểm" required>
        <ItemsField />
      </Form.Item>
    </FormModal>
  );
}

function targetLabel(s: SuggestionView): string {
  return s.target.kind === 'member' ? `Đồng chí ${s.target.memberName ?? ''} — ${s.target.unitName}` : s.target.unitName;
}

function SuggestionCard({ s, onEdit }: { s: SuggestionView; onEdit: () => void }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const { modal } = App.useApp();
  const answered = s.items.filter((i) => i.answered).length;
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: planningKeys.suggestions(s.campaignId) });
    await invalidateCampaign(qc, s.campaignId);
  };
  const issue = () =>
    void modal.confirm({
      title: 'Ban hành gợi ý kiểm điểm?',
      content:
        'Sau khi ban hành, gợi ý không sửa được nữa; cấp ủy của đơn vị (và đảng viên được gợi ý) nhận được thông báo, mọi vấn đề phải được giải trình trong bản kiểm điểm, và hồ sơ của đơn vị phải được Ban Tổ chức thẩm định trước hội nghị.',
      okText: 'Ban hành',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await issueSuggestion(s.id, s.version);
          notify.success('Đã ban hành gợi ý kiểm điểm.');
          await refresh();
        } catch (e) {
          notify.error(e);
        }
      },
    });
  const remove = () =>
    void modal.confirm({
      title: 'Xóa dự thảo gợi ý kiểm điểm?',
      okText: 'Xóa',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await deleteSuggestion(s.id);
          notify.success('Đã xóa dự thảo.');
          await refresh();
        } catch (e) {
          notify.error(e);
        }
      },
    });
  return (
    <Card
      size="small"
      title={
        <Space wrap size={8}>
          <span style={{ whiteSpace: 'normal' }}>{targetLabel(s)}</span>
          <Tag color={s.status === 'issued' ? 'green' : 'gold'}>{SUGGESTION_STATUS_LABELS[s.status]}</Tag>
          {s.status === 'issued' ? (
            <Tag color={answered === s.items.length ? 'success' : 'default'}>
              Đã giải trình {answered}/{s.items.length}
            </Tag>
          ) : null}
        </Space>
      }
      extra={
        <Space size={4} wrap>
          {s.abilities.edit ? (
            <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
              Sửa
            </Button>
          ) : null}
          {s.abilities.issue ? (
            <Button size="small" type="primary" icon={<SendOutlined />} onClick={issue}>
              Ban hành
            </Button>
          ) : null}
          {s.abilities.delete ? <Button size="small" danger icon={<DeleteOutlined />} aria-label="Xóa" onClick={remove} /> : null}
        </Space>
      }
    >
      {s.title ? (
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {s.title}
        </Typography.Title>
      ) : null}
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {s.items.map((i) => (
          <li key={i.id} style={{ marginBottom: 6 }}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{i.text}</Typography.Text>{' '}
            {s.status === 'issued' ? (
              i.answered ? (
                <Tag icon={<CheckCircleTwoTone twoToneColor="#52c41a" />} color="success" style={{ marginInlineStart: 4 }}>
                  Đã giải trình
                </Tag>
              ) : (
                <Tag icon={<ClockCircleOutlined />} style={{ marginInlineStart: 4 }}>
                  Chưa giải trình
                </Tag>
              )
            ) : null}
          </li>
        ))}
      </ol>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {s.status === 'issued' && s.issuedAt
          ? `Ban hành ngày ${formatDate(s.issuedAt.slice(0, 10))}`
          : `Soạn ngày ${formatDate(s.createdAt.slice(0, 10))}`}
        {s.createdByName ? ` · ${s.createdByName}` : ''}
      </Typography.Paragraph>
    </Card>
  );
}

export default function SuggestionsTab({ campaignId }: { campaignId: string }) {
  const [status, setStatus] = useState<'all' | 'draft' | 'issued'>('all');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<SuggestionView | null>(null);
  const { data, isPending, error, refetch } = useQuery({
    queryKey: planningKeys.suggestions(campaignId),
    queryFn: () => fetchSuggestions(campaignId),
  });
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const items = data.items.filter((s) => status === 'all' || s.status === status);
  const drafts = data.items.filter((s) => s.status === 'draft').length;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex gap={8} wrap justify="space-between" align="center">
        {data.canCreate ? (
          <Segmented<'all' | 'draft' | 'issued'>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: `Tất cả (${data.items.length})` },
              { value: 'draft', label: `Dự thảo (${drafts})` },
              { value: 'issued', label: `Đã ban hành (${data.items.length - drafts})` },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">
            Mỗi vấn đề được gợi ý phải được giải trình trong phần “Giải trình những vấn đề được gợi ý kiểm điểm” của bản kiểm điểm trước khi
            nộp.
          </Typography.Text>
        )}
        {data.canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Soạn gợi ý kiểm điểm
          </Button>
        ) : null}
      </Flex>
      {items.length === 0 ? (
        <Empty description="Chưa có gợi ý kiểm điểm nào" />
      ) : (
        items.map((s) => <SuggestionCard key={s.id} s={s} onEdit={() => setEditing(s)} />)
      )}
      {data.canCreate ? <CreateSuggestionModal campaignId={campaignId} open={creating} onClose={() => setCreating(false)} /> : null}
      <EditSuggestionModal key={editing?.id ?? 'none'} suggestion={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
