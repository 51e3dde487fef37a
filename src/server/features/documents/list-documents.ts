// The document register (sổ văn bản, issue 5 item 1): what was issued, by whom and under which
// number, scoped in SQL to the subtrees whose documents the caller reads (design §2).
import type { RegisterEntry } from '../../../shared/contracts/documents.js';
import type { DocumentRow } from '../../adapters/db/schema.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import { documentReadPaths } from '../../domain/documents/document-policy.js';
import type { AppContext, Caller } from '../context.js';
import type { DocumentKind } from '../../../shared/contracts/documents.js';

export function presentRegisterEntry(r: Omit<DocumentRow, 'content_json'> & { issuer_name: string }): RegisterEntry {
  return {
    id: r.id,
    kind: r.kind as DocumentKind,
    numberText: r.number_text,
    number: Number(r.number),
    typeCode: r.type_code,
    year: Number(r.year),
    issuerUnitId: r.issuer_unit_id,
    issuerName: r.issuer_name,
    title: r.title,
    issuedOn: r.issued_on,
    signerName: r.signer_name,
    campaignId: r.campaign_id,
    subjectId: r.subject_id,
    issuedBy: r.issued_by,
    createdAt: r.created_at,
  };
}

export async function listDocuments(
  ctx: AppContext,
  principal: Caller,
  q: { campaignId?: string; year?: number; kind?: DocumentKind; limit: number; offset: number },
): Promise<{ items: RegisterEntry[]; total: number }> {
  const paths = documentReadPaths(principal);
  let base = ctx.db
    .selectFrom('documents as d')
    .innerJoin('org_units as u', 'u.id', 'd.issuer_unit_id')
    .where((eb) => withinPaths(eb, 'd.issuer_path', paths));
  if (q.campaignId) base = base.where('d.campaign_id', '=', q.campaignId);
  if (q.year) base = base.where('d.year', '=', q.year);
  if (q.kind) base = base.where('d.kind', '=', q.kind);
  const [rows, count] = await Promise.all([
    base
      .select([
        'd.id',
        'd.issuer_unit_id',
        'd.issuer_path',
        'd.kind',
        'd.type_code',
        'd.year',
        'd.number',
        'd.number_text',
        'd.campaign_id',
        'd.subject_id',
        'd.title',
        'd.issued_on',
        'd.signer_name',
        'd.issued_by',
        'd.version',
        'd.created_at',
        'd.updated_at',
        'u.name as issuer_name',
      ])
      .orderBy('d.issued_on', 'desc')
      .orderBy('d.created_at', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentRegisterEntry), total: Number(count.n) };
}
