// Suggested points (gợi ý kiểm điểm, regulations §4; design §3, Suggestion): a suggestion and its
// items of text. Reviews read the issued items of their subject (issuedSuggestionItems) and must
// answer each one in section IV before they can be submitted (issue 3 item 4).
import { newId } from '../clock.js';
import type { Tx } from '../../features/context.js';
import type { SuggestionTable } from './schema.js';
import type { Selectable } from 'kysely';

export type SuggestionRow = Selectable<SuggestionTable>;

export type SuggestionSubject = { kind: 'unit'; unitId: string } | { kind: 'member'; memberId: string };

export interface SuggestionItemRow {
  id: string;
  suggestionId: string;
  position: number;
  text: string;
}

/**
 * The issued items addressed to a subject in a campaign, in order (suggestion by issue time, then
 * item position): what its review must answer. Drafts are never included.
 */
export async function issuedSuggestionItems(db: Tx, campaignId: string, subject: SuggestionSubject): Promise<SuggestionItemRow[]> {
  let q = db
    .selectFrom('suggestion_items as i')
    .innerJoin('suggestions as s', 's.id', 'i.suggestion_id')
    .select(['i.id', 'i.suggestion_id', 'i.position', 'i.text'])
    .where('s.campaign_id', '=', campaignId)
    .where('s.status', '=', 'issued');
  q =
    subject.kind === 'unit'
      ? q.where('s.target_kind', '=', 'unit').where('s.unit_id', '=', subject.unitId)
      : q.where('s.target_kind', '=', 'member').where('s.member_id', '=', subject.memberId);
  const rows = await q.orderBy('s.issued_at').orderBy('s.id').orderBy('i.position').execute();
  return rows.map((r) => ({ id: r.id, suggestionId: r.suggestion_id, position: r.position, text: r.text }));
}

export async function findSuggestion(db: Tx, id: string): Promise<SuggestionRow | undefined> {
  return db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Items of some suggestions, grouped by suggestion, in position order. */
export async function suggestionItemsOf(db: Tx, suggestionIds: readonly string[]): Promise<Map<string, SuggestionItemRow[]>> {
  const out = new Map<string, SuggestionItemRow[]>();
  if (suggestionIds.length === 0) return out;
  const ids = [...new Set(suggestionIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('suggestion_items')
      .select(['id', 'suggestion_id', 'position', 'text'])
      .where('suggestion_id', 'in', ids.slice(i, i + 500))
      .orderBy('suggestion_id')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const list = out.get(r.suggestion_id) ?? [];
      list.push({ id: r.id, suggestionId: r.suggestion_id, position: r.position, text: r.text });
      out.set(r.suggestion_id, list);
    }
  }
  return out;
}

/** Writes the items of a suggestion, replacing any earlier ones (drafts only: see the use cases). */
export async function replaceSuggestionItems(tx: Tx, suggestionId: string, items: readonly string[]): Promise<SuggestionItemRow[]> {
  await tx.deleteFrom('suggestion_items').where('suggestion_id', '=', suggestionId).execute();
  const rows = items.map((text, i) => ({ id: newId(), suggestion_id: suggestionId, position: i + 1, text }));
  if (rows.length) await tx.insertInto('suggestion_items').values(rows).execute();
  return rows.map((r) => ({ id: r.id, suggestionId, position: r.position, text: r.text }));
}

/**
 * Items already answered in the target's review (section IV "Giải trình những vấn đề được gợi ý
 * kiểm điểm", regulations §4): a unit answers in its collective report, a member in their
 * self-review. An answer is a non-blank text keyed by the item's id.
 */
export async function answeredItemIds(
  db: Tx,
  campaignId: string,
  targets: { unitIds: readonly string[]; memberIds: readonly string[] },
): Promise<Set<string>> {
  const answered = new Set<string>();
  const unitIds = [...new Set(targets.unitIds)];
  const memberIds = [...new Set(targets.memberIds)];
  if (unitIds.length === 0 && memberIds.length === 0) return answered;
  const rows = await db
    .selectFrom('reviews')
    .select(['content_json'])
    .where('campaign_id', '=', campaignId)
    .where((eb) =>
      eb.or([
        ...(unitIds.length ? [eb.and([eb('subject_kind', '=', 'collective'), eb('subject_key', 'in', unitIds)])] : []),
        ...(memberIds.length ? [eb.and([eb('subject_kind', '=', 'member'), eb('subject_key', 'in', memberIds)])] : []),
      ]),
    )
    .execute();
  for (const r of rows) {
    let content: unknown;
    try {
      content = JSON.parse(r.content_json);
    } catch {
      continue;
    }
    const answers = (content as { suggestionAnswers?: unknown } | null)?.suggestionAnswers;
    if (!Array.isArray(answers)) continue;
    for (const a of answers) {
      if (a && typeof a.itemId === 'string' && typeof a.answer === 'string' && a.answer.trim() !== '') answered.add(a.itemId);
    }
  }
  return answered;
}
