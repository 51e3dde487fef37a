// Changing one's own password (design §2, "own password"). The rule is the shared contract's, so
// the browser refuses what the server would refuse, with the same Vietnamese message.
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { newPassword as newPasswordRule } from '../../../shared/contracts/auth.js';
import { useNotify } from '../../components/feedback';
import { showFieldProblems } from '../../components/forms';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm({ onDone, submitLabel = 'Đổi mật khẩu' }: { onDone: () => void | Promise<void>; submitLabel?: string }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const notify = useNotify();

  async function submit(v: Values) {
    setBusy(true);
    try {
      await api.post('/api/me/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      notify.success('Đã đổi mật khẩu.');
      form.resetFields();
      await onDone();
    } catch (e) {
      if (!showFieldProblems(form, e, ['currentPassword', 'newPassword'])) notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }} requiredMark={false}>
      <Form.Item name="currentPassword" label="Mật khẩu hiện tại" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="Mật khẩu mới"
        extra="Ít nhất 8 ký tự, gồm cả chữ và số."
        rules={[
          {
            validator: async (_r, value: string | undefined) => {
              const r = newPasswordRule.safeParse(value ?? '');
              if (!r.success) throw new Error(r.error.issues[0]?.message ?? 'Mật khẩu không hợp lệ');
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="Nhập lại mật khẩu mới"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: 'Nhập lại mật khẩu mới' },
          ({ getFieldValue }) => ({
            validator: async (_r, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('Hai lần nhập mật khẩu mới không khớp');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
