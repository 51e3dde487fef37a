// Thể thức văn bản: the page and type settings regulations §6 marks UNCONFIRMED (margins, the colon
// after "Số", sizes, page numbers) and the header names the tree cannot give (the body above the top
// committee, the place of the date line). Read by anyone who reads documents; changed by the
// administrator or the top committee's office, audited.
import type { DocumentSettings, DocumentSettingsView } from '../../../shared/contracts/documents.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { getSetting, setSetting } from '../../adapters/db/settings.repository.js';
import { canConfigureDocuments, documentReadPaths } from '../../domain/documents/document-policy.js';
import { DEFAULT_DOCUMENT_FORMAT, placeFromName } from '../../domain/documents/party-format.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { FORMAT_SETTING, loadDocumentFormat, PLACE_SETTING, UPPER_BODY_SETTING } from './document-kit.js';

async function current(db: Tx): Promise<DocumentSettings> {
  const [format, upperBody, place] = await Promise.all([
    loadDocumentFormat(db),
    getSetting(db, UPPER_BODY_SETTING),
    getSetting(db, PLACE_SETTING),
  ]);
  return { format, upperBody: upperBody || null, place: place || null };
}

export async function getDocumentSettings(ctx: AppContext, caller: Caller): Promise<DocumentSettingsView> {
  const canEdit = canConfigureDocuments(caller);
  if (!canEdit && documentReadPaths(caller).length === 0) throw new AppError('auth.forbidden');
  const root = await ctx.db.selectFrom('org_units').select('name').where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  return { ...(await current(ctx.db)), defaults: DEFAULT_DOCUMENT_FORMAT, derivedPlace: placeFromName(root?.name ?? ''), canEdit };
}

export async function updateDocumentSettings(ctx: AppContext, caller: Caller, input: DocumentSettings): Promise<DocumentSettingsView> {
  if (!canConfigureDocuments(caller)) throw new AppError('auth.forbidden');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await current(tx);
    await setSetting(tx, FORMAT_SETTING, JSON.stringify(input.format), now);
    await setSetting(tx, UPPER_BODY_SETTING, input.upperBody?.trim() ?? '', now);
    await setSetting(tx, PLACE_SETTING, input.place?.trim() ?? '', now);
    await recordAudit(tx, {
      entityType: 'setting',
      entityId: FORMAT_SETTING,
      action: 'setting.update',
      actorId: caller.accountId,
      scopePath: null,
      at: now,
      before,
      after: input,
    });
  });
  return getDocumentSettings(ctx, caller);
}
