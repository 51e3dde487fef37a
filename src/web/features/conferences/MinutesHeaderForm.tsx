// The minutes' header (biên bản): who chaired, who kept the minutes, opening, general record,
// closing. Saved with the conference's version; Ctrl+Enter saves.
import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../api/client';
import { useNotify } from '../../components/feedback';
import { afterConferenceStep, conferenceKeys, saveMinutes, type ConferenceView, type MinutesHeader } from './api';

export function MinutesHeaderView({ c }: { c: ConferenceView }) {
  const m = c.minutes;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'chair', label: 'Chủ trì', children: m.chair || '—' },
        { key: 'secretary', label: 'Thư ký', children: m.secretary || '—' },
        ...(m.opening
          ? [{ key: 'opening', label: 'Khai mạc', children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.opening}</span> }]
          : []),
        ...(m.general
          ? [{ key: 'general', label: 'Diễn biến chung', children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.general}</span> }]
          : []),
        ...(m.closing ? [{ key: 'closing', label: 'Bế mạc', children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.closing}</span> }] : []),
      ]}
    />
  );
}

export function MinutesHeaderForm({ c, disabled = false }: { c: ConferenceView; disabled?: boolean }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [form] = Form.useForm<MinutesHeader>();
  // Refill only when the stored header changed (a new version), never while other parts of the
  // conference refresh, so nothing typed here is overwritten.
  const versionKey = c.version;
  useEffect(() => {
    form.setFieldsValue(c.minutes);
  }, [versionKey, form]);

  async function submit(values: MinutesHeader) {
    try {
      await afterConferenceStep(qc, await saveMinutes(c, values));
      notify.success('Đã lưu thông tin chung của biên bản.');
    } catch (e) {
      notify.error(e);
      if (e instanceof ApiError && e.code === 'conflict.version') void qc.invalidateQueries({ queryKey: conferenceKeys.detail(c.id) });
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      initialValues={c.minutes}
      disabled={disabled}
      onFinish={(v) => void submit(v)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          form.submit();
        }
      }}
    >
      <Form.Item name="chair" label="Người chủ trì" rules={[{ max: 200 }]}>
        <Input placeholder="Đồng chí …, Bí thư chi bộ" />
      </Form.Item>
      <Form.Item name="secretary" label="Thư ký hội nghị" rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="opening" label="Khai mạc (thời gian, thành phần, nội dung)">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="general" label="Diễn biến chung">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="closing" label="Bế mạc">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />}>
        Lưu thông tin chung
      </Button>
    </Form>
  );
}
