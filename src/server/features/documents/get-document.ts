// One issued document as frozen in the register: its model for the preview and the downloads.
import { documentModel, type DocumentModel, type RegisterEntry } from '../../../shared/contracts/documents.js';
import { AppError } from '../../../shared/errors.js';
import { canReadDocumentsOf } from '../../domain/documents/document-policy.js';
import type { AppContext, Caller } from '../context.js';
import { presentRegisterEntry } from './list-documents.js';

export async function getDocument(ctx: AppContext, principal: Caller, id: string): Promise<{ entry: RegisterEntry; model: DocumentModel }> {
  const row = await ctx.db
    .selectFrom('documents as d')
    .innerJoin('org_units as u', 'u.id', 'd.issuer_unit_id')
    .selectAll('d')
    .select('u.name as issuer_name')
    .where('d.id', '=', id)
    .executeTakeFirst();
  // Outside the caller's subtrees a document does not exist for them.
  if (!row || !canReadDocumentsOf(principal, row.issuer_path)) throw new AppError('document.not_found');
  return { entry: presentRegisterEntry(row), model: documentModel.parse(JSON.parse(row.content_json)) };
}
