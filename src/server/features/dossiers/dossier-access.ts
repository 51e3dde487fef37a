// Finding a unit's dossier (its campaign_units row, design §3) for a caller, shared by the dossier
// use cases. Outside the caller's sight answers 404 everywhere: "not found" and "not allowed to
// see" alike reveal nothing of a committee to those outside it (design §2).
import { AppError } from '../../../shared/errors.js';
import { UNIT_STAGE_LABELS, type UnitAction, type UnitStage } from '../../../shared/campaign-vocabulary.js';
import { UNIT_ACTION_LABELS, conferenceGateMessage } from '../../../shared/contracts/dossiers.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import type { CampaignRow, CampaignUnitTable } from '../../adapters/db/schema.js';
import { actorRoles, canReadDossier, type CampaignCaller } from '../../domain/campaign-policy.js';
import type { Principal } from '../../domain/policy.js';
import type { ActorRole, TransitionOutcome } from '../../domain/workflow.js';
import type { Tx } from '../context.js';

/** The unit's campaign_units row (without its timestamps), with its stage typed and the unit's name and code. */
export interface DossierRow extends Omit<CampaignUnitTable, 'stage' | 'created_at' | 'updated_at'> {
  stage: UnitStage;
  unit_name: string;
  unit_code: string;
}

export interface LoadedDossier {
  campaign: CampaignRow;
  caller: CampaignCaller;
  dossier: DossierRow;
  /** The caller's roles over the unit (campaign-policy actorRoles). */
  roles: Set<ActorRole>;
}

export async function findDossierRow(db: Tx, campaignId: string, unitId: string): Promise<DossierRow | undefined> {
  const row = await db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select([
      'cu.id',
      'cu.campaign_id',
      'cu.unit_id',
      'cu.unit_path',
      'cu.unit_kind',
      'cu.is_grassroots',
      'cu.stage',
      'cu.needs_appraisal',
      'cu.appraisal_round',
      'cu.stage_changed_at',
      'cu.submitted_at',
      'cu.cleared_at',
      'cu.stage_reason',
      'cu.version',
      'u.name as unit_name',
      'u.code as unit_code',
    ])
    .where('cu.campaign_id', '=', campaignId)
    .where('cu.unit_id', '=', unitId)
    .executeTakeFirst();
  return row as DossierRow | undefined;
}

/** The dossier when the caller may read it (design §2, row "Collective reports, dossiers, appraisal"). */
export async function loadDossier(db: Tx, principal: Principal, campaignId: string, unitId: string): Promise<LoadedDossier> {
  const { campaign, caller } = await loadCampaignAccess(db, campaignId, principal);
  const dossier = await findDossierRow(db, campaignId, unitId);
  if (!dossier || !canReadDossier(caller, dossier.unit_path)) throw new AppError('dossier.not_found');
  return { campaign, caller, dossier, roles: actorRoles(caller, { unitPath: dossier.unit_path }) };
}

/** A refused step of the workflow, as the error the caller sees (codes of shared/errors.ts). */
export function refusal(
  problem: Extract<TransitionOutcome<UnitStage>, { ok: false }>['problem'],
  action: UnitAction,
  d: DossierRow,
): AppError {
  switch (problem) {
    case 'forbidden':
      return new AppError('auth.forbidden');
    case 'reason_required':
      return new AppError('workflow.reason_required', `Cần ghi rõ lý do để ${UNIT_ACTION_LABELS[action].toLowerCase()}.`);
    case 'not_cleared':
      return new AppError(
        'conference.dossier_not_cleared',
        conferenceGateMessage(d.stage, d.needs_appraisal === 1) ??
          'Chưa thể lên lịch hội nghị kiểm điểm: hồ sơ chưa được thẩm định đạt yêu cầu.',
      );
    default:
      return new AppError(
        'dossier.invalid_transition',
        `Không thể ${UNIT_ACTION_LABELS[action].toLowerCase()} khi hồ sơ đang ở giai đoạn «${UNIT_STAGE_LABELS[d.stage]}».`,
      );
  }
}

/** Where a notice about the dossier leads in the browser app (web PATHS.dossier). */
export function dossierLink(campaignId: string, unitId: string): string {
  return `/kiem-diem/${campaignId}/don-vi/${unitId}`;
}
