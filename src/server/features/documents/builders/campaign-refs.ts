// Pieces the letters and reports of a campaign share (suggestion letter, collective report,
// individual review, appraisal findings): how the running text names the campaign's plan and the
// bodies that act, and the dotted line left for the hand where Tự soi holds nothing (issue 5 item
// 1: "where data is missing, leave a dotted line, never invent facts").
import type { DocBlock } from '../../../../shared/contracts/documents.js';
import type { CampaignRow } from '../../../adapters/db/schema.js';
import { issuingBodyName } from '../../../domain/documents/party-format.js';
import type { Tx } from '../../context.js';
import { dmy, type Issuer } from '../document-kit.js';

/** A dotted line that fits one line of body text (HD 36: A4, 14 pt, 165 mm of text). */
export const DOTS = '…'.repeat(28);
/** A shorter one, for a value after a label or inside a half-width signature column. */
export const SHORT_DOTS = '…'.repeat(12);

export const dottedLine = (): DocBlock => ({ type: 'paragraph', runs: [{ text: DOTS }], indent: false });

/** Free text as typed, or a dotted line when nothing was written. */
export function orDots(blocks: DocBlock[]): DocBlock[] {
  return blocks.length > 0 ? blocks : [dottedLine()];
}

/**
 * The collective that acts for a unit in running text: a committee's Standing Committee ("Ban
 * Thường vụ Thành ủy Hà Tĩnh"), else the unit's committee or the chi bộ itself ("Đảng ủy phường
 * Nam Hà", "Chi bộ khối phố 1"), as the signature blocks of document-kit's collectiveSignature.
 */
export function actingBody(unit: { name: string; kind: string }): string {
  const body = issuingBodyName(unit.name);
  return unit.kind === 'committee' ? `Ban Thường vụ ${body}` : body;
}

export const actingBodyOf = (issuer: Issuer): string => actingBody(issuer.unit);

/**
 * "Kế hoạch số 1-KH/TU ngày 05/11/2024 của Ban Thường vụ Thành ủy Hà Tĩnh" when the campaign's
 * plan was issued through the register, else the plan without a number (the number is not
 * invented). Only the number and date of the plan are read: the plan is addressed to every unit
 * of the campaign.
 */
export async function planReference(db: Tx, campaign: CampaignRow): Promise<string> {
  const [owner, issued] = await Promise.all([
    db.selectFrom('org_units').select(['name', 'kind']).where('id', '=', campaign.owner_unit_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('documents')
      .select(['number_text', 'issued_on'])
      .where('campaign_id', '=', campaign.id)
      .where('kind', '=', 'campaign_plan')
      .orderBy('issued_on', 'desc')
      .orderBy('number', 'desc')
      .executeTakeFirst(),
  ]);
  const number = issued ? ` số ${issued.number_text.replace(/^Số:?\s*/u, '')} ngày ${dmy(issued.issued_on)}` : '';
  return `Kế hoạch${number} của ${actingBody(owner)}`;
}

/** The Organization Board of a committee ("Ban Tổ chức Thành ủy Hà Tĩnh"); below the committee level the committee itself. */
export function organizationBoard(unit: { name: string; kind: string }): string {
  const body = issuingBodyName(unit.name);
  return unit.kind === 'committee' ? `Ban Tổ chức ${body}` : body;
}
