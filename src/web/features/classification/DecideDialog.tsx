// Deciding a batch (regulations §2.5, §3.1 bước 6 B3): one decision number and date for the selected
// subjects at the levels shown on the board (tried levels included), the deciding level's own
// conclusion on each, and — for every subject whose level goes against a failed check — a written
// reason, which the server requires and audits.
import { Col, Form, Input, Modal, Row, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useMe } from '../../app/session';
import { DateInput } from '../../components/DateInput';
import { useNotify } from '../../components/feedback';
import { afterWrite, decideBatch, rowKey, type BoardRow, type BoardView, type OverrideProblem } from './api';
import { FailedTags, LevelTag, type LevelNames } from './classification-ui';

interface Header {
  number: string;
  date: string;
  signerName?: string;
  signerTitle?: string;
}

export function DecideDialog({
  campaignId,
  unitId,
  view,
  rows,
  namesFor,
  onClose,
}: {
  campaignId: string;
  unitId: string;
  view: BoardView;
  rows: BoardRow[];
  namesFor: (r: BoardRow) => LevelNames;
  onClose: (done: boolean) => void;
}) {
  const me = useMe();
  const qc = useQueryClient();
  const notify = useNotify();
  const [form] = Form.useForm<Header>();
  const [busy, setBusy] = useState(false);
  const [conclusions, setConclusions] = useState<Record<string, string>>({});
  /** Shortcomings the deciding level concludes, one per line (they join the remediation plan). */
  const [shortcomings, setShortcomings] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  /** Rows the server refused for want of a reason, with the rules they fail at the batch's levels. */
  const [problems, setProblems] = useState<Record<string, OverrideProblem>>({});
  const needsReason = (r: BoardRow) => r.failed.length > 0 || problems[rowKey(r)] !== undefined;
  const missing = rows.filter((r) => needsReason(r) && !reasons[rowKey(r)]?.trim());
  const unset = rows.filter((r) => r.level === null);

  async function submit() {
    let header: Header;
    try {
      header = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const d = await decideBatch(campaignId, {
        unitId,
        number: header.number,
        date: header.date,
        signerName: header.signerName || undefined,
        signerTitle: header.signerTitle || undefined,
        items: rows.map((r) => ({
          subjectKind: r.subjectKind,
          subjectKey: r.subjectKey,
          level: r.level!,
          version: r.version,
          conclusion: conclusions[rowKey(r)]?.trim() || undefined,
          shortcomings: (shortcomings[rowKey(r)] ?? '')
            .split('\n')
            .map((t) => t.trim())
            .filter((t) => t !== ''),
          overrideReason: reasons[rowKey(r)]?.trim() || undefined,
        })),
      });
      notify.success(
        `Đã ban hành quyết định ${d.number} cho ${d.itemCount} đối tượng. Công bố quyết định để người được xếp loại xem kết quả.`,
      );
      await afterWrite(qc, campaignId);
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'classification.override_reason_required') {
        const items = ((e.details as { items?: OverrideProblem[] } | undefined)?.items ?? []) as OverrideProblem[];
        setProblems(Object.fromEntries(items.map((p) => [`${p.subjectKind}:${p.subjectKey}`, p])));
      }
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={1000}
      title={`Quyết định xếp loại (${rows.length} đối tượng)`}
      okText="Ban hành quyết định"
      cancelText="Hủy"
      confirmLoading={busy}
      okButtonProps={{ disabled: missing.length > 0 || unset.length > 0 }}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      <Form<Header> form={form} layout="vertical" initialValues={{ date: me.businessDate }}>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="number" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}>
              <Input placeholder="Ví dụ: 125-QĐ/ĐU" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="date" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày quyết định' }]}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="signerName" label="Người ký">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="signerTitle" label="Chức vụ người ký">
              <Input placeholder="Ví dụ: Bí thư Đảng ủy" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {unset.length > 0 ? (
        <Typography.Paragraph type="danger">
          Có {unset.length} đối tượng chưa có mức; chọn mức trên bảng trước khi quyết định.
        </Typography.Paragraph>
      ) : null}
      {missing.length > 0 ? (
        <Typography.Paragraph type="danger">
          {missing.length} trường hợp có mức trái với điều kiện theo quy định: cần ghi rõ lý do quyết định cho từng trường hợp.
        </Typography.Paragraph>
      ) : null}
      <Table<BoardRow>
        rowKey={rowKey}
        size="small"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'Đối tượng', dataIndex: 'name' },
          { title: 'Mức quyết định', key: 'level', render: (_, r) => <LevelTag names={namesFor(r)} level={r.level} /> },
          {
            title: 'Kiểm tra',
            key: 'checks',
            render: (_, r) => {
              const p = problems[rowKey(r)];
              return p ? (
                <FailedTags failed={p.failed.map((f) => ({ ...f, passed: false, source: { document: '', reference: '' } }))} />
              ) : (
                <FailedTags failed={r.failed} />
              );
            },
          },
          {
            title: 'Kết luận của cấp quyết định',
            key: 'conclusion',
            render: (_, r) => (
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                style={{ minWidth: 220 }}
                aria-label={`Kết luận về ${r.name}`}
                value={conclusions[rowKey(r)]}
                onChange={(e) => setConclusions((c) => ({ ...c, [rowKey(r)]: e.target.value }))}
              />
            ),
          },
          {
            title: 'Hạn chế, khuyết điểm cấp quyết định chỉ ra (mỗi dòng một ý)',
            key: 'shortcomings',
            render: (_, r) => (
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                style={{ minWidth: 220 }}
                aria-label={`Hạn chế, khuyết điểm của ${r.name}`}
                value={shortcomings[rowKey(r)]}
                onChange={(e) => setShortcomings((c) => ({ ...c, [rowKey(r)]: e.target.value }))}
              />
            ),
          },
          {
            title: 'Lý do (khi trái điều kiện)',
            key: 'reason',
            render: (_, r) =>
              needsReason(r) ? (
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  style={{ minWidth: 220 }}
                  aria-label={`Lý do quyết định trái điều kiện cho ${r.name}`}
                  status={reasons[rowKey(r)]?.trim() ? undefined : 'error'}
                  value={reasons[rowKey(r)]}
                  onChange={(e) => setReasons((x) => ({ ...x, [rowKey(r)]: e.target.value }))}
                  placeholder="Bắt buộc: vì sao quyết định mức này"
                />
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        Các điều kiện được kiểm tra lại trên máy chủ với đúng các mức của quyết định. Bảng: {view.unitName}.
      </Typography.Paragraph>
    </Modal>
  );
}
