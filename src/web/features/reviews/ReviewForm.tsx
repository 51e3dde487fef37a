// The sections of a review as the rule set's form lays them out (design §3, Review; regulations §3.3,
// §11.6), each edited by its kind: text per criterion with its cấp độ where the rule set grades,
// shortcomings with their causes, the carry-over of earlier shortcomings with their status, the
// commitment check, the manifestations (có / không), the key political tasks, an answer to every
// suggested point, the scores …/30 …/70 where the rule set scores, and the self-proposed level.
// One column, no fixed widths: usable on a 360 px phone.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Collapse, Empty, Flex, Form, Input, InputNumber, Radio, Select, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { formatDate } from '../../format';
import {
  CAUSE_KIND_LABELS,
  REMEDIATION_ITEM_STATUS_LABELS,
  SHORTCOMING_SOURCE_LABELS,
  SHORTCOMING_STATUS_LABELS,
  SHORTCOMING_STATUSES,
  type CauseKind,
  type Level,
  type ShortcomingStatus,
} from '../../../shared/campaign-vocabulary.js';
import type { ReviewContent, ReviewView } from './api';
import { missingBySection, sectionLabel, sectionsToShow, type SectionView } from './review-sections';

const COMMITMENT_RESULTS = {
  kept: 'Đã thực hiện',
  partly: 'Thực hiện chưa đầy đủ',
  not_kept: 'Chưa thực hiện',
} as const;
type CommitmentResult = keyof typeof COMMITMENT_RESULTS;

const causeOptions = (Object.keys(CAUSE_KIND_LABELS) as CauseKind[]).map((k) => ({ value: k, label: CAUSE_KIND_LABELS[k] }));

let keySeq = 0;
const newKey = () => `k${Date.now().toString(36)}${(++keySeq).toString(36)}`;

interface Props {
  view: ReviewView;
  content: ReviewContent;
  onChange?: (content: ReviewContent) => void;
  readOnly: boolean;
  /** Suggested points the server said are unanswered (after a refused submit). */
  flagged?: ReadonlySet<string>;
}

function Text({
  value,
  onChange,
  readOnly,
  label,
  rows = 3,
  max = 8000,
  placeholder,
  required,
  status,
}: {
  value: string;
  onChange: (v: string) => void;
  readOnly: boolean;
  label?: ReactNode;
  rows?: number;
  max?: number;
  placeholder?: string;
  required?: boolean;
  status?: 'error' | 'warning';
}) {
  return (
    <Form.Item
      label={label}
      required={required}
      style={{ marginBottom: 12 }}
      validateStatus={status}
      help={status === 'error' ? 'Cần trả lời nội dung này trước khi nộp.' : undefined}
    >
      <Input.TextArea
        value={value}
        onChange={(e) => onChange(e.target.value)}
        readOnly={readOnly}
        autoSize={{ minRows: readOnly ? 1 : rows, maxRows: 24 }}
        maxLength={max}
        placeholder={readOnly ? undefined : placeholder}
        variant={readOnly ? 'borderless' : 'outlined'}
        aria-label={typeof label === 'string' ? label : undefined}
      />
    </Form.Item>
  );
}

function Choice<T extends string>({
  value,
  options,
  onChange,
  readOnly,
  ariaLabel,
}: {
  value: T | null;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
  readOnly: boolean;
  ariaLabel: string;
}) {
  return (
    <Radio.Group
      aria-label={ariaLabel}
      value={value}
      onChange={(e) => onChange(e.target.value as T)}
      disabled={readOnly}
      optionType="button"
      buttonStyle="solid"
      size="small"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
      options={options}
    />
  );
}

export function ReviewForm({ view, content, onChange, readOnly, flagged }: Props) {
  const set = <K extends keyof ReviewContent>(key: K, value: ReviewContent[K]) => onChange?.({ ...content, [key]: value });
  const missing = missingBySection(view, content);
  const gradeOptions = view.scoring.grades.map((g) => ({ value: g.key, label: g.label }));
  const levelOptions = view.scoring.levels.map((l) => ({ value: l.level, label: `${l.label} (${l.short})` }));
  const sections = sectionsToShow(view);

  function gradeSelect(value: string | null, change: (v: string | null) => void, label: string) {
    return (
      <Form.Item label="Tự đánh giá cấp độ" style={{ marginBottom: 12 }}>
        <Select
          aria-label={`Cấp độ: ${label}`}
          value={value}
          onChange={(v) => change(v ?? null)}
          options={gradeOptions}
          allowClear
          disabled={readOnly}
          placeholder="Chọn cấp độ"
          style={{ width: '100%', maxWidth: 240 }}
        />
      </Form.Item>
    );
  }

  function body(s: SectionView): ReactNode {
    switch (s.key) {
      case 'strengths':
        return s.criteria.length === 0 ? (
          <Text
            value={content.strengths[0]?.text ?? ''}
            readOnly={readOnly}
            onChange={(t) => set('strengths', [{ criterionKey: 'general', text: t, grade: null }])}
            rows={5}
            max={20000}
          />
        ) : (
          s.criteria.map((c, i) => {
            const entry = content.strengths.find((e) => e.criterionKey === c.key) ?? { criterionKey: c.key, text: '', grade: null };
            const update = (patch: Partial<typeof entry>) =>
              set(
                'strengths',
                withLine(
                  content.strengths,
                  (e) => e.criterionKey,
                  { ...entry, ...patch },
                  s.criteria.map((x) => x.key),
                ),
              );
            return (
              <div key={c.key}>
                <Text
                  label={`${i + 1}. ${c.label}`}
                  value={entry.text}
                  readOnly={readOnly}
                  onChange={(t) => update({ text: t })}
                  rows={3}
                  max={20000}
                />
                {s.graded ? gradeSelect(entry.grade, (g) => update({ grade: g as typeof entry.grade }), c.label) : null}
              </div>
            );
          })
        );
      case 'shortcomings':
        return (
          <Flex vertical gap={12}>
            {content.shortcomings.length === 0 ? (
              <Typography.Text type="secondary">Chưa ghi hạn chế, khuyết điểm nào.</Typography.Text>
            ) : null}
            {content.shortcomings.map((e, i) => {
              const update = (patch: Partial<typeof e>) =>
                set(
                  'shortcomings',
                  content.shortcomings.map((x) => (x.key === e.key ? { ...x, ...patch } : x)),
                );
              return (
                <div key={e.key} style={{ borderLeft: '3px solid #f0f0f0', paddingLeft: 8 }}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text strong>Hạn chế {i + 1}</Typography.Text>
                    {!readOnly ? (
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={`Xóa hạn chế ${i + 1}`}
                        onClick={() =>
                          set(
                            'shortcomings',
                            content.shortcomings.filter((x) => x.key !== e.key),
                          )
                        }
                      />
                    ) : null}
                  </Flex>
                  <Text label="Nội dung" value={e.text} readOnly={readOnly} onChange={(t) => update({ text: t })} rows={2} max={4000} />
                  <Form.Item label="Nguyên nhân" style={{ marginBottom: 8 }}>
                    <Choice
                      ariaLabel={`Loại nguyên nhân của hạn chế ${i + 1}`}
                      value={e.causeKind}
                      options={causeOptions}
                      onChange={(v) => update({ causeKind: v })}
                      readOnly={readOnly}
                    />
                  </Form.Item>
                  <Text
                    value={e.cause}
                    readOnly={readOnly}
                    onChange={(t) => update({ cause: t })}
                    rows={2}
                    max={4000}
                    placeholder="Nêu rõ nguyên nhân (chủ quan là chính)"
                  />
                </div>
              );
            })}
            {!readOnly ? (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                block
                onClick={() => set('shortcomings', [...content.shortcomings, { key: newKey(), text: '', causeKind: null, cause: '' }])}
              >
                Thêm hạn chế, khuyết điểm
              </Button>
            ) : null}
          </Flex>
        );
      case 'carry_over':
        if (view.prefill.carryOver.length === 0)
          return (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có hạn chế, khuyết điểm nào từ kỳ trước còn phải khắc phục." />
          );
        return (
          <Flex vertical gap={16}>
            {view.prefill.carryOver.map((sc, i) => {
              const entry = content.carryOver.find((e) => e.shortcomingId === sc.id) ?? {
                shortcomingId: sc.id,
                status: null,
                causeKind: null,
                note: '',
              };
              const update = (patch: Partial<typeof entry>) =>
                set(
                  'carryOver',
                  withLine(
                    content.carryOver,
                    (e) => e.shortcomingId,
                    { ...entry, ...patch },
                    view.prefill.carryOver.map((x) => x.id),
                  ),
                );
              return (
                <div key={sc.id} style={{ borderLeft: `3px solid ${entry.status ? '#b7eb8f' : '#ffd591'}`, paddingLeft: 8 }}>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>
                    <Typography.Text strong>{i + 1}. </Typography.Text>
                    {sc.text}
                  </Typography.Paragraph>
                  <Flex wrap gap={4} style={{ marginBottom: 8 }}>
                    <Tag>Năm {sc.yearFound}</Tag>
                    <Tag>{SHORTCOMING_SOURCE_LABELS[sc.source]}</Tag>
                    {!sc.own ? <Tag color="purple">Của {sc.subjectName} (đơn vị trước hợp nhất)</Tag> : null}
                    {sc.lastStatus ? <Tag color="blue">Năm trước: {SHORTCOMING_STATUS_LABELS[sc.lastStatus]}</Tag> : null}
                    <Link to={PATHS.shortcomingHistory(sc.id)}>Quá trình khắc phục</Link>
                  </Flex>
                  {sc.remediation.length > 0 ? (
                    <div data-testid={`carry-remediation-${i + 1}`} style={{ marginBottom: 8 }}>
                      <Typography.Text type="secondary">Kế hoạch khắc phục năm {sc.remediation[0].reviewYear}:</Typography.Text>
                      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                        {sc.remediation.map((r) => (
                          <li key={r.itemId}>
                            {r.action} — {r.owner}, hạn {formatDate(r.deadline)}:{' '}
                            <Tag color={r.status === 'done' ? 'green' : r.status === 'in_progress' ? 'blue' : 'default'}>
                              {REMEDIATION_ITEM_STATUS_LABELS[r.status]}
                              {r.status === 'in_progress' ? ` ${r.progressPct}%` : ''}
                            </Tag>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  <Form.Item label="Kết quả khắc phục" required style={{ marginBottom: 8 }}>
                    <Choice<ShortcomingStatus>
                      ariaLabel={`Kết quả khắc phục hạn chế ${i + 1}`}
                      value={entry.status}
                      options={SHORTCOMING_STATUSES.map((k) => ({ value: k, label: SHORTCOMING_STATUS_LABELS[k] }))}
                      onChange={(v) => update({ status: v })}
                      readOnly={readOnly}
                    />
                  </Form.Item>
                  {entry.status && entry.status !== 'fixed' ? (
                    <Form.Item label="Nguyên nhân chưa khắc phục xong" style={{ marginBottom: 8 }}>
                      <Choice
                        ariaLabel={`Nguyên nhân của hạn chế ${i + 1}`}
                        value={entry.causeKind}
                        options={causeOptions}
                        onChange={(v) => update({ causeKind: v })}
                        readOnly={readOnly}
                      />
                    </Form.Item>
                  ) : null}
                  <Text
                    value={entry.note}
                    readOnly={readOnly}
                    onChange={(t) => update({ note: t })}
                    rows={1}
                    max={4000}
                    placeholder="Ghi rõ đã làm gì, mức độ, vướng mắc, trách nhiệm"
                  />
                </div>
              );
            })}
          </Flex>
        );
      case 'commitment':
        if (!view.prefill.commitment)
          return <Typography.Text type="secondary">Chưa có bản cam kết của năm {view.campaign.reviewYear}.</Typography.Text>;
        return (
          <Flex vertical gap={12}>
            {view.prefill.commitment.items.map((item, i) => {
              const entry = content.commitment.find((e) => e.itemId === item.id) ?? { itemId: item.id, result: null, note: '' };
              const update = (patch: Partial<typeof entry>) =>
                set(
                  'commitment',
                  withLine(
                    content.commitment,
                    (e) => e.itemId,
                    { ...entry, ...patch },
                    view.prefill.commitment!.items.map((x) => x.id),
                  ),
                );
              return (
                <div key={item.id}>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>
                    <Typography.Text strong>{i + 1}. </Typography.Text>
                    {item.text}
                  </Typography.Paragraph>
                  <Choice<CommitmentResult>
                    ariaLabel={`Kết quả cam kết ${i + 1}`}
                    value={entry.result}
                    options={(Object.keys(COMMITMENT_RESULTS) as CommitmentResult[]).map((k) => ({
                      value: k,
                      label: COMMITMENT_RESULTS[k],
                    }))}
                    onChange={(v) => update({ result: v })}
                    readOnly={readOnly}
                  />
                  <div style={{ marginTop: 8 }}>
                    <Text
                      value={entry.note}
                      readOnly={readOnly}
                      onChange={(t) => update({ note: t })}
                      rows={1}
                      max={2000}
                      placeholder="Ghi chú (nếu có)"
                    />
                  </div>
                </div>
              );
            })}
          </Flex>
        );
      case 'manifestations':
        return (
          <Flex vertical gap={8}>
            {!readOnly ? (
              <Button
                size="small"
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  set(
                    'manifestations',
                    content.manifestations.map((m) => (m.present === null ? { ...m, present: false } : m)),
                  )
                }
              >
                Đánh dấu “Không” cho các mục chưa chọn
              </Button>
            ) : null}
            {view.prefill.manifestations.map((m) => {
              const entry = content.manifestations.find((e) => e.code === m.code) ?? { code: m.code, present: null, note: '' };
              const update = (patch: Partial<typeof entry>) =>
                set(
                  'manifestations',
                  content.manifestations.map((e) => (e.code === m.code ? { ...e, ...patch } : e)),
                );
              return (
                <div key={m.code} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
                  <Typography.Text>
                    <Typography.Text strong>{m.code}. </Typography.Text>
                    {m.text}
                  </Typography.Text>
                  <Flex wrap gap={8} align="center" style={{ marginTop: 4 }}>
                    <Choice<'yes' | 'no'>
                      ariaLabel={`Biểu hiện ${m.code}`}
                      value={entry.present === null ? null : entry.present ? 'yes' : 'no'}
                      options={[
                        { value: 'no', label: 'Không' },
                        { value: 'yes', label: 'Có' },
                      ]}
                      onChange={(v) => update({ present: v === 'yes' })}
                      readOnly={readOnly}
                    />
                  </Flex>
                  {entry.present ? (
                    <div style={{ marginTop: 8 }}>
                      <Text
                        value={entry.note}
                        readOnly={readOnly}
                        onChange={(t) => update({ note: t })}
                        rows={1}
                        max={2000}
                        placeholder="Nêu rõ biểu hiện và hướng khắc phục"
                      />
                    </div>
                  ) : null}
                </div>
              );
            })}
          </Flex>
        );
      case 'political_tasks':
        if (view.prefill.politicalTasks.length === 0)
          return <Typography.Text type="secondary">Đợt kiểm điểm không nêu nhiệm vụ chính trị trọng tâm riêng.</Typography.Text>;
        return view.prefill.politicalTasks.map((t, i) => {
          const entry = content.politicalTasks.find((e) => e.taskKey === t.key) ?? { taskKey: t.key, text: '', grade: null };
          const update = (patch: Partial<typeof entry>) =>
            set(
              'politicalTasks',
              content.politicalTasks.map((e) => (e.taskKey === t.key ? { ...e, ...patch } : e)),
            );
          return (
            <div key={t.key}>
              <Text label={`${i + 1}. ${t.label}`} value={entry.text} readOnly={readOnly} onChange={(x) => update({ text: x })} rows={2} />
              {s.graded ? gradeSelect(entry.grade, (g) => update({ grade: g as typeof entry.grade }), t.label) : null}
            </div>
          );
        });
      case 'suggestion_answers':
        if (view.prefill.suggestionItems.length === 0)
          return <Typography.Text type="secondary">Không có vấn đề nào được gợi ý kiểm điểm.</Typography.Text>;
        return view.prefill.suggestionItems.map((item, i) => {
          const entry = content.suggestionAnswers.find((e) => e.itemId === item.id) ?? { itemId: item.id, answer: '' };
          const empty = entry.answer.trim() === '';
          return (
            <Text
              key={item.id}
              label={`${i + 1}. ${item.text}`}
              required
              status={empty && flagged?.has(item.id) ? 'error' : empty ? 'warning' : undefined}
              value={entry.answer}
              readOnly={readOnly}
              onChange={(t) =>
                set(
                  'suggestionAnswers',
                  content.suggestionAnswers.map((e) => (e.itemId === item.id ? { ...e, answer: t } : e)),
                )
              }
              rows={3}
              placeholder="Giải trình: nguyên nhân, trách nhiệm, hướng khắc phục"
            />
          );
        });
      case 'responsibility':
        return <Text value={content.responsibility} readOnly={readOnly} onChange={(t) => set('responsibility', t)} rows={3} />;
      case 'directions':
        return <Text value={content.directions} readOnly={readOnly} onChange={(t) => set('directions', t)} rows={3} />;
      case 'example_setting':
        return <Text value={content.exampleSetting} readOnly={readOnly} onChange={(t) => set('exampleSetting', t)} rows={3} />;
      case 'scores': {
        const general = view.scoring.points?.general ?? 30;
        const tasks = view.scoring.points?.tasks ?? 70;
        const total =
          content.scores.general !== null && content.scores.tasks !== null ? content.scores.general + content.scores.tasks : null;
        const score = (which: 'general' | 'tasks', max: number, label: string) => (
          <Form.Item label={label} required style={{ marginBottom: 12 }}>
            <InputNumber
              aria-label={label}
              min={0}
              max={max}
              step={0.5}
              value={content.scores[which]}
              onChange={(v) => set('scores', { ...content.scores, [which]: v === null || v === undefined ? null : Number(v) })}
              disabled={readOnly}
              suffix={`/${max}`}
              style={{ width: '100%', maxWidth: 200 }}
            />
          </Form.Item>
        );
        return (
          <>
            {s.criteria.map((c) => (
              <Typography.Paragraph key={c.key} type="secondary" style={{ marginBottom: 4 }}>
                {c.label}
              </Typography.Paragraph>
            ))}
            {score('general', general, 'Nhóm I – Tiêu chí chung')}
            {score('tasks', tasks, 'Nhóm II – Kết quả thực hiện nhiệm vụ')}
            <Typography.Text strong>
              Tổng: {total === null ? '…' : total}/{general + tasks}
            </Typography.Text>
          </>
        );
      }
      case 'self_level':
        return (
          <>
            <Form.Item
              label={view.subject.kind === 'member' ? 'Là đảng viên, tự nhận mức' : 'Tự nhận mức xếp loại'}
              required
              style={{ marginBottom: 12 }}
            >
              <Radio.Group
                aria-label="Tự nhận mức xếp loại"
                value={content.selfLevel}
                onChange={(e) => set('selfLevel', e.target.value as Level)}
                disabled={readOnly}
                style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                options={levelOptions}
              />
            </Form.Item>
            {view.subject.kind === 'member' && /công chức/.test(s.title) ? (
              <Form.Item label="Là cán bộ, công chức, viên chức, tự nhận mức (nếu có)" style={{ marginBottom: 12 }}>
                <Select
                  aria-label="Mức tự nhận là cán bộ, công chức, viên chức"
                  value={content.civilServiceSelfLevel}
                  onChange={(v) => set('civilServiceSelfLevel', (v ?? null) as Level | null)}
                  allowClear
                  disabled={readOnly}
                  options={levelOptions}
                  style={{ width: '100%' }}
                  placeholder="Không áp dụng"
                />
              </Form.Item>
            ) : null}
            {!view.subject.classified ? (
              <Typography.Text type="warning">Đảng viên này được kiểm điểm nhưng không xếp loại trong năm nay.</Typography.Text>
            ) : null}
          </>
        );
      default:
        return null;
    }
  }

  return (
    <Form layout="vertical" component="div" disabled={false}>
      <Collapse
        defaultActiveKey={sections.map((s) => s.key)}
        items={sections.map((s) => {
          const left = missing[s.key] ?? 0;
          return {
            key: s.key,
            label: <Typography.Text strong>{sectionLabel(s)}</Typography.Text>,
            extra: !readOnly && left > 0 ? <Tag color="orange">Còn {left} mục</Tag> : null,
            children: body(s),
          };
        })}
      />
    </Form>
  );
}

/** The lines with `line` in place of the one of the same key (or added), kept in the order of the pre-filled items. */
function withLine<T>(lines: readonly T[], keyOf: (t: T) => string, line: T, order: readonly string[]): T[] {
  const key = keyOf(line);
  const rank = new Map(order.map((k, i) => [k, i]));
  return [...lines.filter((e) => keyOf(e) !== key), line].sort(
    (a, b) => (rank.get(keyOf(a)) ?? order.length) - (rank.get(keyOf(b)) ?? order.length),
  );
}
