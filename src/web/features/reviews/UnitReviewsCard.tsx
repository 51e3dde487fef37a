// The members' reviews of a unit with their progress (reviews.list), for the unit committee, the chi
// bộ secretary and the Board on the dossier page; a director sees the key leaders only (design §2).
import { Card, Segmented, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, withQuery } from '../../api/client';
import { PATHS } from '../../app/menu';
import { QueryError } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { REVIEW_PROGRESS, REVIEW_PROGRESS_LABELS, type ReviewProgress, type UnitReviewRow } from '../../../shared/contracts/reviews.js';
import type { ListUnitReviewsResponse } from './api';

const PROGRESS_COLORS: Record<ReviewProgress, string> = {
  not_started: 'default',
  draft: 'blue',
  submitted: 'geekblue',
  returned: 'orange',
  finalized: 'green',
};

export function UnitReviewsCard({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const [progress, setProgress] = useState<ReviewProgress | 'all'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const params = { progress: progress === 'all' ? undefined : progress, ...paging };
  const { data, isPending, error } = useQuery({
    queryKey: ['reviews', 'unit', campaignId, unitId, params],
    queryFn: () => api.get<ListUnitReviewsResponse>(withQuery(`/api/campaigns/${campaignId}/units/${unitId}/reviews`, params)),
    placeholderData: (prev) => prev,
  });
  if (error) return <QueryError error={error} />;
  return (
    <Card size="small" title="Bản kiểm điểm của đảng viên">
      {data?.keyLeadersOnly ? (
        <Typography.Paragraph type="secondary">
          Đồng chí phụ trách chỉ xem được bản kiểm điểm của các đồng chí chủ chốt.
        </Typography.Paragraph>
      ) : null}
      <Segmented<ReviewProgress | 'all'>
        size="small"
        style={{ marginBottom: 8 }}
        value={progress}
        onChange={(v) => {
          setProgress(v);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={[{ value: 'all', label: 'Tất cả' }, ...REVIEW_PROGRESS.map((p) => ({ value: p, label: REVIEW_PROGRESS_LABELS[p] }))]}
      />
      <Table<UnitReviewRow>
        rowKey="memberId"
        size="small"
        loading={isPending}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Không có đảng viên nào' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showTotal: (n) => `${n.toLocaleString('vi-VN')} đảng viên`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            render: (n: string, r) => <Link to={PATHS.review(campaignId, 'member', r.memberId)}>{n}</Link>,
          },
          { title: 'Chi bộ', dataIndex: 'unitName', responsive: ['md'] },
          {
            title: 'Tình trạng',
            dataIndex: 'progress',
            render: (p: ReviewProgress, r) => (
              <>
                <Tag color={PROGRESS_COLORS[p]}>{REVIEW_PROGRESS_LABELS[p]}</Tag>
                {r.proxyEntered ? <Tag>Nhập thay</Tag> : null}
                {r.isKeyLeader ? <Tag color="gold">Chủ chốt</Tag> : null}
                {!r.classified ? <Tag color="orange">Không xếp loại</Tag> : null}
              </>
            ),
          },
          { title: 'Cập nhật', dataIndex: 'updatedAt', responsive: ['lg'], render: (d: string | null) => formatDateTime(d) },
        ]}
      />
    </Card>
  );
}
