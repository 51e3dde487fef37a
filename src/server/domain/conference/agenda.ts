// The agenda of a review meeting (issue 4 item 1: "the collective first, then individuals, the head
// first"). Pure: the use case hands in the unit and the members reviewed there; this file decides
// the order and which item is under review now.
import type { ClassificationSubject } from '../../../shared/campaign-vocabulary.js';
import { nfc } from '../../../shared/text.js';

/** Where the order comes from, for the page and the refusals. */
export const AGENDA_ORDER_SOURCE =
  'Thứ tự kiểm điểm: tập thể trước, cá nhân sau; người đứng đầu trước, rồi đến cấp phó và các đảng viên (QĐ 366-QĐ/TW Điều 7 khoản 3; QĐ 124-QĐ/TW Điều 11).';

export interface AgendaMember {
  memberId: string;
  fullName: string;
  /** members.is_head: the head of the unit (bí thư). */
  isHead: boolean;
  partyPosts: string | null;
  /** members.sort_key: the roster order (given name, then family and middle names). */
  sortKey: string;
}

export interface AgendaInput {
  unitId: string;
  unitName: string;
  /** The rule set reviews the leadership collective on its own (QĐ 124 on, regulations §1.2). */
  includeLeadership: boolean;
  members: readonly AgendaMember[];
}

export interface PlannedAgendaItem {
  position: number;
  subjectKind: ClassificationSubject;
  subjectKey: string;
  memberId: string | null;
  label: string;
}

/** A deputy holds a post whose title says "Phó" (phó bí thư, phó chủ tịch …). */
export function isDeputy(partyPosts: string | null): boolean {
  return partyPosts !== null && nfc(partyPosts).toLocaleLowerCase('vi').includes('phó');
}

/** 0 = the head, 1 = deputies, 2 = the other members (regulations §9b "Order of review at the meeting"). */
export function memberRank(m: Pick<AgendaMember, 'isHead' | 'partyPosts'>): number {
  if (m.isHead) return 0;
  if (isDeputy(m.partyPosts)) return 1;
  return 2;
}

/** Sort keys are byte-comparable (design §3, Member): compare them as code units, never by locale. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function memberLabel(m: Pick<AgendaMember, 'fullName' | 'partyPosts'>): string {
  return m.partyPosts?.trim() ? `Đồng chí ${m.fullName} (${m.partyPosts.trim()})` : `Đồng chí ${m.fullName}`;
}

/**
 * The collective, the leadership collective where the rule set reviews one, then the head, the
 * deputies and the other members in roster order (QĐ 366 Đ7 k3; regulations §9b).
 */
export function planAgenda(input: AgendaInput): PlannedAgendaItem[] {
  const items: Omit<PlannedAgendaItem, 'position'>[] = [
    { subjectKind: 'unit', subjectKey: input.unitId, memberId: null, label: `Tập thể ${input.unitName}` },
  ];
  if (input.includeLeadership) {
    items.push({
      subjectKind: 'leadership',
      subjectKey: input.unitId,
      memberId: null,
      label: `Tập thể lãnh đạo, quản lý – ${input.unitName}`,
    });
  }
  const seen = new Set<string>();
  const members = input.members.filter((m) => (seen.has(m.memberId) ? false : (seen.add(m.memberId), true)));
  members.sort((a, b) => memberRank(a) - memberRank(b) || byCodeUnits(a.sortKey, b.sortKey) || byCodeUnits(a.memberId, b.memberId));
  for (const m of members) items.push({ subjectKind: 'member', subjectKey: m.memberId, memberId: m.memberId, label: memberLabel(m) });
  return items.map((it, i) => ({ ...it, position: i + 1 }));
}

export interface AgendaState {
  id: string;
  position: number;
  subjectKind: string;
  subjectKey: string;
  label: string;
  status: 'pending' | 'done';
}

/** The item under review now: the first one not done (none when all are done). */
export function currentItem<T extends AgendaState>(items: readonly T[]): T | undefined {
  return [...items].sort((a, b) => a.position - b.position).find((i) => i.status !== 'done');
}

/**
 * Entries and tallies about a subject are recorded once its turn has come: its item is done or is
 * the current one. Earlier subjects stay open for corrections until the meeting closes; later ones
 * wait their turn, so the minutes follow the order the meeting kept (QĐ 366 Điều 7 khoản 3; how
 * strictly the minutes follow it is a Tự soi default).
 */
export function isReached(items: readonly AgendaState[], item: AgendaState): boolean {
  if (item.status === 'done') return true;
  return currentItem(items)?.id === item.id;
}

export type CompleteOutcome<T extends AgendaState> = { ok: true; already: boolean } | { ok: false; blocking: T };

/**
 * An item may be marked done only when every earlier item is done (issue 4 item 1: the order is
 * enforced; QĐ 366 Điều 7 khoản 3, regulations §9b: collective, head, deputies, members).
 */
export function checkComplete<T extends AgendaState>(items: readonly T[], item: T): CompleteOutcome<T> {
  if (item.status === 'done') return { ok: true, already: true };
  const blocking = [...items].sort((a, b) => a.position - b.position).find((i) => i.position < item.position && i.status !== 'done');
  return blocking ? { ok: false, blocking } : { ok: true, already: false };
}

/** Vietnamese refusal for completing out of order. */
export function outOfOrderMessage(item: Pick<AgendaState, 'label'>, blocking: Pick<AgendaState, 'label' | 'position'>): string {
  return `Chưa thể kết thúc phần kiểm điểm «${item.label}»: phần «${blocking.label}» (thứ tự ${blocking.position}) chưa xong. ${AGENDA_ORDER_SOURCE}`;
}

/** Vietnamese refusal for recording about a subject whose turn has not come. */
export function notReachedMessage(item: Pick<AgendaState, 'label'>, current: Pick<AgendaState, 'label'> | undefined): string {
  const now = current ? ` Hội nghị đang kiểm điểm «${current.label}».` : '';
  return `Chưa đến phần kiểm điểm «${item.label}»; nội dung về đối tượng này được ghi khi đến lượt.${now} ${AGENDA_ORDER_SOURCE}`;
}
