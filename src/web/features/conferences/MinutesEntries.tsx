// Minutes entries (issue 4 item 1): the form the secretary types them in (keyboard first: Enter in
// the speaker field goes to the content, Ctrl+Enter adds the entry from any field and returns to the
// speaker field), and the list that shows each entry with its state — stored, or "chưa gửi" while it
// waits in the offline queue.
import { DeleteOutlined, EditOutlined, PlusOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { forwardRef, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import type { InputRef } from 'antd';
import { CONFERENCE_ENTRY_KIND_LABELS, CONFERENCE_ENTRY_KINDS, type ConferenceEntryKind } from '../../../shared/campaign-vocabulary.js';
import { formatDateTime } from '../../format';
import type { ConferenceView } from './api';
import { subjectLabel, suggestionsFor } from './conference-labels';
import { newClientKey, type EntryDraft, type ShownEntry } from './entry-queue';

const KIND_COLORS: Record<ConferenceEntryKind, string> = {
  criticism: 'blue',
  suggestion_answer: 'purple',
  conclusion: 'red',
  note: 'default',
};

const STATE_TAGS: Record<ShownEntry['state'], { color: string; label: string }> = {
  sent: { color: 'green', label: 'Đã lưu' },
  pending: { color: 'orange', label: 'Chưa gửi' },
  sending: { color: 'gold', label: 'Đang gửi' },
  rejected: { color: 'red', label: 'Bị từ chối' },
};

export interface Subject {
  kind: 'unit' | 'leadership' | 'member';
  key: string;
  label: string;
}

export interface EntryFormHandle {
  /** Fills the form with an entry to edit it. */
  edit(entry: ShownEntry): void;
  focus(): void;
}

interface Editing {
  clientKey: string;
  version: number | null;
}

/** Writes one entry about `subject` into the queue; the parent decides what the queue does with it. */
export const EntryForm = forwardRef<
  EntryFormHandle,
  { c: ConferenceView; subject: Subject | null; onSubmit: (draft: EntryDraft, version: number | null) => void; disabled?: boolean }
>(function EntryForm({ c, subject, onSubmit, disabled = false }, ref) {
  const [kind, setKind] = useState<ConferenceEntryKind>('criticism');
  const [speaker, setSpeaker] = useState('');
  const [text, setText] = useState('');
  const [reply, setReply] = useState('');
  const [suggestionItemId, setSuggestionItemId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const speakerRef = useRef<InputRef>(null);
  const textRef = useRef<{ focus: () => void } | null>(null);

  const focusSpeaker = () => window.setTimeout(() => speakerRef.current?.focus(), 0);
  useImperativeHandle(ref, () => ({
    edit(e) {
      setEditing({ clientKey: e.clientKey, version: e.entry.version });
      setKind(e.entry.kind);
      setSpeaker(e.entry.speaker ?? '');
      setText(e.entry.text);
      setReply(e.entry.reply ?? '');
      setSuggestionItemId(e.entry.suggestionItemId ?? null);
      setProblem(null);
      focusSpeaker();
    },
    focus: focusSpeaker,
  }));

  const points = suggestionsFor(c, subject?.kind ?? null, subject?.key ?? null);

  function reset() {
    setSpeaker('');
    setText('');
    setReply('');
    setSuggestionItemId(null);
    setEditing(null);
    setProblem(null);
  }

  function submit() {
    if (disabled) return;
    if (!text.trim()) return setProblem('Cần ghi nội dung.');
    if (kind === 'criticism' && !speaker.trim()) return setProblem('Cần ghi người phát biểu ý kiến.');
    if (kind !== 'note' && !subject) return setProblem('Cần chọn đối tượng được kiểm điểm ở chương trình bên trái.');
    const draft: EntryDraft = {
      clientKey: editing?.clientKey ?? newClientKey(),
      kind,
      subjectKind: subject?.kind ?? null,
      subjectKey: subject?.key ?? null,
      speaker: speaker.trim() || null,
      text: text.trim(),
      reply: kind === 'criticism' || kind === 'suggestion_answer' ? reply.trim() || null : null,
      suggestionItemId: kind === 'suggestion_answer' ? suggestionItemId : null,
      deleted: false,
    };
    onSubmit(draft, editing?.version ?? null);
    reset();
    focusSpeaker();
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <Form layout="vertical" size="middle" onKeyDown={onKeyDown} disabled={disabled} data-testid="entry-form">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        Đang ghi về: <strong data-testid="entry-subject">{subject?.label ?? 'Chung'}</strong>
        {editing ? <Tag style={{ marginLeft: 8 }}>Đang sửa một nội dung</Tag> : null}
      </Typography.Paragraph>
      <Form.Item label="Loại nội dung" htmlFor="entry-kind" style={{ marginBottom: 8 }}>
        <Select<ConferenceEntryKind>
          id="entry-kind"
          value={kind}
          onChange={setKind}
          options={CONFERENCE_ENTRY_KINDS.map((k) => ({ value: k, label: CONFERENCE_ENTRY_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Form.Item
        label={kind === 'criticism' ? 'Người phát biểu' : 'Người trình bày (nếu có)'}
        htmlFor="entry-speaker"
        style={{ marginBottom: 8 }}
      >
        <Input
          id="entry-speaker"
          ref={speakerRef}
          value={speaker}
          autoComplete="off"
          onChange={(e) => setSpeaker(e.target.value)}
          onPressEnter={(e) => {
            if (e.ctrlKey || e.metaKey) return;
            e.preventDefault();
            textRef.current?.focus();
          }}
        />
      </Form.Item>
      {kind === 'suggestion_answer' ? (
        <Form.Item label="Vấn đề được gợi ý" htmlFor="entry-suggestion" style={{ marginBottom: 8 }}>
          <Select
            id="entry-suggestion"
            allowClear
            value={suggestionItemId ?? undefined}
            onChange={(v) => setSuggestionItemId(v ?? null)}
            placeholder={points.length === 0 ? 'Đối tượng này không có vấn đề được gợi ý' : 'Chọn vấn đề được gợi ý'}
            options={points.map((p) => ({ value: p.id, label: `${p.position}. ${p.text}` }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        label={kind === 'conclusion' ? 'Hạn chế, khuyết điểm hội nghị chỉ ra' : 'Nội dung'}
        htmlFor="entry-text"
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          id="entry-text"
          ref={textRef as never}
          value={text}
          autoSize={{ minRows: 3, maxRows: 12 }}
          onChange={(e) => setText(e.target.value)}
        />
      </Form.Item>
      {kind === 'criticism' || kind === 'suggestion_answer' ? (
        <Form.Item
          label={kind === 'criticism' ? 'Ý kiến tiếp thu, giải trình của người được góp ý' : 'Ý kiến của hội nghị về phần giải trình'}
          htmlFor="entry-reply"
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea id="entry-reply" value={reply} autoSize={{ minRows: 1, maxRows: 8 }} onChange={(e) => setReply(e.target.value)} />
        </Form.Item>
      ) : null}
      {problem ? <Alert type="warning" showIcon title={problem} style={{ marginBottom: 8 }} /> : null}
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={submit}>
          {editing ? 'Lưu thay đổi' : 'Thêm vào biên bản'} (Ctrl+Enter)
        </Button>
        {editing ? <Button onClick={reset}>Hủy sửa</Button> : null}
      </Space>
    </Form>
  );
});

/** The entries as stored or queued; with actions for the secretary while the meeting is in session. */
export function EntryList({
  c,
  entries,
  onEdit,
  onDelete,
  onRetry,
  onDiscard,
  showSubject = false,
  showState = true,
}: {
  c: ConferenceView;
  entries: ShownEntry[];
  onEdit?: (e: ShownEntry) => void;
  onDelete?: (e: ShownEntry) => void;
  onRetry?: (e: ShownEntry) => void;
  onDiscard?: (e: ShownEntry) => void;
  showSubject?: boolean;
  /** Whether to tag each entry stored / not sent (conference mode); the read-only minutes leave it out. */
  showState?: boolean;
}) {
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có nội dung nào" />;
  return (
    <List
      data-testid="entry-list"
      dataSource={entries}
      rowKey="clientKey"
      renderItem={(e) => {
        const tag = STATE_TAGS[e.state];
        const point = e.entry.suggestionItemId ? c.suggestionItems.find((s) => s.id === e.entry.suggestionItemId) : undefined;
        return (
          <List.Item
            data-testid="entry"
            data-state={e.state}
            actions={[
              ...(onEdit && e.state !== 'rejected'
                ? [
                    <Button
                      key="edit"
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label="Sửa nội dung"
                      onClick={() => onEdit(e)}
                    />,
                  ]
                : []),
              ...(onDelete && e.state !== 'rejected'
                ? [
                    <Popconfirm
                      key="delete"
                      title="Bỏ nội dung này khỏi biên bản?"
                      okText="Bỏ"
                      cancelText="Không"
                      onConfirm={() => onDelete(e)}
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="Bỏ nội dung" />
                    </Popconfirm>,
                  ]
                : []),
              ...(e.state === 'rejected' && onRetry
                ? [
                    <Button key="retry" size="small" icon={<RedoOutlined />} onClick={() => onRetry(e)}>
                      Gửi lại
                    </Button>,
                  ]
                : []),
              ...(e.state === 'rejected' && onDiscard
                ? [
                    <Button key="discard" size="small" onClick={() => onDiscard(e)}>
                      Bỏ thay đổi
                    </Button>,
                  ]
                : []),
            ]}
          >
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Space size={4} wrap>
                <Tag color={KIND_COLORS[e.entry.kind]}>{CONFERENCE_ENTRY_KIND_LABELS[e.entry.kind]}</Tag>
                {showSubject ? <Tag>{subjectLabel(c, e.entry.subjectKind ?? null, e.entry.subjectKey ?? null)}</Tag> : null}
                {showState ? (
                  <Tag color={tag.color} data-testid="entry-state">
                    {tag.label}
                  </Tag>
                ) : null}
                {e.entry.speaker ? <Typography.Text strong>{e.entry.speaker}:</Typography.Text> : null}
              </Space>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="entry-text">
                {e.entry.text}
              </Typography.Text>
              {point ? <Typography.Text type="secondary">Vấn đề được gợi ý: {point.text}</Typography.Text> : null}
              {e.entry.reply ? (
                <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                  Tiếp thu, giải trình: {e.entry.reply}
                </Typography.Text>
              ) : null}
              {e.state === 'rejected' && e.error ? <Typography.Text type="danger">{e.error}</Typography.Text> : null}
              {e.entry.createdAt && e.state === 'sent' ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.entry.createdAt)}
                  {e.entry.createdByName ? ` · ${e.entry.createdByName}` : ''}
                </Typography.Text>
              ) : null}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
