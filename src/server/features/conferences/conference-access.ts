// Opening a conference for a caller, shared by every conference use case (design §2, row
// "Conference, minutes, tallies"). A conference the caller may not read is "not found" — and so is
// its campaign — so nobody outside the committee's subtree learns that it exists.
import type { Selectable } from 'kysely';
import type { ConferenceStatus, UnitStage } from '../../../shared/campaign-vocabulary.js';
import { AppError } from '../../../shared/errors.js';
import { assertCampaignOpen, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import type { CampaignRow, ConferenceTable } from '../../adapters/db/schema.js';
import type { CampaignCaller } from '../../domain/campaign-policy.js';
import { conferenceAccess, type ConferenceAccess } from '../../domain/conference/conference-policy.js';
import { quorumPctFromConfig } from '../../domain/conference/quorum.js';
import { ruleSetById } from '../../domain/rule-sets/index.js';
import type { RuleSet } from '../../domain/rule-sets/types.js';
import type { Principal } from '../../domain/policy.js';
import type { ServerCaches, Tx } from '../context.js';

export type ConferenceRow = Selectable<ConferenceTable> & { status: ConferenceStatus | 'cancelled' };

export interface LoadedConference {
  campaign: CampaignRow;
  caller: CampaignCaller;
  ruleSet: RuleSet;
  conference: ConferenceRow;
  unit: { id: string; name: string; kind: string; path: string; isGrassroots: boolean };
  /** The unit's campaign row: its stage moves to conference_held when the meeting closes. */
  dossier: { id: string; stage: UnitStage; version: number };
  access: ConferenceAccess;
  /** The campaign's own quorum share, when its configuration sets one (else regulations §9b). */
  quorumPct: number | null;
}

export async function loadConference(db: Tx, principal: Principal, conferenceId: string, server?: ServerCaches): Promise<LoadedConference> {
  const conference = (await db.selectFrom('conferences').selectAll().where('id', '=', conferenceId).executeTakeFirst()) as
    ConferenceRow | undefined;
  // A conference called off when its dossier was reopened is no longer a meeting of the campaign.
  if (!conference || conference.status === 'cancelled') throw new AppError('conference.not_found');
  let access: Awaited<ReturnType<typeof loadCampaignAccess>>;
  try {
    access = await loadCampaignAccess(db, conference.campaign_id, principal, server);
  } catch (e) {
    if (e instanceof AppError && e.code === 'campaign.not_found') throw new AppError('conference.not_found');
    throw e;
  }
  const rights = conferenceAccess(access.caller, conference.scope_path);
  if (!rights.read) throw new AppError('conference.not_found');
  const ruleSet = ruleSetById(access.campaign.rule_set_id);
  if (!ruleSet) throw new AppError('rule_set.not_found');
  const [unit, dossier] = await Promise.all([
    db.selectFrom('org_units').select(['id', 'name', 'kind', 'path']).where('id', '=', conference.unit_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('campaign_units')
      .select(['id', 'stage', 'version', 'is_grassroots'])
      .where('id', '=', conference.campaign_unit_id)
      .executeTakeFirstOrThrow(),
  ]);
  let config: unknown = null;
  try {
    config = JSON.parse(access.campaign.config_json);
  } catch {
    config = null;
  }
  return {
    campaign: access.campaign,
    caller: access.caller,
    ruleSet,
    conference,
    unit: { ...unit, isGrassroots: dossier.is_grassroots === 1 },
    dossier: { id: dossier.id, stage: dossier.stage as UnitStage, version: dossier.version },
    access: rights,
    quorumPct: quorumPctFromConfig(config),
  };
}

/** The meeting's own writers: the unit committee and the chi bộ secretary (design §2: RW). */
export function assertWriter(lc: LoadedConference): void {
  if (!lc.access.write) throw new AppError('auth.forbidden');
  assertCampaignOpen(lc.campaign);
}

/** Entries, attendance, tallies and agenda steps are recorded while the meeting is in session. */
/**
 * Inside a write's transaction: takes the conference row (an UPDATE locks it on PostgreSQL; SQLite
 * has one writer) and checks the meeting is still in session, so an entry or a tally never lands on
 * a meeting that closed after the caller loaded it — closing updates the same row first.
 */
export async function lockInSession(tx: Tx, lc: LoadedConference, now: string): Promise<void> {
  const r = await tx
    .updateTable('conferences')
    .set({ updated_at: now })
    .where('id', '=', lc.conference.id)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    throw new AppError('conference.invalid_state', 'Hội nghị đã kết thúc; biên bản và kết quả biểu quyết không sửa được nữa.');
  }
}

export function assertInSession(lc: LoadedConference): void {
  const status = lc.conference.status;
  if (status === 'in_progress') return;
  if (status === 'scheduled') {
    throw new AppError('conference.invalid_state', 'Hội nghị chưa bắt đầu: hãy bấm «Bắt đầu hội nghị» trước khi ghi biên bản.');
  }
  throw new AppError('conference.invalid_state', 'Hội nghị đã kết thúc; biên bản và kết quả biểu quyết không sửa được nữa.');
}
