// An entity's history (design §3, AuditEvent; issue 2 item 7): who changed what, when, from
// what to what, read from GET …/history and shown in Vietnamese.
import { Empty, Timeline, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AuditEntry } from '../api/types';
import { actionLabel, auditChanges, formatDateTime, type FieldChange, type RefKind } from '../format';
import { PageSpin, QueryError } from './feedback';

/** Names of the units and members an event refers to by id (cached; one read each). */
function useRefNames(refs: { kind: RefKind; id: string }[]): Map<string, string> {
  const results = useQueries({
    queries: refs.map((r) => ({
      queryKey: [r.kind === 'unit' ? 'org-unit' : 'member', r.id],
      queryFn: () => api.get<{ name?: string; fullName?: string }>(r.kind === 'unit' ? `/api/org-units/${r.id}` : `/api/members/${r.id}`),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  refs.forEach((r, i) => {
    const d = results[i]?.data;
    const name = d?.name ?? d?.fullName;
    if (name) names.set(r.id, name);
    else if (results[i]?.isError) names.set(r.id, r.kind === 'unit' ? '(tổ chức ngoài phạm vi)' : '(đảng viên ngoài phạm vi)');
  });
  return names;
}

export function AuditChanges({ entry }: { entry: Pick<AuditEntry, 'before' | 'after'> }) {
  const changes = auditChanges(entry.before, entry.after);
  const refs = new Map<string, { kind: RefKind; id: string }>();
  for (const c of changes) for (const id of [...(c.ref?.before ?? []), ...(c.ref?.after ?? [])]) refs.set(id, { kind: c.ref!.kind, id });
  const names = useRefNames([...refs.values()]);
  if (changes.length === 0) return null;
  const show = (c: FieldChange, side: 'before' | 'after') => {
    if (!c.ref) return c[side];
    const ids = c.ref[side];
    return ids.length ? ids.map((id) => names.get(id) ?? '…').join(', ') : c[side];
  };
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
      {changes.map((c) => (
        <li key={c.field}>
          <Typography.Text type="secondary">{c.label}: </Typography.Text>
          {c.before !== null && c.after !== null ? (
            <>
              <Typography.Text delete>{show(c, 'before')}</Typography.Text> → <Typography.Text>{show(c, 'after')}</Typography.Text>
            </>
          ) : (
            <Typography.Text>{show(c, c.after !== null ? 'after' : 'before')}</Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}

export function AuditHistory({ path }: { path: string }) {
  const { data, isPending, error, refetch } = useQuery({
    queryKey: ['history', path],
    queryFn: () => api.get<{ items: AuditEntry[] }>(path),
  });
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (data.items.length === 0) return <Empty description="Chưa có thay đổi nào được ghi lại" />;
  return (
    <Timeline
      items={data.items.map((e) => ({
        key: e.id,
        content: (
          <div>
            <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {formatDateTime(e.at)} · {e.actorName ?? 'Hệ thống'}
            </Typography.Text>
            <AuditChanges entry={e} />
          </div>
        ),
      }))}
    />
  );
}
