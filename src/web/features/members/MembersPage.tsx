// Đảng viên: search every member the caller may see; diacritics and case are ignored by the
// server ("thuy" finds "Thúy", "dang" finds "Đặng"; issue 2 item 4).
import { Card, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS } from '../../../shared/vocabulary.js';
import { MembersTable } from './MembersTable';

export default function MembersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('size') ?? '20') || 20;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const update = (next: Record<string, string | number | null>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '' || v === undefined) merged.delete(k);
      else merged.set(k, String(v));
    }
    setParams(merged, { replace: true });
  };

  return (
    <>
      <PageHeader title="Đảng viên" />
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%' }}>
          <Input.Search
            allowClear
            enterButton="Tìm"
            aria-label="Tìm đảng viên"
            placeholder="Họ tên hoặc số thẻ (gõ không dấu cũng được)"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value) update({ q: null, page: null });
            }}
            onSearch={(v) => update({ q: v.trim() || null, page: null })}
            style={{ width: 'min(420px, 100%)' }}
          />
          <Select
            allowClear
            placeholder="Mọi trạng thái"
            aria-label="Lọc theo trạng thái"
            value={status || undefined}
            onChange={(v?: string) => update({ status: v ?? null, page: null })}
            options={MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))}
            style={{ minWidth: 200 }}
          />
        </Space>
        <MembersTable
          params={{ q: q.trim() || undefined, status: status || undefined, page, pageSize }}
          onPageChange={(p, s) => update({ page: p === 1 ? null : p, size: s === 20 ? null : s })}
          emptyText={q ? `Không tìm thấy đảng viên nào khớp với “${q}”` : 'Không có đảng viên nào'}
        />
      </Card>
    </>
  );
}
