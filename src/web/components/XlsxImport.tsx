// The pieces every Excel import screen shares (issue 2 item 5, issue 3 item 5): the drop zone that
// takes one .xlsx of at most 20 MB (sent later, on "Nhập dữ liệu"), and what a refused import shows
// (the server's message and, when it checked the rows, every row's problem; nothing was written).
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Table, Upload } from 'antd';
import { ApiError, errorMessage } from '../api/client';
import type { RowProblem } from '../api/types';
import { useNotify } from './feedback';

const MAX_BYTES = 20 * 1024 * 1024;

export function XlsxDropzone({
  file,
  onSelect,
  onRemove,
  hint,
}: {
  file: File | null;
  onSelect: (file: File) => void;
  onRemove: () => void;
  hint: string;
}) {
  const notify = useNotify();
  return (
    <Upload.Dragger
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      multiple={false}
      maxCount={1}
      fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
      onRemove={() => {
        onRemove();
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
        onSelect(f);
        return false; // uploaded on "Nhập dữ liệu", not on selection
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">Bấm hoặc kéo tệp Excel (.xlsx) vào đây</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}

export function ProblemsTable({ problems }: { problems: RowProblem[] }) {
  return (
    <Table<RowProblem & { key: number }>
      size="small"
      dataSource={problems.map((p, i) => ({ ...p, key: i }))}
      pagination={problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: 'Dòng', dataIndex: 'row', width: 80 },
        { title: 'Cột', dataIndex: 'column', width: 180 },
        { title: 'Lỗi', dataIndex: 'message' },
      ]}
    />
  );
}

/** Why an import was refused: the rows' problems when the server checked them, else its message. */
export type ImportFailure = { kind: 'problems'; message: string; problems: RowProblem[] } | { kind: 'error'; message: string };

export function importFailure(e: unknown): ImportFailure {
  if (e instanceof ApiError && e.rowProblems.length > 0) return { kind: 'problems', message: e.message, problems: e.rowProblems };
  return { kind: 'error', message: errorMessage(e) };
}

export function isImportFailure(outcome: { kind: string } | null): outcome is ImportFailure {
  return outcome?.kind === 'problems' || outcome?.kind === 'error';
}

/** A refused import: the message, and every row's problem when there are some. */
export function ImportFailureView({ failure }: { failure: ImportFailure }) {
  if (failure.kind === 'error') return <Alert type="error" showIcon title={failure.message} />;
  return (
    <div>
      <Alert
        type="error"
        showIcon
        title={failure.message}
        description={`${failure.problems.length} lỗi cần sửa trong tệp:`}
        style={{ marginBottom: 12 }}
      />
      <ProblemsTable problems={failure.problems} />
    </div>
  );
}
