// How the facts of the year and a commitment are shown (issue 3 item 5): Vietnamese labels, dates
// dd/mm/yyyy, one column on a phone.
import { Descriptions, Tag, Typography } from 'antd';
import { DISCIPLINE_FORM_LABELS, type DisciplineForm, type Level } from '../../../shared/campaign-vocabulary.js';
import { CIVIL_SERVICE_RATING_LABELS } from '../../../shared/contracts/member-year.js';
import { formatDate } from '../../format';
import type { CommitmentItem, Discipline, YearFacts } from './api';

export const ratingLabel = (r: string | null | undefined): string => (r ? (CIVIL_SERVICE_RATING_LABELS[r as Level] ?? r) : '');
export const formLabel = (f: string): string => DISCIPLINE_FORM_LABELS[f as DisciplineForm] ?? f;

const orDash = (v: string | number | null | undefined, suffix = '') => (v === null || v === undefined || v === '' ? '—' : `${v}${suffix}`);

/** "Khiển trách (15/02/2026, tự phát hiện, đã khắc phục)". */
export function disciplineText(d: Discipline): string {
  const marks = [formatDate(d.date)];
  if (d.selfDetected) marks.push('tự phát hiện');
  if (d.remedied) marks.push('đã khắc phục');
  if (d.dutyRelated) marks.push('liên quan thực thi nhiệm vụ');
  return `${formLabel(d.form)} (${marks.join(', ')})`;
}

export function DisciplineTags({ disciplines }: { disciplines: Discipline[] }) {
  if (disciplines.length === 0) return <Typography.Text type="secondary">Không</Typography.Text>;
  return (
    <>
      {disciplines.map((d, i) => (
        <Tag key={i} color="volcano" style={{ marginBottom: 4, whiteSpace: 'normal' }}>
          {disciplineText(d)}
        </Tag>
      ))}
    </>
  );
}

/** The facts of one year, as a description list (one column on a phone). */
export function FactsDescriptions({ facts }: { facts: YearFacts }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        {
          key: 'disciplines',
          label: 'Kỷ luật trong năm',
          span: 'filled',
          children:
            facts.disciplines.length === 0 ? (
              'Không'
            ) : (
              <div>
                {facts.disciplines.map((d, i) => (
                  <div key={i}>
                    {disciplineText(d)}
                    {d.reason ? <Typography.Text type="secondary">: {d.reason}</Typography.Text> : null}
                  </div>
                ))}
              </div>
            ),
        },
        { key: 'rating', label: 'Xếp loại công chức, viên chức', children: ratingLabel(facts.civilServiceRating) || '—' },
        { key: 'targets', label: 'Chỉ tiêu hoàn thành', children: orDash(facts.targetsCompletedPct, ' %') },
        { key: 'sick', label: 'Nghỉ ốm', children: orDash(facts.sickLeaveDays, ' ngày') },
        { key: 'maternity', label: 'Nghỉ thai sản', children: orDash(facts.maternityLeaveDays, ' ngày') },
        {
          key: 'degradation',
          label: 'Kết luận suy thoái',
          children: facts.degradationConcluded ? `Có${facts.degradationNote ? `: ${facts.degradationNote}` : ''}` : 'Không',
        },
        { key: 'confidence', label: 'Phiếu tín nhiệm thấp', children: orDash(facts.confidenceLowPct, ' %') },
        ...(facts.note ? [{ key: 'note', label: 'Ghi chú', children: facts.note }] : []),
      ]}
    />
  );
}

/** A commitment's items, numbered, text wrapping on a narrow screen. */
export function CommitmentItems({ items }: { items: CommitmentItem[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">Chưa có nội dung</Typography.Text>;
  return (
    <ol style={{ paddingInlineStart: 20, margin: 0 }}>
      {items.map((i) => (
        <li key={i.id} style={{ marginBottom: 4, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {i.text}
        </li>
      ))}
    </ol>
  );
}
