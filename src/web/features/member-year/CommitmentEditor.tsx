// Editing this year's commitment item by item (issue 3 item 5): add, edit, remove, save. Items keep
// their ids, so the review can check each one at the end of the year. Built to fit a 360 px phone:
// one column, text areas that grow, buttons that wrap, no fixed widths.
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { useNotify } from '../../components/feedback';
import { memberYearKeys, saveCommitment, type CommitmentListResponse, type CommitmentView } from './api';

interface Draft {
  key: string;
  id?: string;
  text: string;
}

let seq = 0;
const draftKey = () => `new-${++seq}`;

function draftsOf(current: CommitmentView | null): Draft[] {
  if (!current || current.items.length === 0) return [{ key: draftKey(), text: '' }];
  return current.items.map((i) => ({ key: i.id, id: i.id, text: i.text }));
}

const MAX_ITEMS = 50;

export function CommitmentEditor({ memberId, year, current }: { memberId: string; year: number; current: CommitmentView | null }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsOf(current));
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const saved = JSON.stringify(draftsOf(current).map((d) => [d.id ?? null, d.text.trim()]));
  const dirty = JSON.stringify(drafts.map((d) => [d.id ?? null, d.text.trim()])) !== saved;
  const filled = drafts.filter((d) => d.text.trim() !== '');

  const update = (key: string, text: string) => setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, text } : d)));
  const remove = (key: string) => setDrafts((ds) => (ds.length > 1 ? ds.filter((d) => d.key !== key) : [{ key: draftKey(), text: '' }]));
  const add = () => setDrafts((ds) => [...ds, { key: draftKey(), text: '' }]);

  async function save() {
    setBusy(true);
    setConflict(null);
    try {
      const view = await saveCommitment(memberId, year, {
        items: filled.map((d) => ({ ...(d.id ? { id: d.id } : {}), text: d.text.trim() })),
        ...(current ? { version: current.version } : {}),
      });
      qc.setQueryData<CommitmentListResponse>(memberYearKeys.commitments(memberId), (old) =>
        old ? { ...old, items: [view, ...old.items.filter((c) => c.year !== year)].sort((a, b) => b.year - a.year) } : old,
      );
      setDrafts(draftsOf(view));
      notify.success('Đã lưu bản cam kết.');
    } catch (e) {
      // Saved elsewhere meanwhile (another tab or phone): keep what was typed here, offer the saved one.
      if (e instanceof ApiError && e.code === 'conflict.version') setConflict(errorMessage(e));
      else notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setConflict(null);
    await qc.invalidateQueries({ queryKey: memberYearKeys.commitments(memberId) });
  }

  return (
    <Flex vertical gap={12}>
      {drafts.map((d, index) => (
        <Flex key={d.key} gap={8} align="flex-start">
          <Typography.Text strong style={{ paddingTop: 5, flex: 'none' }}>
            {index + 1}.
          </Typography.Text>
          <Input.TextArea
            aria-label={`Nội dung cam kết ${index + 1}`}
            value={d.text}
            onChange={(e) => update(d.key, e.target.value)}
            autoSize={{ minRows: 2, maxRows: 10 }}
            maxLength={2000}
            placeholder="Ví dụ: Gương mẫu thực hiện nhiệm vụ được giao, hoàn thành 100% chỉ tiêu…"
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={`Xóa nội dung ${index + 1}`}
            title="Xóa nội dung này"
            onClick={() => remove(d.key)}
            style={{ flex: 'none' }}
          />
        </Flex>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={add} disabled={drafts.length >= MAX_ITEMS} block>
        Thêm nội dung
      </Button>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={conflict}
          description="Nội dung bạn đang soạn vẫn còn trên màn hình. Bấm “Tải bản đã lưu” để xem bản mới nhất (nội dung đang soạn sẽ được thay)."
          action={
            <Button size="small" onClick={() => void reload()}>
              Tải bản đã lưu
            </Button>
          }
        />
      ) : null}
      <Flex wrap gap={8} align="center">
        <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!dirty || filled.length === 0} onClick={() => void save()}>
          Lưu bản cam kết
        </Button>
        {dirty ? <Tag color="gold">Chưa lưu</Tag> : current ? <Tag color="green">Đã lưu</Tag> : null}
      </Flex>
    </Flex>
  );
}
