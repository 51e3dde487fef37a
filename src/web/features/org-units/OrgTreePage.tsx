// Tổ chức đảng: the caller's tree, loaded level by level (a province has ~11,500 units), and a
// search box that finds units by name with diacritics ignored (issue 2 item 4).
import { Card, Checkbox, Empty, Input, Table, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { OrgUnitSummary } from '../../api/types';
import { PATHS } from '../../app/menu';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, kindLabel } from '../../format';
import { fetchChildren, fetchRoots, searchUnits, unitKeys } from './api';

const EXPANDED_KEY = 'tusoi.tree.expanded';

function loadExpanded(): string[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(EXPANDED_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function nodeTitle(u: OrgUnitSummary) {
  return (
    <span>
      {u.name}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {kindLabel(u.kind)}
        {u.validTo ? ` · đã kết thúc ${formatDate(u.validTo)}` : ''}
      </Typography.Text>
    </span>
  );
}

function UnitTree({ inactive }: { inactive: boolean }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const roots = useQuery({ queryKey: unitKeys.roots(inactive), queryFn: () => fetchRoots(inactive) });
  const [expanded, setExpanded] = useState<string[]>(loadExpanded);
  const [children, setChildren] = useState<Record<string, OrgUnitSummary[]>>({});

  const load = useCallback(
    async (id: string) => {
      try {
        const page = await qc.fetchQuery({
          queryKey: unitKeys.children(id, inactive),
          queryFn: () => fetchChildren(id, inactive),
          staleTime: 60_000,
        });
        setChildren((c) => ({ ...c, [id]: page.items }));
      } catch (e) {
        notify.error(e);
      }
    },
    [qc, notify, inactive],
  );

  // Coming back to the tree reopens the branches that were open (children come from the cache).
  useEffect(() => {
    for (const id of expanded) if (!children[id]) void load(id);
  }, []);

  useEffect(() => {
    sessionStorage.setItem(EXPANDED_KEY, JSON.stringify(expanded));
  }, [expanded]);

  const treeData = useMemo(() => {
    const build = (u: OrgUnitSummary): TreeDataNode => ({
      key: u.id,
      title: nodeTitle(u),
      isLeaf: u.childCount === 0,
      children: children[u.id]?.map(build),
    });
    return (roots.data?.items ?? []).map(build);
  }, [roots.data, children]);

  if (roots.isPending) return <PageSpin />;
  if (roots.error) return <QueryError error={roots.error} onRetry={() => void roots.refetch()} />;
  if (treeData.length === 0) return <Empty description="Bạn chưa được giao tổ chức đảng nào" />;
  return (
    <Tree
      showLine
      blockNode
      treeData={treeData}
      expandedKeys={expanded}
      loadedKeys={Object.keys(children)}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadData={async (node) => {
        await load(String(node.key));
      }}
      onSelect={(keys) => {
        if (keys[0]) navigate(PATHS.unit(String(keys[0])));
      }}
    />
  );
}

function SearchResults({ q, inactive }: { q: string; inactive: boolean }) {
  const { data, isPending, error } = useQuery({ queryKey: unitKeys.search(q, inactive), queryFn: () => searchUnits(q, inactive) });
  if (error) return <QueryError error={error} />;
  return (
    <Table<OrgUnitSummary>
      rowKey="id"
      size="middle"
      loading={isPending}
      dataSource={data?.items ?? []}
      pagination={false}
      locale={{ emptyText: `Không tìm thấy tổ chức đảng nào có tên chứa “${q}”` }}
      footer={
        data && data.total > data.items.length
          ? () => `Hiện ${data.items.length} trong ${data.total} kết quả. Gõ cụ thể hơn để thu hẹp.`
          : undefined
      }
      scroll={{ x: 'max-content' }}
      columns={[
        { title: 'Tên tổ chức đảng', dataIndex: 'name', render: (name: string, u) => <Link to={PATHS.unit(u.id)}>{name}</Link> },
        { title: 'Loại', dataIndex: 'kind', render: (k: string) => <Tag>{kindLabel(k)}</Tag>, responsive: ['sm'] },
        { title: 'Mã', dataIndex: 'code', responsive: ['md'] },
        { title: 'Kết thúc', dataIndex: 'validTo', render: (d: string | null) => formatDate(d), responsive: ['md'] },
      ]}
    />
  );
}

export default function OrgTreePage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const inactive = params.get('cu') === '1';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title="Tổ chức đảng" />
      <Card>
        <Input.Search
          allowClear
          enterButton="Tìm"
          placeholder="Tìm tổ chức đảng theo tên (gõ không dấu cũng được)"
          aria-label="Tìm tổ chức đảng"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) setParam('q', null);
          }}
          onSearch={(v) => setParam('q', v.trim() || null)}
          style={{ marginBottom: 8, maxWidth: 560 }}
        />
        <div style={{ marginBottom: 12 }}>
          <Checkbox checked={inactive} onChange={(e) => setParam('cu', e.target.checked ? '1' : null)}>
            Hiện cả tổ chức đã hợp nhất, giải thể
          </Checkbox>
        </div>
        {q ? <SearchResults q={q} inactive={inactive} /> : <UnitTree key={String(inactive)} inactive={inactive} />}
      </Card>
    </>
  );
}
