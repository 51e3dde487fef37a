// How the conference pages name things: subjects by their agenda label, levels by the review year's
// names, statuses with their colours. Pure.
import type { ConferenceStatus, Level } from '../../../shared/campaign-vocabulary.js';
import type { ConferenceView } from '../../../shared/contracts/conferences.js';

export const CONFERENCE_STATUS_COLORS: Record<ConferenceStatus, string> = {
  scheduled: 'blue',
  in_progress: 'gold',
  closed: 'green',
};

export function subjectLabel(c: Pick<ConferenceView, 'agenda' | 'unitName'>, kind: string | null, key: string | null): string {
  if (kind === null || key === null) return 'Chung';
  return c.agenda.find((a) => a.subjectKind === kind && a.subjectKey === key)?.label ?? c.unitName;
}

export function levelName(c: Pick<ConferenceView, 'levels'>, level: Level | null): string {
  if (level === null) return 'chưa xác định (không mức nào quá nửa số phiếu hợp lệ)';
  const def = c.levels.find((l) => l.level === level);
  return def ? `${def.label} (${def.short})` : level;
}

/** Suggested points a subject answers: a unit's serve its collective and its leadership collective. */
export function suggestionsFor(c: Pick<ConferenceView, 'suggestionItems'>, kind: string | null, key: string | null) {
  if (kind === null || key === null) return [];
  const target = kind === 'member' ? 'member' : 'unit';
  return c.suggestionItems.filter((s) => s.subjectKind === target && s.subjectKey === key);
}

export const OFFLINE_MESSAGE = 'Mất kết nối — nội dung vẫn được lưu trên máy này và sẽ tự gửi khi có mạng';

export const TALLY_RULE =
  'Mức đề xuất: mức cao nhất mà số phiếu từ mức đó trở lên quá nửa số phiếu hợp lệ (mặc định của Tự soi khi văn bản chưa quy định).';
