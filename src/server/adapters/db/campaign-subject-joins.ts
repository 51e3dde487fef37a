// The joins from a campaign's population to what was written about each subject, written once:
// a campaign member (`cm`, keyed by member_id) or a campaign unit (`cu`, keyed by unit_id) to its
// review of the year and to its live classification (the one not annulled: a complaint's re-rating
// annuls the earlier row and writes a new one, design §3 Classification). Every query that shows a
// subject's review status or level joins them the same way, so one changed rule changes them all.
import { sql, type JoinBuilder } from 'kysely';

/** Where the subject comes from: a campaign member row or a campaign unit row. */
type SubjectSource = 'cm' | 'cu';

const subjectKeyOf = (from: SubjectSource) => (from === 'cm' ? 'cm.member_id' : 'cu.unit_id');

function onSubject<DB, TB extends keyof DB>(j: JoinBuilder<DB, TB>, alias: string, kind: string, from: SubjectSource): JoinBuilder<DB, TB> {
  return j
    .on(sql.ref(`${alias}.campaign_id`), '=', sql.ref(`${from}.campaign_id`))
    .on(sql.ref(`${alias}.subject_kind`), '=', kind)
    .on(sql.ref(`${alias}.subject_key`), '=', sql.ref(subjectKeyOf(from)));
}

/**
 * `leftJoin('classifications as c', liveClassification('c', 'member', 'cm'))`: the subject's live
 * classification, whatever its status (callers that show levels filter on the status themselves).
 */
export function liveClassification(alias: string, kind: 'member' | 'unit' | 'leadership', from: SubjectSource) {
  return <DB, TB extends keyof DB>(j: JoinBuilder<DB, TB>): JoinBuilder<DB, TB> =>
    onSubject(j, alias, kind, from).on(sql.ref(`${alias}.annulled_at`), 'is', null);
}

/** `leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))`: the subject's review of the campaign. */
export function subjectReview(alias: string, kind: 'member' | 'collective' | 'leadership', from: SubjectSource) {
  return <DB, TB extends keyof DB>(j: JoinBuilder<DB, TB>): JoinBuilder<DB, TB> => onSubject(j, alias, kind, from);
}
