// Picks org units by typing part of a name (diacritics ignored by the server), within the
// caller's scope: GET /api/org-units?q=… . Without text it offers the scope roots.
import { Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { api, withQuery } from '../api/client';
import type { OrgUnitSummary, Page } from '../api/types';
import { kindLabel } from '../format';
import type { OrgKind } from '../../shared/vocabulary.js';

export interface UnitOption {
  id: string;
  name: string;
}

interface CommonProps {
  placeholder?: string;
  /** Only units of these kinds can be chosen (e.g. chi bộ for a member's unit). */
  kinds?: OrgKind[];
  /** Units that cannot be chosen (the unit itself when moving it). */
  excludeIds?: string[];
  id?: string;
  /** Options known before any search (the current value's name). */
  initialOptions?: UnitOption[];
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | null) => void;
}
interface MultipleProps extends CommonProps {
  multiple: true;
  value?: string[];
  onChange?: (value: string[]) => void;
}

export function UnitPicker(props: SingleProps | MultipleProps) {
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const { data, isFetching } = useQuery({
    queryKey: ['org-units', 'picker', q],
    queryFn: () => api.get<Page<OrgUnitSummary>>(withQuery('/api/org-units', q ? { q, pageSize: 30 } : { pageSize: 30 })),
    staleTime: 30_000,
  });
  const seen = new Map<string, { value: string; label: string; unit?: OrgUnitSummary }>();
  for (const u of props.initialOptions ?? []) seen.set(u.id, { value: u.id, label: u.name });
  for (const u of data?.items ?? []) {
    if (props.excludeIds?.includes(u.id)) continue;
    seen.set(u.id, { value: u.id, label: u.name, unit: u });
  }
  const options = [...seen.values()].map((o) => ({
    value: o.value,
    label: o.label,
    disabled: !!(o.unit && props.kinds && !props.kinds.includes(o.unit.kind)),
    unit: o.unit,
  }));
  return (
    <Select
      id={props.id}
      mode={props.multiple ? 'multiple' : undefined}
      allowClear
      placeholder={props.placeholder ?? 'Gõ tên tổ chức đảng để tìm'}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={isFetching}
      notFoundContent={isFetching ? 'Đang tìm…' : 'Không tìm thấy tổ chức đảng nào'}
      value={props.value ?? (props.multiple ? [] : null)}
      onChange={(v: string | string[] | null | undefined) => {
        setText('');
        if (props.multiple) props.onChange?.((v as string[]) ?? []);
        else props.onChange?.((v as string | null) ?? null);
      }}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label} {o.data.unit ? <Tag style={{ marginInlineStart: 4 }}>{kindLabel(o.data.unit.kind)}</Tag> : null}
        </span>
      )}
      style={{ width: '100%' }}
    />
  );
}
