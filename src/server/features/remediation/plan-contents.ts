// What a plan is made of, read in a few indexed queries: the subject's shortcomings it must address
// (those found in the review year, from every source — declared in the review, concluded by the
// conference, concluded by the deciding level — and the earlier ones still open, a merged unit's
// predecessors' too, regulations §11.8), its items with their progress updates and evidence, and
// whether the decision it waits for was taken.
import { sql } from 'kysely';
import type { CauseKind, RemediationItemStatus, ShortcomingSource } from '../../../shared/campaign-vocabulary.js';
import type { PlanShortcomingView, RemediationItemView } from '../../../shared/contracts/remediation.js';
import { listAttachments } from '../../adapters/db/attachments.repository.js';
import { lastStatuses, predecessorUnits } from '../../adapters/db/shortcomings.repository.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import { isOverdue, type DecisionFacts } from '../../domain/remediation-policy.js';
import type { Tx } from '../context.js';
import { reviewSubjectKindOf, type PlanSubject } from './remediation-access.js';

export async function planShortcomings(
  db: Tx,
  campaign: Pick<CampaignRow, 'review_year'>,
  subject: Pick<PlanSubject, 'kind' | 'key' | 'name' | 'unitId'>,
): Promise<PlanShortcomingView[]> {
  const year = campaign.review_year;
  const names = new Map<string, string>([[subject.key, subject.name]]);
  if (subject.kind !== 'member') for (const p of await predecessorUnits(db, subject.unitId)) names.set(p.id, p.name);
  const rows = await db
    .selectFrom('shortcomings')
    .select(['id', 'subject_key', 'text', 'year_found', 'source', 'cause_kind', 'cause'])
    .where('subject_kind', '=', subject.kind)
    .where('subject_key', 'in', [...names.keys()])
    .where((eb) =>
      eb.or([
        eb('year_found', '=', year),
        eb.and([
          eb('year_found', '<', year),
          // Still open after this year's review: never resolved, or resolved only by a later year.
          eb.or([eb('resolved_year', 'is', null), eb('resolved_year', '>', year)]),
        ]),
      ]),
    )
    .orderBy('year_found')
    // The review's own first, then what the conference and the deciding level added.
    .orderBy(sql`case source when 'declared' then 0 when 'concluded_conference' then 1 else 2 end`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const last = await lastStatuses(
    db,
    rows.map((r) => r.id),
    year,
  );
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    yearFound: r.year_found,
    source: r.source as ShortcomingSource,
    causeKind: (r.cause_kind as CauseKind | null) ?? null,
    cause: r.cause,
    earlier: r.year_found < year,
    lastStatus: last.get(r.id)?.status ?? null,
    own: r.subject_key === subject.key,
    subjectName: names.get(r.subject_key) ?? '',
  }));
}

export interface ItemRowLite {
  id: string;
  plan_id: string;
  shortcoming_id: string | null;
  position: number;
  action: string;
  owner: string;
  deadline: string;
  status: string;
  progress_pct: number;
  completed_at: string | null;
  version: number;
}

/** Items of some plans (by position), each with its updates (oldest first) and their evidence. */
export async function itemsOfPlans(db: Tx, planIds: readonly string[], businessDate: string): Promise<Map<string, RemediationItemView[]>> {
  if (planIds.length === 0) return new Map();
  const items = await db
    .selectFrom('remediation_items')
    .select([
      'id',
      'plan_id',
      'shortcoming_id',
      'position',
      'action',
      'owner',
      'deadline',
      'status',
      'progress_pct',
      'completed_at',
      'version',
    ])
    .where('plan_id', 'in', [...new Set(planIds)])
    .orderBy('plan_id')
    .orderBy('position')
    .execute();
  return groupItems(db, items, businessDate);
}

/** Items presented with their updates; used for a plan and for a shortcoming's history. */
export async function groupItems(db: Tx, items: readonly ItemRowLite[], businessDate: string): Promise<Map<string, RemediationItemView[]>> {
  const out = new Map<string, RemediationItemView[]>();
  if (items.length === 0) return out;
  const updates = await db
    .selectFrom('remediation_updates as ru')
    .leftJoin('accounts as a', 'a.id', 'ru.created_by')
    .select(['ru.id', 'ru.item_id', 'ru.note', 'ru.progress_pct', 'ru.status', 'ru.created_at', 'a.display_name'])
    .where(
      'ru.item_id',
      'in',
      items.map((i) => i.id),
    )
    .orderBy('ru.created_at')
    .orderBy('ru.id')
    .execute();
  const files = await listAttachments(
    db,
    'remediation_update',
    updates.map((u) => u.id),
  );
  const fileOf = new Map(files.map((f) => [f.ownerId, f]));
  const byItem = new Map<string, RemediationItemView['updates']>();
  for (const u of updates) {
    const f = fileOf.get(u.id);
    const list = byItem.get(u.item_id) ?? [];
    list.push({
      id: u.id,
      note: u.note,
      progressPct: u.progress_pct,
      status: u.status as RemediationItemStatus,
      createdAt: u.created_at,
      createdByName: u.display_name ?? null,
      evidence: f ? { id: f.id, name: f.name, size: f.size } : null,
    });
    byItem.set(u.item_id, list);
  }
  for (const i of items) {
    const list = out.get(i.plan_id) ?? [];
    list.push({
      id: i.id,
      shortcomingId: i.shortcoming_id,
      position: i.position,
      action: i.action,
      owner: i.owner,
      deadline: i.deadline,
      status: i.status as RemediationItemStatus,
      progressPct: i.progress_pct,
      completedAt: i.completed_at,
      overdue: isOverdue(i, businessDate),
      version: i.version,
      updates: byItem.get(i.id) ?? [],
    });
    out.set(i.plan_id, list);
  }
  return out;
}

/** What filing waits for: the subject's live classification, whether it is classified, its review finalized. */
export async function decisionFacts(db: Tx, campaignId: string, subject: PlanSubject): Promise<DecisionFacts> {
  const [classification, review] = await Promise.all([
    db
      .selectFrom('classifications')
      .select('status')
      .where('campaign_id', '=', campaignId)
      .where('subject_kind', '=', subject.kind)
      .where('subject_key', '=', subject.key)
      .where('annulled_at', 'is', null)
      .where('status', '<>', 'annulled')
      .executeTakeFirst(),
    db
      .selectFrom('reviews')
      .select('status')
      .where('campaign_id', '=', campaignId)
      .where('subject_kind', '=', reviewSubjectKindOf(subject.kind))
      .where('subject_key', '=', subject.key)
      .executeTakeFirst(),
  ]);
  return {
    classificationStatus: classification?.status ?? null,
    classified: subject.classified,
    reviewFinalized: review?.status === 'finalized',
  };
}
