// Quản trị › Thể thức văn bản (issue 5 item 1; regulations §6): the settings HD 36-HD/VPTW leaves
// open or that the sources do not confirm — margins, the colon after "Số", sizes, page numbers — and
// the header names the tree cannot give. Every document drawn after saving follows them; documents
// already issued keep the text they were issued with.
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Skeleton, Space, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentSettings, DocumentSettingsView } from '../../../shared/contracts/documents';
import { api } from '../../api/client';
import { PATHS } from '../../app/menu';
import { QueryError, useNotify } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';

const KEY = ['documents', 'settings'] as const;
const MARGINS = [
  ['marginTopMm', 'Lề trên (mm)'],
  ['marginBottomMm', 'Lề dưới (mm)'],
  ['marginLeftMm', 'Lề trái (mm)'],
  ['marginRightMm', 'Lề phải (mm)'],
] as const;

export default function DocumentSettingsPage() {
  const notify = useNotify();
  const qc = useQueryClient();
  const [form] = Form.useForm<DocumentSettings>();
  const { data, error, isPending, refetch } = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<DocumentSettingsView>('/api/documents/settings'),
  });
  const save = useMutation({
    mutationFn: (v: DocumentSettings) =>
      api.put<DocumentSettingsView>('/api/documents/settings', {
        ...v,
        upperBody: v.upperBody?.trim() || null,
        place: v.place?.trim() || null,
      }),
    onSuccess: (saved) => {
      qc.setQueryData(KEY, saved);
      notify.success('Đã lưu thể thức văn bản.');
    },
    onError: notify.error,
  });
  return (
    <>
      <PageHeader
        title="Thể thức văn bản"
        crumbs={[{ title: 'Trang chủ', to: PATHS.home }, { title: 'Quản trị' }, { title: 'Thể thức văn bản' }]}
      />
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : data ? (
        <Card>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="Theo Hướng dẫn 36-HD/VPTW ngày 03/4/2018 về thể thức văn bản của Đảng"
            description="Lề trang, dấu hai chấm sau chữ “Số” và cỡ chữ phần ký, nơi nhận chưa được xác nhận từ văn bản gốc nên để văn phòng điều chỉnh. Văn bản đã ban hành giữ nguyên như khi ban hành."
          />
          <Form<DocumentSettings>
            form={form}
            layout="vertical"
            disabled={!data.canEdit}
            initialValues={{ format: data.format, upperBody: data.upperBody ?? '', place: data.place ?? '' }}
            onFinish={(v) => save.mutate(v)}
          >
            <Row gutter={16}>
              {MARGINS.map(([name, label]) => (
                <Col xs={12} md={6} key={name}>
                  <Form.Item name={['format', name]} label={label} rules={[{ required: true, message: 'Nhập lề' }]}>
                    <InputNumber min={5} max={50} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={12} md={6}>
                <Form.Item name={['format', 'bodySize']} label="Cỡ chữ nội dung" rules={[{ required: true, message: 'Nhập cỡ chữ' }]}>
                  <InputNumber min={12} max={15} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name={['format', 'typeNameSize']}
                  label="Cỡ chữ tên loại văn bản"
                  rules={[{ required: true, message: 'Nhập cỡ chữ' }]}
                >
                  <InputNumber min={14} max={16} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={['format', 'recipientsSize']} label="Cỡ chữ nơi nhận" rules={[{ required: true, message: 'Nhập cỡ chữ' }]}>
                  <InputNumber min={10} max={14} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Space size={32} wrap>
              <Form.Item name={['format', 'numberColon']} label="Viết “Số:” (có dấu hai chấm)" valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name={['format', 'pageNumbersFromPage2']} label="Đánh số trang từ trang 2" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="upperBody" label="Tên cơ quan cấp trên của cấp ủy cao nhất (dòng trên tên cơ quan ban hành)">
                  <Input maxLength={200} placeholder="Ví dụ: ĐẢNG BỘ TỈNH HÀ TĨNH" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="place" label="Địa danh ghi ở dòng ngày tháng">
                  <Input maxLength={100} placeholder={data.derivedPlace} />
                </Form.Item>
              </Col>
            </Row>
            {data.canEdit ? (
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  Lưu
                </Button>
                <Button onClick={() => form.setFieldsValue({ format: data.defaults })}>Khôi phục mặc định</Button>
              </Space>
            ) : (
              <Typography.Text type="secondary">Chỉ quản trị hoặc Văn phòng cấp ủy cao nhất được sửa thể thức văn bản.</Typography.Text>
            )}
          </Form>
        </Card>
      ) : null}
    </>
  );
}
