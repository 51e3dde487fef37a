// Excel import (issue 2 item 5): download the template, upload the filled file, then either the
// summary, the problems row by row (nothing was written), or a job's progress for large files.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Progress, Result, Space, Steps, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, downloadFile, errorMessage } from '../../api/client';
import type { ImportResponse, ImportSummary, JobView } from '../../api/types';
import { useNotify } from '../../components/feedback';
import { UnitPicker, type UnitOption } from '../../components/UnitPicker';
import {
  ImportFailureView,
  ProblemsTable,
  XlsxDropzone,
  importFailure,
  isImportFailure,
  type ImportFailure,
} from '../../components/XlsxImport';

export type ImportKind = 'members' | 'org-units';

// The optional unit sent with the file: for members it bounds the chi bộ the rows may name; for
// org units it is the parent of rows that name no parent code (imports.routes.ts).
const TEXT: Record<ImportKind, { template: string; what: string; unitField: string; unitLabel: string; unitHelp: string }> = {
  members: {
    template: 'mau-nhap-dang-vien.xlsx',
    what: 'đảng viên',
    unitField: 'unitId',
    unitLabel: 'Chỉ nhập vào đơn vị (không bắt buộc)',
    unitHelp: 'Mọi chi bộ ghi trong tệp phải thuộc đơn vị này; dòng thuộc đơn vị khác bị báo lỗi.',
  },
  'org-units': {
    template: 'mau-nhap-to-chuc-dang.xlsx',
    what: 'tổ chức đảng',
    unitField: 'parentId',
    unitLabel: 'Cấp trên mặc định (không bắt buộc)',
    unitHelp: 'Các dòng không ghi mã cấp trên được đặt trực thuộc đơn vị này.',
  },
};

type Outcome = { kind: 'done'; summary: ImportSummary } | { kind: 'job'; jobId: string } | ImportFailure;

function SummaryResult({ summary, what, onAgain }: { summary: ImportSummary; what: string; onAgain: () => void }) {
  return (
    <Result
      status="success"
      title="Nhập dữ liệu thành công"
      subTitle={`Thêm mới ${summary.created} ${what}, cập nhật ${summary.updated}, không thay đổi ${summary.unchanged}.`}
      extra={<Button onClick={onAgain}>Nhập tệp khác</Button>}
    />
  );
}

const isRunning = (j: JobView | undefined) => !j || j.status === 'queued' || j.status === 'running';

function JobProgress({ jobId, what, onAgain }: { jobId: string; what: string; onAgain: () => void }) {
  const qc = useQueryClient();
  const { data: job, error } = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => api.get<JobView>(`/api/jobs/${jobId}`),
    // Poll every second while the job runs (issue 2 item 5: "a progress bar").
    refetchInterval: (q) => (isRunning(q.state.data) ? 1000 : false),
  });
  const status = job?.status;
  useEffect(() => {
    if (status === 'succeeded') {
      void qc.invalidateQueries({ queryKey: ['members'] });
      void qc.invalidateQueries({ queryKey: ['org-units'] });
      void qc.invalidateQueries({ queryKey: ['org-unit'] });
    }
  }, [status, qc]);
  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (job?.status === 'succeeded') {
    return <SummaryResult summary={job.result ?? { created: 0, updated: 0, unchanged: 0 }} what={what} onAgain={onAgain} />;
  }
  if (job?.status === 'failed') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="error" showIcon title={job.error?.message ?? 'Nhập dữ liệu không thành công; chưa có dữ liệu nào được ghi.'} />
        {job.error?.problems?.length ? <ProblemsTable problems={job.error.problems} /> : null}
        <Button onClick={onAgain}>Chọn tệp khác</Button>
      </Space>
    );
  }
  const percent = job && job.total > 0 ? Math.floor((job.progress / job.total) * 100) : 0;
  return (
    <div>
      <Typography.Paragraph>
        Tệp lớn được xử lý ở máy chủ. Bạn có thể chờ ở đây; dữ liệu chỉ được ghi khi mọi dòng hợp lệ.
      </Typography.Paragraph>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">
        {job ? `Đã xử lý ${job.progress.toLocaleString('vi-VN')} / ${job.total.toLocaleString('vi-VN')} dòng` : 'Đang chờ xử lý…'}
      </Typography.Text>
    </div>
  );
}

export function ImportPanel({ kind, unit }: { kind: ImportKind; unit?: UnitOption }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [unitId, setUnitId] = useState<string | null>(unit?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const t = TEXT[kind];

  const reset = () => {
    setFile(null);
    setOutcome(null);
  };

  async function template() {
    try {
      await downloadFile(`/api/imports/${kind}/template`, t.template);
    } catch (e) {
      notify.error(e);
    }
  }

  async function submit() {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    const form = new FormData();
    form.append('file', file);
    if (unitId) form.append(t.unitField, unitId);
    try {
      const r = await api.upload<ImportResponse>(`/api/imports/${kind}`, form);
      if (r.mode === 'done') {
        setOutcome({ kind: 'done', summary: r.summary });
        await Promise.all([
          qc.invalidateQueries({ queryKey: ['members'] }),
          qc.invalidateQueries({ queryKey: ['org-units'] }),
          qc.invalidateQueries({ queryKey: ['org-unit'] }),
        ]);
      } else {
        qc.setQueryData(['job', r.job.id], r.job);
        setOutcome({ kind: 'job', jobId: r.job.id });
      }
    } catch (e) {
      setOutcome(importFailure(e));
    } finally {
      setBusy(false);
    }
  }

  if (outcome?.kind === 'done') return <SummaryResult summary={outcome.summary} what={t.what} onAgain={reset} />;
  if (outcome?.kind === 'job') return <JobProgress jobId={outcome.jobId} what={t.what} onAgain={reset} />;

  const step = file ? 2 : 1;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Steps size="small" current={step} items={[{ title: 'Tải tệp mẫu' }, { title: 'Chọn tệp đã điền' }, { title: 'Kiểm tra và ghi' }]} />
      <div>
        <Button icon={<DownloadOutlined />} onClick={() => void template()}>
          Tải tệp mẫu (.xlsx)
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          Điền dữ liệu vào tệp mẫu, giữ nguyên dòng tiêu đề. Ngày ghi theo dạng dd/mm/yyyy. Nhập lại cùng một tệp không làm thay đổi dữ
          liệu.
        </Typography.Paragraph>
      </div>
      <Form layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item label={t.unitLabel} extra={t.unitHelp}>
          <UnitPicker value={unitId} onChange={setUnitId} initialOptions={unit ? [unit] : undefined} />
        </Form.Item>
      </Form>
      <XlsxDropzone
        file={file}
        onSelect={(f) => {
          setFile(f);
          setOutcome(null);
        }}
        onRemove={() => setFile(null)}
        hint="Tối đa 20 MB."
      />
      <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={busy} onClick={() => void submit()}>
        Nhập dữ liệu
      </Button>
      {isImportFailure(outcome) ? <ImportFailureView failure={outcome} /> : null}
    </Space>
  );
}
