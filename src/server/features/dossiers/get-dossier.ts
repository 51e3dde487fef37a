// A unit's dossier as its readers see it (design §2, row "Collective reports, dossiers, appraisal"):
// stage, the reports and the key leaders' reviews with their status, attachments, the appraisal
// rounds with their findings, the directors' notes, the conference once scheduled, the assigned
// directors, and the caller's abilities (design §4: the UI shows only allowed actions).
import { UNIT_STAGE_LABELS, type AssignmentDuty } from '../../../shared/campaign-vocabulary.js';
import {
  APPRAISAL_STATUS_LABELS,
  DOSSIER_SECTION_LABELS,
  conferenceGateMessage,
  type AppraisalStatus,
  type DossierView,
} from '../../../shared/contracts/dossiers.js';
import { listAttachments } from '../../adapters/db/attachments.repository.js';
import { canAppraise, canCommentDossier, canReadMemberReview, canWriteDossier } from '../../domain/campaign-policy.js';
import { pathIds } from '../../domain/org-tree.js';
import { availableActions, UNIT_TRANSITIONS } from '../../domain/workflow.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { NOTES_ROUND, parseFindings, parseNotes } from './appraisal-rounds.js';
import { dossierContents } from './dossier-contents.js';
import { loadDossier, type DossierRow } from './dossier-access.js';

/** Stages at which the unit committee still adds or removes files of its dossier. */
export const EDITABLE_STAGES: readonly string[] = ['planned', 'drafting', 'returned'];

/** Names to show for accounts: the member's name when the account is a member's, else its display name. */
export async function accountNames(db: Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .select(['a.id', 'a.display_name', 'm.full_name'])
    .where('a.id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name ?? r.display_name]));
}

export async function getDossier(ctx: AppContext, caller: Caller, campaignId: string, unitId: string): Promise<DossierView> {
  const { campaign, caller: cc, dossier, roles } = await loadDossier(ctx.db, caller, campaignId, unitId);
  const db = ctx.db;
  const open = campaign.status === 'open';
  const appraiser = canAppraise(cc, dossier.unit_path);

  const [contents, appraisals, attachments, conference, assignments] = await Promise.all([
    dossierContents(db, campaign, dossier),
    db
      .selectFrom('appraisals')
      .select(['round', 'status', 'findings_json', 'reason', 'appraiser_id', 'started_at', 'decided_at'])
      .where('campaign_unit_id', '=', dossier.id)
      .orderBy('round')
      .execute(),
    listAttachments(db, 'dossier', [dossier.id]),
    db
      .selectFrom('conferences')
      .select(['id', 'scheduled_for', 'place', 'status'])
      .where('campaign_unit_id', '=', dossier.id)
      .where('status', '!=', 'cancelled')
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),
    // Directors of the unit, or of a unit above it in the campaign (design §2: director of assigned units).
    db
      .selectFrom('assignments')
      .select(['account_id', 'duty'])
      .where('campaign_id', '=', campaign.id)
      .where('unit_id', 'in', pathIds(dossier.unit_path))
      .orderBy('created_at')
      .execute(),
  ]);

  const notes = appraisals.filter((a) => a.round === NOTES_ROUND).flatMap((a) => parseNotes(a.findings_json));
  const rounds = appraisals.filter((a) => a.round !== NOTES_ROUND);
  const names = await accountNames(db, [
    ...rounds.map((r) => r.appraiser_id),
    ...notes.map((n) => n.authorId),
    ...assignments.map((a) => a.account_id),
  ]);

  const directors = new Map<string, AssignmentDuty[]>();
  for (const a of assignments) {
    const duties = directors.get(a.account_id) ?? [];
    if (!duties.includes(a.duty as AssignmentDuty)) duties.push(a.duty as AssignmentDuty);
    directors.set(a.account_id, duties);
  }

  const needsAppraisal = dossier.needs_appraisal === 1;
  return {
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    reviewYear: campaign.review_year,
    campaignUnitId: dossier.id,
    unitId: dossier.unit_id,
    unitName: dossier.unit_name,
    unitCode: dossier.unit_code,
    unitKind: dossier.unit_kind,
    stage: dossier.stage,
    stageLabel: UNIT_STAGE_LABELS[dossier.stage],
    stageChangedAt: dossier.stage_changed_at,
    stageReason: dossier.stage_reason,
    needsAppraisal,
    appraisalRound: dossier.appraisal_round,
    submittedAt: dossier.submitted_at,
    clearedAt: dossier.cleared_at,
    version: dossier.version,
    reports: contents.reports,
    keyLeaders: contents.keyLeaders.map((l) => ({
      memberId: l.memberId,
      fullName: l.fullName,
      unitName: l.unitName,
      partyPosts: l.partyPosts,
      status: l.status,
      statusLabel: l.statusLabel,
      complete: l.complete,
      canOpen: canReadMemberReview(cc, { unitPath: l.unitPath, memberId: l.memberId, isKeyLeader: true }),
    })),
    missing: contents.missing,
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, size: a.size, createdAt: a.createdAt, createdByName: a.createdByName })),
    rounds: rounds.map((r) => {
      const status = r.status as AppraisalStatus;
      // An open round's findings are the Board's draft until its verdict.
      const findings = status === 'open' && !appraiser ? [] : parseFindings(r.findings_json);
      return {
        round: r.round,
        status,
        statusLabel: APPRAISAL_STATUS_LABELS[status] ?? r.status,
        findings: findings.map((f) => ({ ...f, sectionLabel: DOSSIER_SECTION_LABELS[f.section] })),
        reason: r.reason,
        appraiserName: r.appraiser_id ? (names.get(r.appraiser_id) ?? null) : null,
        startedAt: r.started_at,
        decidedAt: r.decided_at,
      };
    }),
    comments: notes.map((n) => ({
      section: n.section,
      sectionLabel: n.section ? DOSSIER_SECTION_LABELS[n.section] : null,
      text: n.text,
      authorName: n.authorId ? (names.get(n.authorId) ?? null) : null,
      at: n.at,
    })),
    conference: conference
      ? { id: conference.id, scheduledFor: conference.scheduled_for, place: conference.place, status: conference.status }
      : null,
    directors: [...directors].map(([accountId, duties]) => ({ accountId, name: names.get(accountId) ?? '', duties })),
    gateMessage: conferenceGateMessage(dossier.stage, needsAppraisal),
    abilities: abilitiesOf(dossier, roles, {
      open,
      appraiser,
      comment: canCommentDossier(cc, dossier.unit_path),
      write: canWriteDossier(cc, dossier.unit_path),
    }),
  };
}

function abilitiesOf(
  dossier: DossierRow,
  roles: Parameters<typeof availableActions>[2],
  can: { open: boolean; appraiser: boolean; comment: boolean; write: boolean },
): DossierView['abilities'] {
  if (!can.open) return { actions: [], saveFindings: false, comment: false, attach: false, runsUnit: can.write };
  return {
    actions: availableActions(UNIT_TRANSITIONS, dossier.stage, roles, { needsAppraisal: dossier.needs_appraisal === 1 }),
    saveFindings: can.appraiser && dossier.stage === 'under_appraisal',
    comment: can.comment,
    attach: can.write && EDITABLE_STAGES.includes(dossier.stage),
    runsUnit: can.write,
  };
}
