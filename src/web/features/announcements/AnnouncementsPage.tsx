// Tin mới cập nhật (issue 5 item 5; design §4 "Trang chủ"): every item the caller's scope reads,
// newest first; for the office, the organization board and a grassroots committee (design §2), a
// form to post one for a unit they may post for, and edit and withdraw on the items of those units.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../components/DateInput';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, kindLabel } from '../../format';
import { PATHS } from '../../app/menu';
import { ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX } from '../../../shared/contracts/announcements.js';
import { useAnnouncementActions, useAnnouncements, type AnnouncementView, type PostingUnit } from './api';

const PAGE_SIZE = 20;

interface FormValues {
  unitId?: string;
  title: string;
  body?: string | null;
  publishedOn: string | null;
}

function AnnouncementForm({
  open,
  onClose,
  editing,
  postingUnits,
  businessDate,
}: {
  open: boolean;
  onClose: () => void;
  /** The item to change; absent: a new one. */
  editing: AnnouncementView | null;
  postingUnits: PostingUnit[];
  businessDate: string;
}) {
  const { post, update } = useAnnouncementActions();
  return (
    <FormModal<FormValues>
      title={editing ? 'Sửa tin' : 'Đăng tin mới'}
      open={open}
      onClose={onClose}
      okText={editing ? 'Lưu' : 'Đăng tin'}
      successMessage={editing ? 'Đã lưu tin.' : 'Đã đăng tin.'}
      fields={['unitId', 'title', 'body', 'publishedOn']}
      width={640}
      initialValues={
        editing
          ? { title: editing.title, body: editing.body, publishedOn: editing.publishedOn }
          : { unitId: postingUnits[0]?.id, publishedOn: businessDate }
      }
      onSubmit={async (v) => {
        const body = v.body?.trim() ? v.body : null;
        if (editing)
          await update.mutateAsync({ id: editing.id, version: editing.version, title: v.title, body, publishedOn: v.publishedOn });
        else await post.mutateAsync({ unitId: v.unitId, title: v.title, body, publishedOn: v.publishedOn });
      }}
    >
      {editing ? (
        <Form.Item label="Đơn vị đăng tin">
          <Typography.Text>{editing.unitName}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="unitId" label="Đơn vị đăng tin" rules={[{ required: true, message: 'Chọn đơn vị đăng tin' }]}>
          <Select options={postingUnits.map((u) => ({ value: u.id, label: u.name, title: kindLabel(u.kind) }))} placeholder="Chọn đơn vị" />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label="Tiêu đề"
        rules={[
          { required: true, whitespace: true, message: 'Nhập tiêu đề tin' },
          { max: ANNOUNCEMENT_TITLE_MAX, message: `Tiêu đề không được dài quá ${ANNOUNCEMENT_TITLE_MAX} ký tự` },
        ]}
      >
        <Input maxLength={ANNOUNCEMENT_TITLE_MAX} showCount placeholder="Ví dụ: Đảng ủy phường Nam Hà triển khai nghị quyết …" />
      </Form.Item>
      <Form.Item
        name="body"
        label="Nội dung"
        rules={[{ max: ANNOUNCEMENT_BODY_MAX, message: `Nội dung không được dài quá ${ANNOUNCEMENT_BODY_MAX} ký tự` }]}
      >
        <Input.TextArea rows={5} maxLength={ANNOUNCEMENT_BODY_MAX} showCount placeholder="Không bắt buộc" />
      </Form.Item>
      <Form.Item
        name="publishedOn"
        label="Ngày đăng"
        rules={[{ required: true, message: 'Chọn ngày đăng (dd/mm/yyyy)' }]}
        extra="Ngày hiện cạnh tiêu đề trên trang chủ."
      >
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

export default function AnnouncementsPage() {
  const [page, setPage] = useState(1);
  const { data, isPending, error, refetch } = useAnnouncements({ page, pageSize: PAGE_SIZE });
  const { withdraw } = useAnnouncementActions();
  const notify = useNotify();
  const [form, setForm] = useState<{ editing: AnnouncementView | null } | null>(null);

  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const canPost = data.postingUnits.length > 0;

  async function doWithdraw(a: AnnouncementView) {
    try {
      await withdraw.mutateAsync({ id: a.id, version: a.version });
      notify.success('Đã gỡ tin.');
    } catch (e) {
      notify.error(e);
    }
  }

  return (
    <>
      <PageHeader
        title="Tin mới cập nhật"
        crumbs={[{ title: 'Trang chủ', to: PATHS.home }, { title: 'Tin mới cập nhật' }]}
        actions={
          canPost ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>
              Đăng tin
            </Button>
          ) : undefined
        }
      />
      <Card>
        {data.items.length === 0 ? (
          <Empty description="Chưa có tin nào." />
        ) : (
          <List<AnnouncementView>
            itemLayout="vertical"
            dataSource={data.items}
            rowKey="id"
            pagination={
              data.total > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false }
                : false
            }
            renderItem={(a) => (
              <List.Item
                key={a.id}
                data-testid="announcement"
                actions={
                  a.abilities.canEdit
                    ? [
                        <Button key="edit" size="small" icon={<EditOutlined />} onClick={() => setForm({ editing: a })}>
                          Sửa
                        </Button>,
                        <Popconfirm
                          key="withdraw"
                          title="Gỡ tin này?"
                          description="Tin sẽ không còn hiện trên trang chủ của ai nữa."
                          okText="Gỡ tin"
                          okButtonProps={{ danger: true }}
                          cancelText="Hủy"
                          onConfirm={() => doWithdraw(a)}
                        >
                          <Button size="small" danger icon={<DeleteOutlined />}>
                            Gỡ
                          </Button>
                        </Popconfirm>,
                      ]
                    : undefined
                }
              >
                <Flex vertical gap={4}>
                  <Typography.Text strong>{a.title}</Typography.Text>
                  <Space size={8} wrap>
                    <Typography.Text type="secondary">{formatDate(a.publishedOn)}</Typography.Text>
                    <Tag>{a.unitName}</Tag>
                  </Space>
                  {a.body ? (
                    <Typography.Paragraph
                      style={{ whiteSpace: 'pre-line', margin: 0 }}
                      ellipsis={{ rows: 3, expandable: true, symbol: 'Xem thêm' }}
                    >
                      {a.body}
                    </Typography.Paragraph>
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      {form ? (
        <AnnouncementForm
          open
          onClose={() => setForm(null)}
          editing={form.editing}
          postingUnits={data.postingUnits}
          businessDate={data.businessDate}
        />
      ) : null}
    </>
  );
}
