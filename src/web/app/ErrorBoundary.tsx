// A rendering error shows a Vietnamese message and a way out, never a stack trace (design §4).
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean; chunk: boolean }> {
  override state = { failed: false, chunk: false };

  static getDerivedStateFromError(error: unknown) {
    // After a new version is deployed, an old page may ask for a chunk that no longer exists.
    const chunk =
      error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
    return { failed: true, chunk };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Lỗi hiển thị trang', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title={this.state.chunk ? 'Không tải được trang' : 'Đã có lỗi khi hiển thị trang'}
        subTitle={
          this.state.chunk
            ? 'Có thể phần mềm vừa được cập nhật hoặc mạng bị gián đoạn. Vui lòng tải lại trang.'
            : 'Vui lòng tải lại trang. Nếu lỗi còn lặp lại, hãy báo cho quản trị hệ thống.'
        }
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            Tải lại trang
          </Button>
        }
      />
    );
  }
}
