// A rule's source: the document and where regulations.md states it, with "Chưa xác nhận" where
// the sources are silent or doubtful (regulations.md: UNCONFIRMED, §9b defaults).
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { SourceRefView } from '../../../shared/contracts/rule-sets.js';
import { referenceText } from '../../format';

export function UnconfirmedTag({ note }: { note?: string }) {
  const tag = <Tag color="orange">Chưa xác nhận</Tag>;
  return note ? <Tooltip title={note}>{tag}</Tooltip> : tag;
}

export function SourceTag({ source }: { source: SourceRefView }) {
  const where = [source.article, referenceText(source.reference)].filter(Boolean).join(' · ');
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {source.document}
        {where ? ` (${where})` : ''}
      </Typography.Text>
      {source.unconfirmed ? <UnconfirmedTag note={source.note} /> : null}
      {!source.unconfirmed && source.note ? (
        <Tooltip title={source.note}>
          <Tag>Ghi chú</Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
