// A shortcoming's whole history across years (design §3 Shortcoming: "the thread that ties years";
// issue 4 item 6): when and by whom it was found, the result each later review gave it, every
// year's remediation items with their progress updates and evidence, and — for a unit merged into
// another — where it came from. Opened from a plan and from a review's carry-over section.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { CAUSE_KIND_LABELS, SHORTCOMING_SOURCE_LABELS } from '../../../shared/campaign-vocabulary.js';
import { REMEDIATION_SUBJECT_LABELS } from '../../../shared/contracts/remediation.js';
import { PATHS } from '../../app/menu';
import { PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { fetchHistory, remediationKeys } from './api';
import { ItemSummary, PlanStatusTag, ShortcomingStatusTag } from './remediation-ui';

export default function ShortcomingHistoryPage() {
  const { id = '' } = useParams();
  const { data: h, isPending, error, refetch } = useQuery({ queryKey: remediationKeys.history(id), queryFn: () => fetchHistory(id) });
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const s = h.shortcoming;
  const years = [
    ...h.statuses.map((x) => ({ year: x.year, kind: 'status' as const, status: x })),
    ...h.plans.map((p) => ({ year: p.reviewYear, kind: 'plan' as const, plan: p })),
  ].sort((a, b) => a.year - b.year || (a.kind === 'status' ? -1 : 1));

  return (
    <>
      <PageHeader
        crumbs={[{ title: 'Khắc phục', to: PATHS.remediation }, { title: 'Quá trình khắc phục' }]}
        title="Quá trình khắc phục qua các năm"
        tags={s.resolvedYear ? <Tag color="green">Đã khắc phục năm {s.resolvedYear}</Tag> : <Tag color="orange">Chưa khắc phục xong</Tag>}
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Typography.Paragraph strong style={{ whiteSpace: 'pre-wrap' }}>
            {s.text}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'subject', label: 'Của', children: `${s.subjectName} (${REMEDIATION_SUBJECT_LABELS[s.subjectKind].toLowerCase()})` },
              { key: 'year', label: 'Năm phát hiện', children: s.yearFound },
              { key: 'source', label: 'Nguồn', children: SHORTCOMING_SOURCE_LABELS[s.source] },
              {
                key: 'cause',
                label: 'Nguyên nhân',
                children: [s.causeKind ? CAUSE_KIND_LABELS[s.causeKind] : null, s.cause].filter(Boolean).join(': ') || '—',
              },
            ]}
          />
        </Card>
        {h.origin ? (
          <Alert
            type="info"
            showIcon
            title={`Hạn chế của ${h.origin.unitName}, đơn vị đã hợp nhất vào ${h.origin.mergedIntoName}; được chuyển sang đơn vị mới để tiếp tục khắc phục.`}
          />
        ) : null}
        {years.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có kết quả khắc phục hay biện pháp nào được ghi nhận." />
        ) : (
          <Timeline
            items={years.map((y) =>
              y.kind === 'status'
                ? {
                    key: `s-${y.year}`,
                    color: y.status.status === 'fixed' ? 'green' : 'blue',
                    content: (
                      <Flex vertical gap={2}>
                        <Typography.Text strong>Kiểm điểm năm {y.year}</Typography.Text>
                        <span>
                          <ShortcomingStatusTag status={y.status.status} />
                          {y.status.causeKind ? <Tag>Nguyên nhân {CAUSE_KIND_LABELS[y.status.causeKind].toLowerCase()}</Tag> : null}
                        </span>
                        {y.status.note ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{y.status.note}</Typography.Text> : null}
                      </Flex>
                    ),
                  }
                : {
                    key: `p-${y.plan.planId}`,
                    color: 'gray',
                    content: (
                      <Card
                        size="small"
                        data-testid="history-plan"
                        title={`Kế hoạch khắc phục năm ${y.plan.reviewYear}`}
                        extra={<PlanStatusTag status={y.plan.planStatus} />}
                      >
                        <Typography.Paragraph type="secondary">
                          <Link to={PATHS.remediationPlan(y.plan.campaignId, y.plan.subjectKind, y.plan.subjectKey)}>
                            {y.plan.subjectName}
                          </Link>
                          {y.plan.filedAt ? ` · ban hành ngày ${formatDate(y.plan.filedAt)}` : ''}
                        </Typography.Paragraph>
                        <Flex vertical gap={12}>
                          {y.plan.items.map((i) => (
                            <ItemSummary key={i.id} item={i} />
                          ))}
                        </Flex>
                      </Card>
                    ),
                  },
            )}
          />
        )}
      </Flex>
    </>
  );
}
