// Issues a document (issue 5 item 1): the next number of the issuer's register for its type and
// year (HD 36-HD/VPTW element 3, "Số 12-BC/TU"; regulations §6), the date, signature and
// recipients, and the model frozen in the register so that every later download is the same
// document. The counter row is taken with an upsert in the same transaction as the register row:
// two offices issuing at once get consecutive numbers, and the register's unique key makes a reused
// number impossible even across app servers.
import { sql } from 'kysely';
import type { IssueDocumentBody, RegisterEntry } from '../../../shared/contracts/documents.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { canIssueDocumentsFor } from '../../domain/documents/document-policy.js';
import { numberText, TYPE_CODES } from '../../domain/documents/party-format.js';
import type { AppContext, Caller } from '../context.js';
import { buildDocument } from './build-document.js';
import { loadDocumentFormat } from './document-kit.js';
import { presentRegisterEntry } from './list-documents.js';

export async function issueDocument(ctx: AppContext, principal: Caller, body: IssueDocumentBody): Promise<RegisterEntry> {
  const typeCode = TYPE_CODES[body.kind];
  if (!typeCode) throw new AppError('document.not_numbered');
  const built = await buildDocument(ctx, principal, body);
  const issuer = built.issuer;
  if (!canIssueDocumentsFor(principal, issuer.unit.path)) throw new AppError('auth.forbidden');
  const format = await loadDocumentFormat(ctx.db);
  const now = ctx.clock.now();
  const issuedOn = body.issuedOn ?? (await businessDate(ctx.db, now)).date;
  const year = Number(issuedOn.slice(0, 4));

  return ctx.db.transaction().execute(async (tx) => {
    const counter = await tx
      .insertInto('document_counters')
      .values({ issuer_unit_id: issuer.unit.id, type_code: typeCode, year, last_number: 1, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['issuer_unit_id', 'type_code', 'year']).doUpdateSet({
          last_number: sql<number>`document_counters.last_number + 1`,
          updated_at: now,
        }),
      )
      .returning('last_number')
      .executeTakeFirstOrThrow();
    const number = Number(counter.last_number);
    const printed = numberText(number, typeCode, issuer.code, format);
    const signatures = body.signature
      ? [...built.model.signatures.slice(0, Math.max(0, built.model.signatures.length - 1)), body.signature]
      : built.model.signatures;
    const model = {
      ...built.model,
      draft: false,
      header: { ...built.model.header, numberText: printed, date: issuedOn, year },
      signatures,
      recipients: body.recipients ?? built.model.recipients,
    };
    const id = newId();
    const row = {
      id,
      issuer_unit_id: issuer.unit.id,
      issuer_path: issuer.unit.path,
      kind: body.kind,
      type_code: typeCode,
      year,
      number,
      number_text: printed,
      campaign_id: body.campaignId,
      subject_id: built.subjectId,
      title: model.summary,
      issued_on: issuedOn,
      signer_name: signatures.at(-1)?.name || null,
      content_json: JSON.stringify(model),
      issued_by: principal.accountId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('documents').values(row).execute();
    await recordAudit(tx, {
      entityType: 'document',
      entityId: id,
      action: 'document.issue',
      actorId: principal.accountId,
      scopePath: issuer.unit.path,
      at: now,
      isNew: true,
      after: {
        kind: body.kind,
        numberText: printed,
        issuedOn,
        title: model.summary,
        subjectId: built.subjectId,
        campaignId: body.campaignId,
      },
    });
    return presentRegisterEntry({ ...row, issuer_name: issuer.unit.name });
  });
}
