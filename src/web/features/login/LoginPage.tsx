// Login (issue 2 item 6). Wrong password and throttling answer with the server's Vietnamese message.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage, setCsrfToken } from '../../api/client';
import { PATHS } from '../../app/menu';
import { fetchMe, ME_KEY, useMeQuery } from '../../app/session';

interface LoginAnswer {
  ok: true;
  mustChangePassword: boolean;
  csrfToken: string;
}

/** Only paths of this app may follow a login (no open redirect to another site). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : PATHS.home;
}

export default function LoginPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMeQuery();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me) return <Navigate to={me.mustChangePassword ? PATHS.changePassword : safeNext(params.get('next'))} replace />;

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<LoginAnswer>('/api/auth/login', values);
      setCsrfToken(r.csrfToken);
      qc.removeQueries();
      await qc.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
      navigate(r.mustChangePassword ? PATHS.changePassword : safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ts-login">
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 28 } }}>
        <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4, color: '#a8201a' }}>
          Tự soi
        </Typography.Title>
        <Typography.Paragraph type="secondary">Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label="Tên đăng nhập" rules={[{ required: true, whitespace: true, message: 'Nhập tên đăng nhập' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="Mật khẩu" rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </div>
  );
}
