import { Tag } from 'antd';
import { STATUS_COLORS, statusLabel } from '../format';
import type { MemberStatus } from '../../shared/vocabulary.js';

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status as MemberStatus] ?? 'default'}>{statusLabel(status)}</Tag>;
}
