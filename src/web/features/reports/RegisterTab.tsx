// Sổ văn bản (issue 5 item 1): the documents issued in the campaign within the user's scope, each
// with its number, date, issuer and signer, opened as issued and downloaded again as Word or PDF.
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Select, Space, Spin, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type DocumentKind, type RegisterEntry } from '../../../shared/contracts/documents';
import { downloadFile } from '../../api/client';
import { QueryError, useNotify } from '../../components/feedback';
import { formatDate } from '../../format';
import { DocumentPreview } from './DocumentPreview';
import { documentKeys, fetchIssued, fetchRegister, issuedFileUrl } from './documents-api';

const PAGE_SIZE = 20;

function IssuedPreview({ id, onClose }: { id: string; onClose: () => void }) {
  const { data, error, isPending, refetch } = useQuery({ queryKey: documentKeys.issued(id), queryFn: () => fetchIssued(id) });
  return (
    <Modal open width={980} title={data?.entry.numberText ?? 'Văn bản'} footer={null} onCancel={onClose} destroyOnHidden>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : isPending ? <Spin /> : <DocumentPreview model={data.model} />}
    </Modal>
  );
}

export default function RegisterTab({ campaignId }: { campaignId: string }) {
  const notify = useNotify();
  const [kind, setKind] = useState<DocumentKind | undefined>();
  const [page, setPage] = useState(1);
  const [viewing, setViewing] = useState<string | null>(null);
  const q = { campaignId, kind, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const { data, error, isPending, refetch } = useQuery({ queryKey: documentKeys.register(campaignId, q), queryFn: () => fetchRegister(q) });
  const download = (e: RegisterEntry, as: 'docx' | 'pdf') =>
    void downloadFile(issuedFileUrl(e.id, as), `van-ban.${as}`).catch(notify.error);

  return (
    <Card
      title="Sổ văn bản đã ban hành"
      extra={
        <Select<DocumentKind>
          allowClear
          placeholder="Mọi loại văn bản"
          value={kind}
          onChange={(k) => {
            setKind(k);
            setPage(1);
          }}
          style={{ minWidth: 260 }}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
        />
      }
    >
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<RegisterEntry>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: 'Chưa có văn bản nào được ban hành trong đợt này' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: 'Số, ký hiệu', dataIndex: 'numberText', width: 150 },
          { title: 'Ngày', dataIndex: 'issuedOn', width: 110, render: (d: string) => formatDate(d) },
          { title: 'Loại', dataIndex: 'kind', width: 220, render: (k: DocumentKind) => DOCUMENT_KIND_LABELS[k] },
          { title: 'Trích yếu', dataIndex: 'title' },
          { title: 'Cơ quan ban hành', dataIndex: 'issuerName', width: 200 },
          { title: 'Người ký', dataIndex: 'signerName', width: 160, render: (s: string | null) => s ?? '' },
          {
            title: '',
            key: 'actions',
            width: 250,
            render: (_, e) => (
              <Space size={4} wrap>
                <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(e.id)}>
                  Xem
                </Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => download(e, 'docx')}>
                  Word
                </Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => download(e, 'pdf')}>
                  PDF
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {viewing ? <IssuedPreview id={viewing} onClose={() => setViewing(null)} /> : null}
    </Card>
  );
}
