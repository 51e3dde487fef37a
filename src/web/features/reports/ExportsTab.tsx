// Xuất Excel (issue 5 item 2): the campaign's lists and tables as .xlsx, for the caller's units —
// members by level, totals by level and sector, the unit progress board and remediation tracking.
// The file is downloaded the way the member export is (downloadFile: the server's Vietnamese file
// name, its error message when refused).
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { EXPORT_KINDS, EXPORT_LABELS, type ExportKind } from '../../../shared/contracts/exports.js';
import { downloadFile, withQuery } from '../../api/client';
import { useMe } from '../../app/session';
import { useNotify } from '../../components/feedback';
import { kindLabel } from '../../format';

/** The whole of what the caller may read in the campaign: no unit in the address. */
const ALL = '';

function exportUrl(campaignId: string, kind: ExportKind, unitId: string): string {
  return withQuery(`/api/campaigns/${campaignId}/exports/${kind}`, { unitId: unitId || undefined });
}

export default function ExportsTab({ campaignId }: { campaignId: string }) {
  const me = useMe();
  const notify = useNotify();
  // The units the caller holds a staff role over (a member's own grant gives no list).
  const units = new Map<string, { id: string; name: string; kind: string }>();
  for (const g of me.grants) if (g.role !== 'member') units.set(g.unitId, { id: g.unitId, name: g.unitName, kind: g.unitKind });
  const [unitId, setUnitId] = useState<string>(ALL);
  const [busy, setBusy] = useState<ExportKind | null>(null);

  async function download(kind: ExportKind) {
    setBusy(kind);
    try {
      await downloadFile(exportUrl(campaignId, kind, unitId), `${kind}.xlsx`);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong id="exports-unit-label">
          Phạm vi xuất:
        </Typography.Text>
        <Select
          aria-labelledby="exports-unit-label"
          style={{ minWidth: 320 }}
          value={unitId}
          onChange={setUnitId}
          options={[
            { value: ALL, label: 'Toàn bộ phạm vi được xem trong đợt' },
            ...[...units.values()].map((u) => ({ value: u.id, label: `${u.name} (${kindLabel(u.kind)})` })),
          ]}
        />
      </Flex>
      <Row gutter={[16, 16]}>
        {EXPORT_KINDS.map((kind) => (
          <Col key={kind} xs={24} md={12}>
            <Card
              title={EXPORT_LABELS[kind].title}
              style={{ height: '100%' }}
              data-export={kind}
              actions={[
                <Button
                  key="download"
                  type="primary"
                  icon={<DownloadOutlined />}
                  loading={busy === kind}
                  disabled={busy !== null && busy !== kind}
                  onClick={() => void download(kind)}
                >
                  Tải về (.xlsx)
                </Button>,
              ]}
            >
              <Typography.Paragraph style={{ marginBottom: 0 }}>{EXPORT_LABELS[kind].description}</Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">
        Tệp Excel có tiêu đề, dòng tiêu đề cột cố định khi cuộn, in vừa khổ A4. Mức xếp loại chỉ có trong tệp khi kết quả đã được công bố.
      </Typography.Text>
    </Flex>
  );
}
