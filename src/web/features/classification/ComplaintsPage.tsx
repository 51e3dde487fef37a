// Complaints about published results and their resolution by the upper level (regulations §2.5 last
// row; QĐ 366 Điều 13, 15): upholding annuls the earlier result with the reason (kept in the
// history) and re-rates under a new decision, published from the decisions list; dismissing says why.
import { Button, Card, Col, Form, Input, Radio, Row, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { DateInput } from '../../components/DateInput';
import { QueryError } from '../../components/feedback';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus, type Level } from '../../../shared/campaign-vocabulary.js';
import { afterWrite, classificationKeys, fetchComplaints, resolveComplaint, type ComplaintView } from './api';
import { DecisionsCard } from './DecisionsCard';

const LEVEL_OPTIONS: { value: Level; label: string }[] = [
  { value: 'excellent', label: 'Mức cao nhất (hoàn thành xuất sắc / trong sạch, vững mạnh)' },
  { value: 'good', label: 'Hoàn thành tốt nhiệm vụ' },
  { value: 'satisfactory', label: 'Hoàn thành nhiệm vụ' },
  { value: 'unsatisfactory', label: 'Không hoàn thành nhiệm vụ / yếu kém' },
];

const STATUS_COLORS: Record<ComplaintStatus, string> = { open: 'processing', upheld: 'success', dismissed: 'default' };

interface ResolveValues {
  outcome: 'upheld' | 'dismissed';
  resolution: string;
  level?: Level;
  decisionNumber?: string;
  decisionDate?: string;
  signerName?: string;
  signerTitle?: string;
  conclusion?: string;
  overrideReason?: string;
}

export default function ComplaintsPage() {
  const { campaignId = '' } = useParams();
  const me = useMe();
  const qc = useQueryClient();
  const [status, setStatus] = useState<ComplaintStatus | 'all'>('open');
  const [resolving, setResolving] = useState<ComplaintView | null>(null);
  const { data, isPending, error, refetch } = useQuery({
    queryKey: classificationKeys.complaints(campaignId, status === 'all' ? undefined : status),
    queryFn: () => fetchComplaints(campaignId, status === 'all' ? undefined : status),
  });

  return (
    <>
      <PageHeader
        title="Kiến nghị về kết quả xếp loại"
        crumbs={[
          { title: 'Trang chủ', to: PATHS.home },
          { title: 'Xếp loại', to: PATHS.classification },
          { title: 'Đợt kiểm điểm', to: PATHS.classificationCampaign(campaignId) },
          { title: 'Kiến nghị' },
        ]}
      />
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Card>
        <Segmented
          style={{ marginBottom: 12 }}
          value={status}
          onChange={(v) => setStatus(v as ComplaintStatus | 'all')}
          options={[
            { value: 'open', label: 'Đang xem xét' },
            { value: 'upheld', label: 'Đã xếp loại lại' },
            { value: 'dismissed', label: 'Không chấp nhận' },
            { value: 'all', label: 'Tất cả' },
          ]}
        />
        <Table<ComplaintView>
          rowKey="id"
          size="small"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'Không có kiến nghị nào' }}
          expandable={{
            expandedRowRender: (c) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.text}</Typography.Paragraph>,
          }}
          columns={[
            { title: 'Ngày gửi', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: 'Đối tượng', dataIndex: 'subjectName' },
            { title: 'Đơn vị', dataIndex: 'unitName' },
            { title: 'Kết quả bị kiến nghị', dataIndex: 'levelLabel' },
            {
              title: 'Nội dung',
              dataIndex: 'text',
              render: (t: string) => (t.length > 80 ? `${t.slice(0, 80)}…` : t),
            },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              render: (s: ComplaintStatus) => <Tag color={STATUS_COLORS[s]}>{COMPLAINT_STATUS_LABELS[s]}</Tag>,
            },
            { title: 'Giải quyết', dataIndex: 'resolution', render: (v: string | null) => v ?? '' },
            {
              title: '',
              key: 'act',
              render: (_, c) =>
                c.canResolve ? (
                  <Button size="small" type="primary" onClick={() => setResolving(c)}>
                    Giải quyết
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {data?.canResolve ? <DecisionsCard campaignId={campaignId} /> : null}
      {resolving ? (
        <FormModal<ResolveValues>
          open
          width={720}
          title={`Giải quyết kiến nghị — ${resolving.subjectName}`}
          successMessage="Đã giải quyết kiến nghị."
          okText="Ghi kết quả giải quyết"
          initialValues={{ outcome: 'dismissed', decisionDate: me.businessDate }}
          fields={['resolution', 'level', 'decisionNumber', 'decisionDate', 'overrideReason']}
          onClose={() => setResolving(null)}
          onSubmit={async (v) => {
            await resolveComplaint(resolving, {
              outcome: v.outcome,
              resolution: v.resolution,
              ...(v.outcome === 'upheld'
                ? {
                    level: v.level,
                    decisionNumber: v.decisionNumber,
                    decisionDate: v.decisionDate,
                    signerName: v.signerName || undefined,
                    signerTitle: v.signerTitle || undefined,
                    conclusion: v.conclusion || undefined,
                    overrideReason: v.overrideReason || undefined,
                  }
                : {}),
            });
            await afterWrite(qc, campaignId);
          }}
        >
          {(form) => (
            <>
              <Typography.Paragraph>
                Kết quả hiện tại: <strong>{resolving.levelLabel}</strong>. Kiến nghị: {resolving.text}
              </Typography.Paragraph>
              <Form.Item name="outcome" label="Kết quả giải quyết" rules={[{ required: true }]}>
                <Radio.Group
                  options={[
                    { value: 'dismissed', label: 'Không chấp nhận, giữ nguyên kết quả' },
                    { value: 'upheld', label: 'Chấp nhận: hủy kết quả cũ và xếp loại lại' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="resolution" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Ghi rõ lý do' }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue('outcome') === 'upheld' ? (
                    <>
                      <Row gutter={12}>
                        <Col xs={24} md={12}>
                          <Form.Item name="level" label="Mức xếp loại lại" rules={[{ required: true, message: 'Chọn mức' }]}>
                            <Select options={LEVEL_OPTIONS} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={6}>
                          <Form.Item
                            name="decisionNumber"
                            label="Số quyết định"
                            rules={[{ required: true, whitespace: true, message: 'Nhập số' }]}
                          >
                            <Input />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={6}>
                          <Form.Item name="decisionDate" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
                            <DateInput />
                          </Form.Item>
                        </Col>
                      </Row>
                      <Row gutter={12}>
                        <Col xs={24} md={12}>
                          <Form.Item name="signerName" label="Người ký">
                            <Input />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={12}>
                          <Form.Item name="signerTitle" label="Chức vụ người ký">
                            <Input />
                          </Form.Item>
                        </Col>
                      </Row>
                      <Form.Item name="conclusion" label="Kết luận của cấp trên">
                        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                      </Form.Item>
                      <Form.Item
                        name="overrideReason"
                        label="Lý do nếu mức mới trái với điều kiện theo quy định"
                        extra="Máy chủ kiểm tra lại mọi điều kiện với mức mới; nếu có điều kiện không đạt, phải ghi lý do."
                      >
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                      </Form.Item>
                    </>
                  ) : null
                }
              </Form.Item>
            </>
          )}
        </FormModal>
      ) : null}
    </>
  );
}
