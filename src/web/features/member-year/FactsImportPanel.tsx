// Importing the facts of the year from .xlsx (issue 3 item 5): the template, the filled file for
// the chosen unit and year, then the summary or every row's problems (nothing was written).
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadFile } from '../../api/client';
import { useNotify } from '../../components/feedback';
import { ImportFailureView, XlsxDropzone, importFailure, isImportFailure, type ImportFailure } from '../../components/XlsxImport';
import { importYearFacts, invalidateYearFacts, type ImportYearFactsResponse } from './api';

type Outcome = { kind: 'done'; summary: ImportYearFactsResponse } | ImportFailure;

export function FactsImportPanel({ unitId, unitName, year }: { unitId: string; unitName: string; year: number }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function template() {
    try {
      await downloadFile('/api/year-facts/template', 'mau-nhap-thong-tin-trong-nam.xlsx');
    } catch (e) {
      notify.error(e);
    }
  }

  async function submit() {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const summary = await importYearFacts(file, unitId, year);
      setOutcome({ kind: 'done', summary });
      await invalidateYearFacts(qc);
    } catch (e) {
      setOutcome(importFailure(e));
    } finally {
      setBusy(false);
    }
  }

  if (outcome?.kind === 'done') {
    const s = outcome.summary;
    return (
      <Result
        status="success"
        title="Nhập thông tin trong năm thành công"
        subTitle={`Năm ${s.year}: ghi mới ${s.created} đảng viên, cập nhật ${s.updated}, không thay đổi ${s.unchanged}.`}
        extra={
          <Button
            onClick={() => {
              setFile(null);
              setOutcome(null);
            }}
          >
            Nhập tệp khác
          </Button>
        }
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        Nhập vào <strong>{unitName}</strong>, năm <strong>{year}</strong>. Thông tin trong tệp thay thế thông tin đã ghi của các đảng viên
        có trong tệp; đảng viên bị kỷ luật nhiều lần thì ghi nhiều dòng cùng số thẻ.
      </Typography.Paragraph>
      <div>
        <Button icon={<DownloadOutlined />} onClick={() => void template()}>
          Tải tệp mẫu (.xlsx)
        </Button>
      </div>
      <XlsxDropzone
        file={file}
        onSelect={(f) => {
          setFile(f);
          setOutcome(null);
        }}
        onRemove={() => setFile(null)}
        hint="Tối đa 20 MB. Hệ thống kiểm tra toàn bộ tệp trước khi ghi."
      />
      <div>
        <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={busy} onClick={() => void submit()}>
          Nhập dữ liệu
        </Button>
      </div>
      {isImportFailure(outcome) ? <ImportFailureView failure={outcome} /> : null}
    </Flex>
  );
}
