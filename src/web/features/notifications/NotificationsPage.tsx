// "Thông báo" (/thong-bao; issue 3 item 9): my notices, read or unread, mark all read, and my
// preferences — a daily digest, by e-mail too when the server can send mail.
import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Pagination, Row, Segmented, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryError, useNotify } from '../../components/feedback';
import { useMarkAllRead, useNotifications, usePreferences, useSavePreferences } from './api';
import { NotificationList } from './NotificationList';

const PAGE_SIZE = 20;

function PreferencesCard() {
  const { data, isPending, error, refetch } = usePreferences();
  const save = useSavePreferences();
  const notify = useNotify();
  const [form] = Form.useForm<{ dailyDigest: boolean; email: string }>();

  useEffect(() => {
    if (data) form.setFieldsValue({ dailyDigest: data.dailyDigest, email: data.email ?? '' });
  }, [data, form]);

  if (isPending)
    return (
      <Card title="Tùy chọn nhận thông báo">
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  if (error)
    return (
      <Card title="Tùy chọn nhận thông báo">
        <QueryError error={error} onRetry={() => void refetch()} />
      </Card>
    );

  const onFinish = async (values: { dailyDigest: boolean; email: string }) => {
    try {
      await save.mutateAsync({ dailyDigest: values.dailyDigest, email: values.email.trim() || null });
      notify.success('Đã lưu tùy chọn nhận thông báo.');
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldProblems : [];
      if (fields.length > 0) form.setFields(fields.map((p) => ({ name: p.field as 'email', errors: [p.message] })));
      else notify.error(e);
    }
  };

  return (
    <Card title="Tùy chọn nhận thông báo">
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ dailyDigest: data.dailyDigest, email: data.email ?? '' }}>
        <Form.Item
          name="dailyDigest"
          label="Bản tổng hợp hằng ngày"
          valuePropName="checked"
          extra="Mỗi ngày một thông báo tóm tắt các thông báo bạn chưa đọc."
        >
          <Switch checkedChildren="Bật" unCheckedChildren="Tắt" />
        </Form.Item>
        <Form.Item
          name="email"
          label="Thư điện tử nhận bản tổng hợp"
          rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' }]}
          extra="Để trống nếu không muốn nhận qua thư điện tử."
        >
          <Input type="email" autoComplete="email" placeholder="ten@vidu.vn" maxLength={254} />
        </Form.Item>
        {!data.emailAvailable ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="Máy chủ chưa được cấu hình gửi thư điện tử: bản tổng hợp chỉ hiện trong mục Thông báo."
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Lưu tùy chọn
        </Button>
      </Form>
    </Card>
  );
}

export default function NotificationsPage() {
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const { data, isPending, error, refetch } = useNotifications({ unread, page, pageSize: PAGE_SIZE });
  const markAll = useMarkAllRead();
  const notify = useNotify();

  const onMarkAll = async () => {
    try {
      const r = await markAll.mutateAsync();
      notify.success(r.updated > 0 ? `Đã đánh dấu ${r.updated} thông báo là đã đọc.` : 'Không còn thông báo chưa đọc.');
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <>
      <PageHeader
        title="Thông báo"
        crumbs={[{ title: 'Trang chủ', to: '/' }, { title: 'Thông báo' }]}
        actions={
          <Button
            icon={<CheckOutlined />}
            onClick={() => void onMarkAll()}
            loading={markAll.isPending}
            disabled={!data || data.unread === 0}
          >
            Đánh dấu tất cả là đã đọc
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card
            title={data ? `${data.unread} chưa đọc` : 'Thông báo'}
            extra={
              <Segmented
                value={unread ? 'unread' : 'all'}
                onChange={(v) => {
                  setUnread(v === 'unread');
                  setPage(1);
                }}
                options={[
                  { label: 'Tất cả', value: 'all' },
                  { label: 'Chưa đọc', value: 'unread' },
                ]}
              />
            }
          >
            {isPending ? (
              <Skeleton active paragraph={{ rows: 5 }} />
            ) : error ? (
              <QueryError error={error} onRetry={() => void refetch()} />
            ) : (
              <>
                <NotificationList items={data.items} />
                {data.total > PAGE_SIZE ? (
                  <Pagination
                    style={{ marginTop: 16 }}
                    current={page}
                    pageSize={PAGE_SIZE}
                    total={data.total}
                    onChange={setPage}
                    showSizeChanger={false}
                    showTotal={(t) => `${t} thông báo`}
                  />
                ) : null}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <PreferencesCard />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            Thông báo được gửi khi bạn được phân công, khi hồ sơ hoặc bản kiểm điểm bị trả lại, được thẩm định đạt, và khi sắp đến hoặc đã
            quá hạn một mốc của đợt kiểm điểm.
          </Typography.Paragraph>
        </Col>
      </Row>
    </>
  );
}
