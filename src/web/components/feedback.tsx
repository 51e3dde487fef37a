// Loading and error states, in Vietnamese. An error shows the server's message, never a stack.
import { Button, Result, Spin, App } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client';

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" description="Đang tải…" />
    </div>
  );
}

export function PageSpin() {
  return (
    <div style={{ padding: 48, display: 'grid', placeItems: 'center' }}>
      <Spin description="Đang tải…" />
    </div>
  );
}

/** A failed page load: 404 and 403 get their own wording, everything else the server's message. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 404) {
    return (
      <Result
        status="404"
        title="Không tìm thấy"
        subTitle={errorMessage(error)}
        extra={
          <Link to="/">
            <Button type="primary">Về trang chủ</Button>
          </Link>
        }
      />
    );
  }
  if (status === 403) {
    return <Result status="403" title="Không có quyền truy cập" subTitle={errorMessage(error)} />;
  }
  return (
    <Result
      status="error"
      title="Không tải được dữ liệu"
      subTitle={errorMessage(error)}
      extra={onRetry ? <Button onClick={onRetry}>Thử lại</Button> : undefined}
    />
  );
}

/** The "… của tôi" pages of an account that is not linked to a member's record. */
export function NotLinkedToMember() {
  return (
    <Result
      status="info"
      title="Tài khoản chưa gắn với đảng viên"
      subTitle="Tài khoản này không gắn với hồ sơ đảng viên nào. Hãy liên hệ quản trị nếu cần."
    />
  );
}

/** Toasts through antd's App context (so they follow the theme and the vi_VN locale). */
export function useNotify() {
  const { message } = App.useApp();
  const success = useCallback((text: string) => void message.success(text), [message]);
  const error = useCallback((err: unknown) => void message.error(errorMessage(err), 6), [message]);
  return { success, error };
}
