// A page of members in party-roster order (the server sorts, design §3), with paging.
import { Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { MemberSummary } from '../../api/types';
import { PATHS } from '../../app/menu';
import { QueryError } from '../../components/feedback';
import { StatusTag } from '../../components/StatusTag';
import { formatDate, genderLabel } from '../../format';
import { fetchMembers, memberKeys, type MemberListParams } from './api';

export function MembersTable({
  params,
  onPageChange,
  showUnit = true,
  emptyText = 'Không có đảng viên nào',
}: {
  params: MemberListParams;
  onPageChange: (page: number, pageSize: number) => void;
  showUnit?: boolean;
  emptyText?: string;
}) {
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: memberKeys.list(params),
    queryFn: () => fetchMembers(params),
    placeholderData: keepPreviousData,
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Table<MemberSummary>
      rowKey="id"
      size="middle"
      loading={isFetching}
      dataSource={data?.items ?? []}
      locale={{ emptyText }}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total, [from, to]) => `${from}–${to} trong ${total} đảng viên`,
        onChange: onPageChange,
      }}
      columns={[
        {
          title: 'Họ và tên',
          dataIndex: 'fullName',
          render: (name: string, m) => (
            <Link to={PATHS.member(m.id)}>
              <Typography.Text strong style={{ color: 'inherit' }}>
                {name}
              </Typography.Text>
            </Link>
          ),
        },
        { title: 'Ngày sinh', dataIndex: 'birthDate', render: (d: string | null) => formatDate(d), responsive: ['sm'] },
        { title: 'Giới tính', dataIndex: 'gender', render: (g: string | null) => genderLabel(g), responsive: ['md'] },
        ...(showUnit ? [{ title: 'Chi bộ', dataIndex: 'unitName', responsive: ['md' as const] }] : []),
        { title: 'Chức vụ Đảng', dataIndex: 'partyPosts', responsive: ['lg'] },
        { title: 'Ngày chính thức', dataIndex: 'officialDate', render: (d: string | null) => formatDate(d), responsive: ['xl'] },
        { title: 'Trạng thái', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
      ]}
    />
  );
}
