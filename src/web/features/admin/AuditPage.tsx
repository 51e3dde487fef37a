// Quản trị › Nhật ký (issue 2 item 7): every recorded change, newest first, with who, when and
// what changed; filterable by kind of entity.
import { Card, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { api, withQuery } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import { PATHS } from '../../app/menu';
import { AuditChanges } from '../../components/AuditHistory';
import { QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { actionLabel, auditChanges, entityLabel, formatDateTime } from '../../format';

const ENTITY_TYPES = ['org_unit', 'member', 'account'];

/** The record's own name when the event carries it (creations, updates of names). */
function entityName(e: AuditEntry): string | null {
  for (const side of [e.after, e.before]) {
    const v = side as Record<string, unknown> | null;
    const name = v?.fullName ?? v?.name ?? v?.username;
    if (typeof name === 'string' && name) return name;
  }
  return null;
}

function entityLink(e: AuditEntry) {
  const name = entityName(e);
  const label = name ? `${entityLabel(e.entityType)}: ${name}` : entityLabel(e.entityType);
  if (e.entityType === 'org_unit' && e.entityId) return <Link to={PATHS.unit(e.entityId)}>{label}</Link>;
  if (e.entityType === 'member' && e.entityId) return <Link to={PATHS.member(e.entityId)}>{label}</Link>;
  return label;
}

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get('loai') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = 50;
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: ['audit', entityType, page],
    queryFn: () => api.get<Page<AuditEntry>>(withQuery('/api/audit', { entityType: entityType || undefined, page, pageSize })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Nhật ký thay đổi" />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder="Mọi loại đối tượng"
            aria-label="Lọc theo loại đối tượng"
            value={entityType || undefined}
            onChange={(v?: string) => setParams(v ? { loai: v } : {}, { replace: true })}
            options={ENTITY_TYPES.map((t) => ({ value: t, label: entityLabel(t) }))}
            style={{ minWidth: 220 }}
          />
        </Space>
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: 'Chưa có thay đổi nào được ghi lại' }}
            expandable={{
              rowExpandable: (e) => auditChanges(e.before, e.after).length > 0,
              expandedRowRender: (e) => <AuditChanges entry={e} />,
            }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (t) => `${t} thay đổi`,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                if (p === 1) next.delete('page');
                else next.set('page', String(p));
                setParams(next, { replace: true });
              },
            }}
            columns={[
              { title: 'Thời gian', dataIndex: 'at', render: (d: string) => formatDateTime(d) },
              { title: 'Người thực hiện', dataIndex: 'actorName', render: (n: string | null) => n ?? 'Hệ thống' },
              { title: 'Thao tác', dataIndex: 'action', render: (a: string) => <Typography.Text>{actionLabel(a)}</Typography.Text> },
              { title: 'Đối tượng', key: 'entity', render: (_: unknown, e) => entityLink(e) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
