// Settings of a campaign: milestones with deadlines, the committee's adaptations of the configurable
// parts of the rule set (its own key political tasks, the manifestation checklist's granularity,
// the HTXS quota, the quorum of review meetings, appraisal for all), and closing the campaign.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { useNotify } from '../../components/feedback';
import { showFieldProblems } from '../../components/forms';
import { MILESTONE_KINDS, MILESTONE_LABELS, type MilestoneKind } from '../../../shared/campaign-vocabulary.js';
import { invalidateCampaign, type CampaignDetail } from './api';

interface Values {
  title: string;
  milestones: { kind: MilestoneKind; dueDate: dayjs.Dayjs; label?: string }[];
  politicalTasks: { key: string; label: string }[];
  manifestationGranularity?: 'items' | 'groups';
  htxsQuotaPct?: number | null;
  quorumPct?: number | null;
  appraisalForAll: boolean;
}

/** A stable key for a task label typed by the user ("Cải cách hành chính" → "cai-cach-hanh-chinh"). */
function taskKey(label: string, index: number): string {
  const folded = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
  return folded || `task-${index + 1}`;
}

export function CampaignSettings({ campaign }: { campaign: CampaignDetail }) {
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  async function save(values: Values, status?: 'closed') {
    setBusy(true);
    try {
      await api.patch(`/api/campaigns/${campaign.id}`, {
        version: campaign.version,
        title: values.title,
        milestones: values.milestones.map((m) => ({ kind: m.kind, dueDate: m.dueDate.format('YYYY-MM-DD'), label: m.label || undefined })),
        config: {
          ...campaign.config,
          politicalTasks: values.politicalTasks.length
            ? values.politicalTasks.map((t, i) => ({ key: t.key || taskKey(t.label, i), label: t.label }))
            : undefined,
          manifestationGranularity: values.manifestationGranularity,
          htxsQuotaPct: values.htxsQuotaPct ?? undefined,
          quorumPct: values.quorumPct ?? undefined,
          appraisalForAll: values.appraisalForAll,
        },
        ...(status ? { status } : {}),
      });
      notify.success(status ? 'Đã kết thúc đợt kiểm điểm' : 'Đã lưu thiết lập');
      await invalidateCampaign(qc, campaign.id);
    } catch (e) {
      if (!showFieldProblems(form, e, ['title'])) notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        title: campaign.title,
        milestones: campaign.milestones.map((m) => ({ kind: m.kind, dueDate: dayjs(m.dueDate), label: m.label })),
        politicalTasks: campaign.config.politicalTasks ?? [],
        manifestationGranularity: campaign.config.manifestationGranularity,
        htxsQuotaPct: campaign.config.htxsQuotaPct ?? undefined,
        quorumPct: campaign.config.quorumPct ?? undefined,
        appraisalForAll: campaign.config.appraisalForAll ?? false,
      }}
      onFinish={(v) => void save(v)}
    >
      <Card size="small" title="Chung" style={{ marginBottom: 16 }}>
        <Form.Item name="title" label="Tên đợt kiểm điểm" rules={[{ required: true, message: 'Nhập tên đợt' }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Card>
      <Card size="small" title="Mốc thời gian" style={{ marginBottom: 16 }}>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: 'Chọn mốc' }]}>
                    <Select style={{ width: 240 }} options={MILESTONE_KINDS.map((k) => ({ value: k, label: MILESTONE_LABELS[k] }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueDate']} rules={[{ required: true, message: 'Chọn hạn' }]}>
                    <DatePicker format="DD/MM/YYYY" placeholder="Hạn hoàn thành" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']}>
                    <Input placeholder="Tên hiển thị (không bắt buộc)" style={{ width: 240 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="Xóa mốc" onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'reviews_due' })}>
                Thêm mốc
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title="Điều chỉnh của cấp ủy theo bộ quy định" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          Để trống để dùng giá trị mặc định của bộ quy định năm {campaign.reviewYear}.
        </Typography.Paragraph>
        <Form.List name="politicalTasks">
          {(fields, { add, remove }) => (
            <Form.Item label="Nhiệm vụ chính trị trọng tâm để tập thể kiểm điểm">
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, message: 'Nhập nhiệm vụ' }]} style={{ minWidth: 320 }}>
                    <Input maxLength={300} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="Xóa nhiệm vụ" onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '' })}>
                Thêm nhiệm vụ
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="manifestationGranularity" label="Bảng tự soi 27 biểu hiện (Nghị quyết Trung ương 4 khóa XII)">
          <Radio.Group
            options={[
              { value: 'items', label: 'Từng biểu hiện (27 mục)' },
              { value: 'groups', label: 'Theo 3 nhóm' },
            ]}
          />
        </Form.Item>
        <Form.Item name="htxsQuotaPct" label="Tỷ lệ tối đa Hoàn thành xuất sắc so với Hoàn thành tốt (%)">
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item
          name="quorumPct"
          label="Hội nghị kiểm điểm hợp lệ khi số đảng viên chính thức có mặt vượt quá (% số được triệu tập)"
          extra="Để trống: quá nửa (mặc định của Tự soi khi văn bản chưa quy định)."
        >
          <InputNumber min={1} max={99} />
        </Form.Item>
        <Form.Item name="appraisalForAll" label="Ban Tổ chức thẩm định hồ sơ của tất cả đơn vị" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Card>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy}>
          Lưu thiết lập
        </Button>
        <Button
          danger
          disabled={busy}
          onClick={() =>
            Modal.confirm({
              title: 'Kết thúc đợt kiểm điểm?',
              content: 'Sau khi kết thúc, kết quả của đợt là hồ sơ của năm và không thể thay đổi.',
              okText: 'Kết thúc',
              okButtonProps: { danger: true },
              cancelText: 'Hủy',
              onOk: () => save(form.getFieldsValue(true) as Values, 'closed'),
            })
          }
        >
          Kết thúc đợt
        </Button>
      </Space>
    </Form>
  );
}
