// "Kết quả xếp loại của tôi" (design §2, §4: a member on a phone): before publication only the level
// the member gave themself; after it, the decided level, the decision, the deciding level's
// conclusions, an acknowledgement button and a complaint.
import { Alert, Button, Card, Descriptions, Empty, Flex, Input, List, Modal, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../app/session';
import { NotLinkedToMember, PageSpin, QueryError, useNotify } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../format';
import { COMPLAINT_STATUS_LABELS, type Level } from '../../../shared/campaign-vocabulary.js';
import type { MyResult } from '../../../shared/contracts/classification.js';
import { acknowledgeResult, classificationKeys, fetchMyResults, fileComplaint } from './api';
import { LEVEL_COLORS } from './classification-ui';

function LevelText({ level, label }: { level: Level | null; label: string | null }) {
  if (!level || !label) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={LEVEL_COLORS[level]} style={{ fontSize: 14, padding: '2px 8px' }}>
      {label}
    </Tag>
  );
}

function ResultCard({ item, memberId }: { item: MyResult; memberId: string }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [complaining, setComplaining] = useState(false);
  const [text, setText] = useState('');

  async function acknowledge() {
    setBusy(true);
    try {
      const r = await acknowledgeResult(item.campaignId, item.version);
      qc.setQueryData(classificationKeys.mine, r);
      notify.success('Đồng chí đã xác nhận đã biết kết quả xếp loại.');
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  async function complain() {
    setBusy(true);
    try {
      await fileComplaint(item.campaignId, { subjectKind: 'member', subjectKey: memberId, text });
      await qc.invalidateQueries({ queryKey: classificationKeys.mine });
      notify.success('Đã gửi kiến nghị tới cấp trên.');
      setComplaining(false);
      setText('');
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={`Năm ${item.reviewYear} — ${item.campaignTitle}`} data-testid={`my-result-${item.reviewYear}`}>
      {!item.classified ? (
        <Alert type="info" showIcon title="Đồng chí không thuộc diện xếp loại trong đợt này." />
      ) : !item.published ? (
        <Flex vertical gap={12}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="Chi bộ">{item.unitName}</Descriptions.Item>
            <Descriptions.Item label="Mức tự nhận">
              <LevelText level={item.selfLevel} label={item.selfLevelLabel} />
            </Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon title="Kết quả xếp loại sẽ hiển thị sau khi cấp có thẩm quyền công bố." />
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="Chi bộ">{item.unitName}</Descriptions.Item>
            <Descriptions.Item label="Mức tự nhận">
              <LevelText level={item.selfLevel} label={item.selfLevelLabel} />
            </Descriptions.Item>
            <Descriptions.Item label="Kết quả xếp loại">
              <LevelText level={item.decidedLevel} label={item.decidedLevelLabel} />
            </Descriptions.Item>
            <Descriptions.Item label="Quyết định">
              {item.decisionNumber} ngày {formatDate(item.decisionDate)}
            </Descriptions.Item>
            {item.conclusion ? <Descriptions.Item label="Kết luận của cấp quyết định">{item.conclusion}</Descriptions.Item> : null}
            <Descriptions.Item label="Công bố">{formatDateTime(item.publishedAt)}</Descriptions.Item>
            {item.acknowledgedAt ? (
              <Descriptions.Item label="Đã xác nhận biết">{formatDateTime(item.acknowledgedAt)}</Descriptions.Item>
            ) : null}
          </Descriptions>
          <Flex gap={8} wrap>
            {item.canAcknowledge ? (
              <Button type="primary" loading={busy} onClick={() => void acknowledge()}>
                Tôi đã biết kết quả
              </Button>
            ) : null}
            {item.canComplain ? <Button onClick={() => setComplaining(true)}>Gửi kiến nghị</Button> : null}
          </Flex>
        </Flex>
      )}
      {item.complaints.length > 0 ? (
        <List
          style={{ marginTop: 12 }}
          size="small"
          header={<Typography.Text strong>Kiến nghị của tôi</Typography.Text>}
          dataSource={item.complaints}
          renderItem={(c) => (
            <List.Item>
              <Flex vertical gap={2}>
                <span>
                  <Tag>{COMPLAINT_STATUS_LABELS[c.status]}</Tag> {formatDateTime(c.createdAt)}
                </span>
                <Typography.Text>{c.text}</Typography.Text>
                {c.resolution ? <Typography.Text type="secondary">Trả lời: {c.resolution}</Typography.Text> : null}
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
      <Modal
        open={complaining}
        title="Kiến nghị về kết quả xếp loại"
        okText="Gửi kiến nghị"
        cancelText="Hủy"
        confirmLoading={busy}
        okButtonProps={{ disabled: !text.trim() }}
        onOk={() => void complain()}
        onCancel={() => setComplaining(false)}
      >
        <Typography.Paragraph type="secondary">Kiến nghị được gửi tới cấp ủy cấp trên để xem xét, giải quyết.</Typography.Paragraph>
        <Input.TextArea
          aria-label="Nội dung kiến nghị"
          autoSize={{ minRows: 4, maxRows: 10 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </Card>
  );
}

export default function MyResultPage() {
  const me = useMe();
  const { data, isPending, error, refetch } = useQuery({
    queryKey: classificationKeys.mine,
    queryFn: fetchMyResults,
    enabled: me.memberId !== null,
  });
  if (!me.memberId) return <NotLinkedToMember />;
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageHeader title="Kết quả xếp loại của tôi" />
      {data.items.length === 0 ? (
        <Empty description="Chưa có đợt kiểm điểm nào có tên đồng chí." />
      ) : (
        <Flex vertical gap={16}>
          {data.items.map((item) => (
            <ResultCard key={item.campaignId} item={item} memberId={me.memberId!} />
          ))}
        </Flex>
      )}
    </>
  );
}
