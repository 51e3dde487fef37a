// First login with a one-time password (issue 2 item 6): nothing else works until it is changed,
// so this page stands alone, outside the app shell.
import { Button, Card, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useLogout } from '../../app/AppShell';
import { PATHS } from '../../app/menu';
import { ME_KEY, useMe } from '../../app/session';
import { ChangePasswordForm } from './ChangePasswordForm';

export default function ForcedPasswordPage() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <div className="ts-login">
      <Card style={{ width: '100%', maxWidth: 460 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Đổi mật khẩu lần đầu
        </Typography.Title>
        <Typography.Paragraph>
          Xin chào <strong>{me.displayName}</strong>. Tài khoản của bạn đang dùng mật khẩu được cấp ban đầu. Bạn cần đặt mật khẩu mới trước
          khi tiếp tục.
        </Typography.Paragraph>
        <ChangePasswordForm
          submitLabel="Đặt mật khẩu mới"
          onDone={async () => {
            await qc.invalidateQueries({ queryKey: ME_KEY });
            navigate(PATHS.home, { replace: true });
          }}
        />
        <Button type="link" style={{ paddingInline: 0, marginTop: 12 }} onClick={() => void logout()}>
          Đăng xuất
        </Button>
      </Card>
    </div>
  );
}
