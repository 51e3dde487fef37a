// Proposing levels (regulations §2.5 "Proposes", §9b): each selected subject starts at the level
// the chi bộ's tally gives (or the one being tried on the board); a member's level that departs
// from the tally needs a written reason.
import { Input, Modal, Select, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Level } from '../../../shared/campaign-vocabulary.js';
import { useNotify } from '../../components/feedback';
import { afterWrite, proposeLevels, rowKey, type BoardRow, type BoardView, type TrialLevel } from './api';
import { LevelTag } from './classification-ui';

export function ProposeDialog({
  campaignId,
  unitId,
  view,
  rows,
  trial,
  onClose,
}: {
  campaignId: string;
  unitId: string;
  view: BoardView;
  rows: BoardRow[];
  trial: Record<string, TrialLevel>;
  onClose: (done: boolean) => void;
}) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const initial = (r: BoardRow): Level | null =>
    trial[rowKey(r)]?.level ?? r.tally?.proposedLevel ?? r.proposedLevel ?? r.selfLevel ?? null;
  const [levels, setLevels] = useState<Record<string, Level | null>>(() => Object.fromEntries(rows.map((r) => [rowKey(r), initial(r)])));
  const [reasons, setReasons] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((r) => [rowKey(r), r.proposalReason ?? ''])),
  );
  const needsReason = (r: BoardRow) => r.subjectKind === 'member' && levels[rowKey(r)] !== (r.tally?.proposedLevel ?? null);
  const missing = rows.filter((r) => !levels[rowKey(r)] || (needsReason(r) && !reasons[rowKey(r)]?.trim()));

  async function submit() {
    setBusy(true);
    try {
      const r = await proposeLevels(campaignId, {
        unitId,
        items: rows.map((row) => ({
          subjectKind: row.subjectKind,
          subjectKey: row.subjectKey,
          level: levels[rowKey(row)] ?? undefined,
          reason: needsReason(row) ? reasons[rowKey(row)]?.trim() : undefined,
          version: row.version,
        })),
      });
      notify.success(
        `Đã đề xuất mức xếp loại cho ${r.items.length} đối tượng${r.unitsProposed.length > 0 ? `; ${r.unitsProposed.length} đơn vị chuyển sang "Đã đề xuất xếp loại"` : ''}.`,
      );
      await afterWrite(qc, campaignId);
      onClose(true);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={900}
      title={`Đề xuất mức xếp loại (${rows.length} đối tượng)`}
      okText="Ghi đề xuất"
      cancelText="Hủy"
      confirmLoading={busy}
      okButtonProps={{ disabled: missing.length > 0 }}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      <Typography.Paragraph type="secondary">
        Mức đề xuất của đảng viên mặc định theo kết quả biểu quyết của chi bộ; nếu đề xuất khác kết quả biểu quyết, cần ghi rõ lý do.
      </Typography.Paragraph>
      <Table<BoardRow>
        rowKey={rowKey}
        size="small"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        columns={[
          { title: 'Đối tượng', dataIndex: 'name' },
          {
            title: 'Biểu quyết',
            key: 'tally',
            render: (_, r) => (
              <LevelTag names={r.subjectKind === 'member' ? view.memberLevels : view.unitLevels} level={r.tally?.proposedLevel} />
            ),
          },
          {
            title: 'Mức đề xuất',
            key: 'level',
            render: (_, r) => (
              <Select<Level>
                size="small"
                style={{ width: 140 }}
                aria-label={`Mức đề xuất cho ${r.name}`}
                value={levels[rowKey(r)] ?? undefined}
                placeholder="Chọn mức"
                onChange={(v) => setLevels((l) => ({ ...l, [rowKey(r)]: v }))}
                options={(r.subjectKind === 'member' ? view.memberLevels : view.unitLevels).map((n) => ({
                  value: n.level,
                  label: n.short,
                }))}
              />
            ),
          },
          {
            title: 'Lý do (khi khác kết quả biểu quyết)',
            key: 'reason',
            render: (_, r) =>
              needsReason(r) ? (
                <Input
                  size="small"
                  aria-label={`Lý do đề xuất cho ${r.name}`}
                  status={reasons[rowKey(r)]?.trim() ? undefined : 'error'}
                  value={reasons[rowKey(r)]}
                  onChange={(e) => setReasons((x) => ({ ...x, [rowKey(r)]: e.target.value }))}
                  placeholder="Ghi rõ lý do"
                />
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
    </Modal>
  );
}
