// The unit's stage after the conference follows its classifications (design §3, "The unit's path
// through a campaign": conference_held → proposed → decided → published). A unit moves when every
// classifiable subject it holds — the members it reviews, its own collective and, where the rule set
// reviews one, its leadership collective — has reached the step; the move is the workflow table's
// (domain/workflow.ts UNIT_TRANSITIONS), persisted with a version check and audited, in the
// transaction of the classification change that completed it. A unit at another stage (its
// conference not marked held yet, say) is left where it is: the classifications do not wait on it.
import type { UnitAction, UnitStage } from '../../../shared/campaign-vocabulary.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { actorRoles, type CampaignCaller } from '../../domain/campaign-policy.js';
import { transition, UNIT_TRANSITIONS } from '../../domain/workflow.js';
import type { Tx } from '../context.js';
import type { LoadedScope } from './load-subjects.js';
import { liveClassification } from '../../adapters/db/campaign-subject-joins.js';

const REACHED: Record<'propose' | 'decide' | 'publish', readonly string[]> = {
  propose: ['proposed', 'decided', 'published'],
  decide: ['decided', 'published'],
  publish: ['published'],
};

const FROM: Record<'propose' | 'decide' | 'publish', UnitStage> = {
  propose: 'conference_held',
  decide: 'proposed',
  publish: 'decided',
};

/** Units among `unitIds` all of whose classifiable subjects in the scope have reached the step. */
export function completeUnits(scope: LoadedScope, unitIds: Iterable<string>, action: 'propose' | 'decide' | 'publish'): string[] {
  const wanted = new Set(unitIds);
  const complete = new Map<string, boolean>();
  for (const id of wanted) complete.set(id, true);
  for (const m of scope.meta.values()) {
    if (!wanted.has(m.unitId) || !m.included || !m.classified) continue;
    if (!m.live || !REACHED[action].includes(m.live.status)) complete.set(m.unitId, false);
  }
  return [...complete].filter(([, ok]) => ok).map(([id]) => id);
}

/**
 * The same as completeUnits, read straight from the database for a few units (publication, which
 * does not load a scope): two grouped queries, one over the units' members and one over their
 * collectives and leadership collectives.
 */
export async function completeUnitsInDb(
  tx: Tx,
  input: { campaignId: string; unitIds: string[]; action: 'propose' | 'decide' | 'publish'; reviewsLeadership: boolean },
): Promise<string[]> {
  if (input.unitIds.length === 0) return [];
  const reached = [...REACHED[input.action]];
  const pending = new Set<string>();
  const members = await tx
    .selectFrom('campaign_members as cm')
    .leftJoin('classifications as c', liveClassification('c', 'member', 'cm'))
    .select('cm.unit_id')
    .distinct()
    .where('cm.campaign_id', '=', input.campaignId)
    .where('cm.unit_id', 'in', input.unitIds)
    .where('cm.included', '=', 1)
    .where('cm.classified', '=', 1)
    .where((eb) => eb.or([eb('c.id', 'is', null), eb('c.status', 'not in', reached)]))
    .execute();
  for (const m of members) pending.add(m.unit_id);
  const units = await tx
    .selectFrom('campaign_units as cu')
    .leftJoin('classifications as c', liveClassification('c', 'unit', 'cu'))
    .leftJoin('classifications as l', liveClassification('l', 'leadership', 'cu'))
    .select(['cu.unit_id', 'cu.is_grassroots', 'c.status as unit_status', 'l.status as leadership_status'])
    .where('cu.campaign_id', '=', input.campaignId)
    .where('cu.unit_id', 'in', input.unitIds)
    .execute();
  for (const u of units) {
    if (u.unit_status === null || !reached.includes(u.unit_status)) pending.add(u.unit_id);
    const leadership = input.reviewsLeadership && u.is_grassroots === 1;
    if (leadership && (u.leadership_status === null || !reached.includes(u.leadership_status))) pending.add(u.unit_id);
  }
  return input.unitIds.filter((id) => !pending.has(id));
}

/** Moves the units whose stage is the step's `from`; returns those moved. */
export async function advanceStages(
  tx: Tx,
  input: {
    campaignId: string;
    unitIds: string[];
    action: 'propose' | 'decide' | 'publish';
    caller: CampaignCaller;
    actorId: string;
    now: string;
  },
): Promise<string[]> {
  if (input.unitIds.length === 0) return [];
  const from = FROM[input.action];
  const rows = await tx
    .selectFrom('campaign_units')
    .select(['id', 'unit_id', 'unit_path', 'stage', 'version'])
    .where('campaign_id', '=', input.campaignId)
    .where('unit_id', 'in', input.unitIds)
    .where('stage', '=', from)
    .execute();
  const moved: string[] = [];
  for (const r of rows) {
    const outcome = transition(
      UNIT_TRANSITIONS,
      r.stage as UnitStage,
      input.action as UnitAction,
      actorRoles(input.caller, { unitPath: r.unit_path }),
    );
    if (!outcome.ok) continue;
    const res = await tx
      .updateTable('campaign_units')
      .set({ stage: outcome.to, stage_changed_at: input.now, stage_reason: null, version: r.version + 1, updated_at: input.now })
      .where('id', '=', r.id)
      .where('stage', '=', from)
      .where('version', '=', r.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) continue;
    await recordAudit(tx, {
      entityType: 'campaign_unit',
      entityId: r.id,
      action: `dossier.${input.action}`,
      actorId: input.actorId,
      scopePath: r.unit_path,
      at: input.now,
      before: { stage: from, version: r.version },
      after: { stage: outcome.to, version: r.version + 1, reason: null },
    });
    moved.push(r.unit_id);
  }
  return moved;
}
