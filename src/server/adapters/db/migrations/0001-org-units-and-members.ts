import type { Kysely } from 'kysely';
import type { DbHandle } from '../dialect.js';

// Organization tree and members (design §3, issue 2 items 3–4).
export function migration0001(handle: Pick<DbHandle, 'ddl' | 'createSearchIndex'>) {
  const { ddl } = handle;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('org_units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
        .addColumn('path', ddl.binaryText, (c) => c.notNull().unique())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('sector', 'text')
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .addColumn('merged_into_id', 'text', (c) => c.references('org_units.id'))
        .addColumn('split_from_id', 'text', (c) => c.references('org_units.id'))
        .addColumn('note', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

      await db.schema
        .createTable('members')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('unit_path', ddl.binaryText, (c) => c.notNull())
        .addColumn('family_name', 'text', (c) => c.notNull())
        .addColumn('middle_name', 'text', (c) => c.notNull())
        .addColumn('given_name', 'text', (c) => c.notNull())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('sort_key', ddl.binaryText, (c) => c.notNull())
        .addColumn('birth_date', 'text')
        .addColumn('gender', 'text')
        .addColumn('card_number', 'text', (c) => c.unique())
        .addColumn('admission_date', 'text')
        .addColumn('official_date', 'text')
        .addColumn('party_posts', 'text')
        .addColumn('government_posts', 'text')
        .addColumn('is_leader', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_head', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_civil_servant', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_since', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Roster order inside a scope: (unit_path, sort_key) serves "a unit's members, sorted, paged".
      await db.schema.createIndex('members_scope_sort').on('members').columns(['unit_path', 'sort_key', 'id']).execute();
      await db.schema.createIndex('members_sort').on('members').columns(['sort_key', 'id']).execute();
      // Search inside a scope reads only this index: the folded name is tested without touching rows.
      await db.schema
        .createIndex('members_scope_search')
        .on('members')
        .columns(['unit_path', 'name_search', 'sort_key', 'id', 'unit_id'])
        .execute();
      await db.schema.createIndex('members_unit').on('members').column('unit_id').execute();
      await db.schema.createIndex('members_scope_status').on('members').columns(['unit_path', 'status']).execute();
      await handle.createSearchIndex(db, 'members', 'name_search');

      await db.schema
        .createTable('member_status_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('to_date', 'text')
        .addColumn('reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('member_status_history_member').on('member_status_history').column('member_id').execute();

      await db.schema
        .createTable('member_unit_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('to_date', 'text')
        .addColumn('reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('member_unit_history_member').on('member_unit_history').column('member_id').execute();
    },
  };
}
