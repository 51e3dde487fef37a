// Picks a member by typing part of the name (diacritics ignored by the server) among the members
// the caller may see: GET /api/members?q=… .
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { api, withQuery } from '../api/client';
import type { MemberSummary, Page } from '../api/types';

export function MemberPicker({ value, onChange, id }: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const { data, isFetching } = useQuery({
    queryKey: ['members', 'picker', q],
    queryFn: () => api.get<Page<MemberSummary>>(withQuery('/api/members', { q, pageSize: 20 })),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
  return (
    <Select
      id={id}
      allowClear
      placeholder="Gõ ít nhất 2 chữ của họ tên đảng viên"
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={isFetching}
      notFoundContent={q.length < 2 ? 'Gõ họ tên để tìm' : isFetching ? 'Đang tìm…' : 'Không tìm thấy đảng viên nào'}
      value={value ?? null}
      onChange={(v: string | null | undefined) => onChange?.(v ?? null)}
      options={(data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} — ${m.unitName}` }))}
      style={{ width: '100%' }}
    />
  );
}
