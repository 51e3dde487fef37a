// The conferences of a campaign the caller may see (issue 4 item 1; design §2): when and where, the
// meeting's status and the unit's stage, each opening its conference page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatConferenceTime } from '../../../shared/contracts/dossiers.js';
import { PATHS } from '../../app/menu';
import { PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { StageTag } from '../../components/StageTag';
import { kindLabel } from '../../format';
import { conferenceKeys, fetchConferences, type ConferenceSummary } from './api';
import { CONFERENCE_STATUS_COLORS } from './conference-labels';

const PAGE_SIZE = 50;

export default function ConferencesPage() {
  const { campaignId = '' } = useParams();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: conferenceKeys.list(campaignId, undefined, page),
    queryFn: () => fetchConferences(campaignId, { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const { data, isPending, error, refetch } = query;
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageHeader
        title="Hội nghị kiểm điểm"
        crumbs={[
          { title: 'Kiểm điểm', to: PATHS.campaigns },
          { title: 'Đợt kiểm điểm', to: PATHS.campaign(campaignId) },
          { title: 'Hội nghị' },
        ]}
      />
      <Card size="small">
        <Table<ConferenceSummary>
          size="small"
          rowKey="id"
          dataSource={data.items}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data.total,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: setPage,
          }}
          locale={{ emptyText: 'Chưa có hội nghị nào được lên lịch' }}
          scroll={{ x: true }}
          columns={[
            {
              title: 'Đơn vị',
              key: 'unit',
              render: (_, r) => (
                <Link to={PATHS.conference(r.id)}>
                  {r.unitName} <span style={{ color: '#888' }}>({kindLabel(r.unitKind)})</span>
                </Link>
              ),
            },
            { title: 'Thời gian', key: 'time', render: (_, r) => formatConferenceTime(r.scheduledFor) },
            { title: 'Địa điểm', key: 'place', render: (_, r) => r.place ?? '—' },
            { title: 'Hội nghị', key: 'status', render: (_, r) => <Tag color={CONFERENCE_STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
            { title: 'Giai đoạn của đơn vị', key: 'stage', render: (_, r) => <StageTag stage={r.stage} /> },
          ]}
        />
      </Card>
    </>
  );
}
