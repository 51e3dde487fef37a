// Small pieces shared by the remediation pages: an item's status and overdue marks, its progress,
// and the history of its updates with their evidence.
import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Progress, Tag, Timeline, Typography } from 'antd';
import {
  REMEDIATION_ITEM_STATUS_LABELS,
  REMEDIATION_PLAN_STATUS_LABELS,
  SHORTCOMING_STATUS_LABELS,
  type RemediationItemStatus,
  type RemediationPlanStatus,
  type ShortcomingStatus,
} from '../../../shared/campaign-vocabulary.js';
import type { RemediationItemView } from '../../../shared/contracts/remediation.js';
import { formatDate } from '../../format';
import { evidenceUrl } from './api';

export const ITEM_STATUS_COLORS: Record<RemediationItemStatus, string> = { planned: 'default', in_progress: 'blue', done: 'green' };
export const PLAN_STATUS_COLORS: Record<RemediationPlanStatus, string> = { draft: 'gold', filed: 'green' };
export const SHORTCOMING_STATUS_COLORS: Record<ShortcomingStatus, string> = { fixed: 'green', being_fixed: 'blue', not_fixed: 'volcano' };

export function ItemStatusTag({ status }: { status: RemediationItemStatus }) {
  return <Tag color={ITEM_STATUS_COLORS[status]}>{REMEDIATION_ITEM_STATUS_LABELS[status]}</Tag>;
}

export function PlanStatusTag({ status }: { status: RemediationPlanStatus }) {
  return <Tag color={PLAN_STATUS_COLORS[status]}>{REMEDIATION_PLAN_STATUS_LABELS[status]}</Tag>;
}

export function ShortcomingStatusTag({ status, prefix }: { status: ShortcomingStatus; prefix?: string }) {
  return (
    <Tag color={SHORTCOMING_STATUS_COLORS[status]}>
      {prefix}
      {SHORTCOMING_STATUS_LABELS[status]}
    </Tag>
  );
}

/** The red mark of an item past its deadline (against the business date) and not done. */
export function OverdueTag({ overdue }: { overdue: boolean }) {
  return overdue ? (
    <Tag color="red" data-testid="overdue">
      Quá hạn
    </Tag>
  ) : null;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString('vi-VN')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** An item as read: action, who, deadline, status, progress, and what was done so far. */
export function ItemSummary({ item }: { item: RemediationItemView }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong style={{ whiteSpace: 'pre-wrap' }}>
        {item.action}
      </Typography.Text>
      <Flex wrap gap={4} align="center">
        <ItemStatusTag status={item.status} />
        <OverdueTag overdue={item.overdue} />
        <Typography.Text type="secondary">
          {item.owner} · hạn {formatDate(item.deadline)}
          {item.completedAt ? ` · hoàn thành ${formatDate(item.completedAt)}` : ''}
        </Typography.Text>
      </Flex>
      <Progress
        percent={item.progressPct}
        size="small"
        status={item.overdue ? 'exception' : item.status === 'done' ? 'success' : 'normal'}
      />
      <UpdatesTimeline updates={item.updates} />
    </Flex>
  );
}

export function UpdatesTimeline({ updates }: { updates: RemediationItemView['updates'] }) {
  if (updates.length === 0) return null;
  return (
    <Timeline
      style={{ marginTop: 12 }}
      items={updates.map((u) => ({
        key: u.id,
        color: u.status === 'done' ? 'green' : 'blue',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(u.createdAt)}
              {u.createdByName ? ` · ${u.createdByName}` : ''} · {u.progressPct}% · {REMEDIATION_ITEM_STATUS_LABELS[u.status]}
            </Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{u.note}</Typography.Text>
            {u.evidence ? (
              <a href={evidenceUrl(u.evidence.id)} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> {u.evidence.name} ({fileSize(u.evidence.size)})
              </a>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
