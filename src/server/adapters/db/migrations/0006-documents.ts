import type { Kysely } from 'kysely';
import type { DbHandle } from '../dialect.js';

// Issue 5: the document register (design §3, Document) and announcements (design §3, Announcement).
// A number is drawn from a counter row per issuer, type and year (HD 36-HD/VPTW: "Số 12-BC/TU" is
// numbered per issuing body, document type and year), and the register's unique constraint makes a
// reused number impossible even if two servers draw at once.
export function migration0006(_handle: Pick<DbHandle, 'ddl'>) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('document_counters')
        .addColumn('issuer_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('type_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_number', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_counters_pk', ['issuer_unit_id', 'type_code', 'year'])
        .execute();

      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('issuer_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        // The issuer's materialized path: the register is scoped to the caller's subtrees in SQL.
        .addColumn('issuer_path', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('type_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        /** "Số 12-BC/TU" as printed. */
        .addColumn('number_text', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text')
        /** The unit, member, conference or decision the document is about. */
        .addColumn('subject_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('signer_name', 'text')
        /** The document as issued (contracts/documents.ts DocumentModel): re-downloads never change. */
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('documents_number_unique', ['issuer_unit_id', 'type_code', 'year', 'number'])
        .execute();
      await db.schema.createIndex('documents_issuer_path').on('documents').columns(['issuer_path', 'issued_on']).execute();
      await db.schema.createIndex('documents_campaign').on('documents').columns(['campaign_id', 'kind']).execute();

      await db.schema
        .createTable('announcements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        /** The unit whose office posted it; everyone whose scope meets the committee reads it. */
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        /** The date shown, e.g. "(20/08)". */
        .addColumn('published_on', 'text', (c) => c.notNull())
        .addColumn('withdrawn_at', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('announcements_published').on('announcements').columns(['published_on']).execute();
    },
  };
}
