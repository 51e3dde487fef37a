// Importing the facts of the year from .xlsx (issue 3 item 5): the template, the filled file for
// the chosen unit and year, then the summary or every row's problems (nothing was written).
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Result, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, downloadFile, errorMessage } from '../../api/client';
import type { RowProblem } from '../../api/types';
import { useNotify } from '../../components/feedback';
import { ProblemsTable } from '../imports/ImportPanel';
import { importYearFacts, invalidateYearFacts, type ImportYearFactsResponse } from './api';

const MAX_BYTES = 20 * 1024 * 1024;

type Outcome =
  | { kind: 'done'; summary: ImportYearFactsResponse }
  | { kind: 'problems'; message: string; problems: RowProblem[] }
  | { kind: 'error'; message: string };

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
      if (e instanceof ApiError && e.rowProblems.length > 0) setOutcome({ kind: 'problems', message: e.message, problems: e.rowProblems });
      else setOutcome({ kind: 'error', message: errorMessage(e) });
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
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        maxCount={1}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
        onRemove={() => {
          setFile(null);
          return true;
        }}
        beforeUpload={(f) => {
          if (!/\.xlsx$/i.test(f.name)) {
            notify.error(new ApiError(400, 'import.invalid_file', 'Chỉ nhận tệp Excel dạng .xlsx.'));
            return Upload.LIST_IGNORE;
          }
          if (f.size > MAX_BYTES) {
            notify.error(new ApiError(413, 'import.too_large', 'Tệp lớn hơn 20 MB.'));
            return Upload.LIST_IGNORE;
          }
          setFile(f);
          setOutcome(null);
          return false; // sent on "Nhập dữ liệu", not on selection
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">Bấm hoặc kéo tệp Excel (.xlsx) vào đây</p>
        <p className="ant-upload-hint">Tối đa 20 MB. Hệ thống kiểm tra toàn bộ tệp trước khi ghi.</p>
      </Upload.Dragger>
      <div>
        <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={busy} onClick={() => void submit()}>
          Nhập dữ liệu
        </Button>
      </div>
      {outcome?.kind === 'problems' ? (
        <div>
          <Alert
            type="error"
            showIcon
            title={outcome.message}
            description={`${outcome.problems.length} lỗi cần sửa trong tệp:`}
            style={{ marginBottom: 12 }}
          />
          <ProblemsTable problems={outcome.problems} />
        </div>
      ) : null}
      {outcome?.kind === 'error' ? <Alert type="error" showIcon title={outcome.message} /> : null}
    </Flex>
  );
}
