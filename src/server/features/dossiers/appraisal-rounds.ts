// Appraisal rounds (design §3, Appraisal: "appraisal rounds with findings, verdict cleared /
// returned with reasons"), one `appraisals` row per round; findings_json holds the findings per
// section. The directors' notes on the dossier (design §2: director "R, comment") are kept in one
// extra row of round 0, status 'notes', outside the numbered rounds, so they stay with the dossier
// whatever its stage.
import { z } from 'zod';
import { DOSSIER_SECTIONS, type Finding } from '../../../shared/contracts/dossiers.js';
import { newId } from '../../adapters/clock.js';
import type { AppraisalTable } from '../../adapters/db/schema.js';
import type { Tx } from '../context.js';

export const NOTES_ROUND = 0;
export const NOTES_STATUS = 'notes';

const storedFinding = z.object({ section: z.enum(DOSSIER_SECTIONS), text: z.string() });
const storedNote = z.object({
  section: z.enum(DOSSIER_SECTIONS).nullable(),
  text: z.string(),
  authorId: z.string().nullable(),
  at: z.string(),
});
export type StoredNote = z.infer<typeof storedNote>;

export function parseFindings(json: string): Finding[] {
  const parsed = storedFinding.array().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

export function parseNotes(json: string): StoredNote[] {
  const parsed = storedNote.array().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

/** An appraisal round as read for its dossier (the dossier's id left out). */
export type AppraisalRow = Omit<AppraisalTable, 'campaign_unit_id'>;

export async function openRound(tx: Tx, campaignUnitId: string): Promise<AppraisalRow | undefined> {
  return tx
    .selectFrom('appraisals')
    .select(['id', 'round', 'status', 'findings_json', 'reason', 'appraiser_id', 'started_at', 'decided_at'])
    .where('campaign_unit_id', '=', campaignUnitId)
    .where('status', '=', 'open')
    .orderBy('round', 'desc')
    .executeTakeFirst();
}

export async function insertRound(
  tx: Tx,
  input: {
    campaignUnitId: string;
    round: number;
    status: 'open' | 'cleared' | 'returned';
    findings: Finding[];
    reason: string | null;
    appraiserId: string | null;
    at: string;
  },
): Promise<string> {
  const id = newId();
  await tx
    .insertInto('appraisals')
    .values({
      id,
      campaign_unit_id: input.campaignUnitId,
      round: input.round,
      status: input.status,
      findings_json: JSON.stringify(input.findings),
      reason: input.reason,
      appraiser_id: input.appraiserId,
      started_at: input.at,
      decided_at: input.status === 'open' ? null : input.at,
    })
    .execute();
  return id;
}

/** Closes the open round with its verdict; the findings given replace the draft, none keeps it. */
export async function closeRound(
  tx: Tx,
  row: AppraisalRow,
  input: { status: 'cleared' | 'returned'; findings: Finding[] | undefined; reason: string | null; appraiserId: string; at: string },
): Promise<Finding[]> {
  const findings = input.findings && input.findings.length > 0 ? input.findings : parseFindings(row.findings_json);
  await tx
    .updateTable('appraisals')
    .set({
      status: input.status,
      findings_json: JSON.stringify(findings),
      reason: input.reason,
      appraiser_id: input.appraiserId,
      decided_at: input.at,
    })
    .where('id', '=', row.id)
    .where('status', '=', 'open')
    .execute();
  return findings;
}
