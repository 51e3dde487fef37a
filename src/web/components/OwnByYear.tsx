// A member's own page that exists once per review year (their review, their remediation plan):
// the latest year first, the others by a switch, for a member on a phone (design §4).
import { Empty, Segmented } from 'antd';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useMe } from '../app/session';
import { NotLinkedToMember, PageSpin, QueryError } from './feedback';
import { PageHeader } from './PageHeader';

export interface OwnYear {
  campaignId: string;
  reviewYear: number;
  memberId: string;
}

export function OwnByYear<T extends OwnYear>(props: {
  title: string;
  /** Said when there is no year to show. */
  empty: string;
  queryKey: QueryKey;
  queryFn: () => Promise<{ items: T[] }>;
  /** How many years the switch offers (all by default). */
  limit?: number;
  children: (chosen: T) => ReactNode;
}) {
  const me = useMe();
  const { data, isPending, error, refetch } = useQuery({ queryKey: props.queryKey, queryFn: props.queryFn, enabled: me.memberId !== null });
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = useMemo(() => data?.items.find((i) => i.campaignId === picked) ?? data?.items[0] ?? null, [data, picked]);
  if (!me.memberId) return <NotLinkedToMember />;
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!chosen) {
    return (
      <>
        <PageHeader title={props.title} />
        <Empty description={props.empty} />
      </>
    );
  }
  return (
    <>
      {data.items.length > 1 ? (
        <Segmented
          block
          style={{ marginBottom: 12 }}
          value={chosen.campaignId}
          onChange={(v) => setPicked(String(v))}
          options={data.items
            .slice(0, props.limit ?? data.items.length)
            .map((i) => ({ value: i.campaignId, label: `Năm ${i.reviewYear}` }))}
        />
      ) : null}
      {props.children(chosen)}
    </>
  );
}
