// Small pieces the classification pages share: levels by the period's names, statuses, the chi bộ's
// tally, failed checks with their explanations and sources, the quota use of a group.
import { Alert, Card, Flex, List, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { Level } from '../../../shared/campaign-vocabulary.js';
import { CLASSIFICATION_STATUS_LABELS, type ClassificationStatus } from '../../../shared/campaign-vocabulary.js';
import type { BoardView, CheckView, QuotaView, TallyView } from '../../../shared/contracts/classification.js';
import { SourceTag } from '../rule-sets/SourceTag';

export const LEVEL_COLORS: Record<Level, string> = {
  excellent: 'green',
  good: 'blue',
  satisfactory: 'gold',
  unsatisfactory: 'red',
};

export type LevelNames = BoardView['memberLevels'];

export function levelShort(names: LevelNames, level: Level | null | undefined): string {
  if (!level) return '';
  return names.find((n) => n.level === level)?.short ?? level;
}

export function LevelTag({ names, level }: { names: LevelNames; level: Level | null | undefined }) {
  if (!level) return <Typography.Text type="secondary">—</Typography.Text>;
  const def = names.find((n) => n.level === level);
  return (
    <Tooltip title={def?.label}>
      <Tag color={LEVEL_COLORS[level]}>{def?.short ?? level}</Tag>
    </Tooltip>
  );
}

const STATUS_COLORS: Record<ClassificationStatus, string> = {
  self_assessed: 'default',
  proposed: 'processing',
  decided: 'purple',
  published: 'success',
  annulled: 'default',
};

export function ClassificationStatusTag({ status }: { status: ClassificationStatus | null }) {
  if (!status) return <Tag>Chưa đề xuất</Tag>;
  return <Tag color={STATUS_COLORS[status]}>{CLASSIFICATION_STATUS_LABELS[status]}</Tag>;
}

export function TallyCell({ names, tally }: { names: LevelNames; tally: TallyView | null }) {
  if (!tally) return <Typography.Text type="secondary">—</Typography.Text>;
  const parts = (['excellent', 'good', 'satisfactory', 'unsatisfactory'] as const).map((l) => `${levelShort(names, l)}: ${tally.votes[l]}`);
  return (
    <Tooltip
      title={
        <>
          Có mặt {tally.present}; phiếu hợp lệ {tally.valid}, không hợp lệ {tally.invalid}.
          <br />
          {parts.join(' · ')}
        </>
      }
    >
      <Space size={4}>
        <LevelTag names={names} level={tally.proposedLevel} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tally.valid}/{tally.present} phiếu
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}

/** Failed checks as red tags whose tooltip explains them (the row's expander lists them in full). */
export function FailedTags({ failed }: { failed: CheckView[] }) {
  if (failed.length === 0) return <Tag color="success">Đạt</Tag>;
  return (
    <Space size={4} wrap>
      {failed.map((f, i) => (
        <Tooltip key={`${f.ruleId}-${i}`} title={f.explanation}>
          <Tag color="error">{f.ruleId}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

export function ChecksList({ failed, passedRules }: { failed: CheckView[]; passedRules: string[] }) {
  return (
    <Flex vertical gap={8}>
      {failed.length > 0 ? (
        <List
          size="small"
          dataSource={failed}
          renderItem={(f) => (
            <List.Item>
              <Flex vertical gap={2}>
                <Typography.Text type="danger">
                  <strong>{f.ruleId}</strong> — {f.explanation}
                </Typography.Text>
                <SourceTag source={f.source} />
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="success">Không có điều kiện nào không đạt.</Typography.Text>
      )}
      {passedRules.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Các điều kiện đã đạt: {[...new Set(passedRules)].join(', ')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** A group's quota use: "3 HTXS / tối đa 2", with the arithmetic of regulations §9b. */
export function QuotaCard({ quota, names }: { quota: QuotaView; names: LevelNames }) {
  const percent = quota.cap === 0 ? (quota.excellent > 0 ? 100 : 0) : Math.min(100, Math.round((quota.excellent * 100) / quota.cap));
  return (
    <Card size="small" style={{ borderColor: quota.passed ? undefined : '#ff4d4f' }} data-testid={`quota-${quota.groupKey}`}>
      <Flex vertical gap={6}>
        <Space wrap>
          <Typography.Text strong>{quota.groupLabel.charAt(0).toUpperCase() + quota.groupLabel.slice(1)}</Typography.Text>
          {quota.passed ? <Tag color="success">Trong tỷ lệ</Tag> : <Tag color="error">Vượt tỷ lệ</Tag>}
          {quota.exceptional ? <Tag color="purple">Tỷ lệ nổi bật</Tag> : null}
        </Space>
        <Typography.Text>
          {levelShort(names, 'excellent')}: <strong>{quota.excellent}</strong> / tối đa <strong>{quota.cap}</strong> (= ⌊{quota.good} ×{' '}
          {quota.pct} %⌋ số {levelShort(names, 'good')})
        </Typography.Text>
        <Progress percent={percent} status={quota.passed ? 'normal' : 'exception'} showInfo={false} size="small" />
        <Typography.Text type={quota.passed ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
          {quota.explanation}
        </Typography.Text>
        {!quota.complete ? (
          <Alert type="info" showIcon title="Một phần của nhóm nằm ngoài phạm vi bảng này; số liệu chỉ tính trong phạm vi đang xem." />
        ) : null}
        <SourceTag source={quota.source} />
      </Flex>
    </Card>
  );
}
