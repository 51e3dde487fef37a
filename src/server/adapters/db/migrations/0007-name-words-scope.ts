import { sql, type Kysely } from 'kysely';
import type { DbHandle } from '../dialect.js';

// Issue 6 (load): a name search reads only the name-word index (docs/decisions/0011). Each word row
// carries its member's place in the tree, roster key and folded name, so "thuy" in a chi bộ seeks
// that chi bộ's range of the word instead of looking up the 5,000 Thủy of the province one by one,
// and a province-wide search counts and sorts its matches without touching the members table.
export function migration0007(handle: Pick<DbHandle, 'ddl'>) {
  return {
    async up(db: Kysely<any>) {
      // Same types as the members' columns: paths and roster keys compare byte by byte on both databases.
      await db.schema.alterTable('member_name_words').addColumn('unit_path', handle.ddl.binaryText).execute();
      await db.schema.alterTable('member_name_words').addColumn('sort_key', handle.ddl.binaryText).execute();
      await db.schema.alterTable('member_name_words').addColumn('name_search', 'text').execute();
      const from = (column: string) => sql`(select ${sql.ref(`m.${column}`)} from members as m where m.id = member_name_words.member_id)`;
      await sql`update member_name_words set unit_path = ${from('unit_path')}, sort_key = ${from('sort_key')}, name_search = ${from(
        'name_search',
      )}`.execute(db);
      await db.schema
        .createIndex('member_name_words_scope')
        .on('member_name_words')
        .columns(['word', 'unit_path', 'sort_key', 'member_id', 'name_search'])
        .execute();
    },
  };
}
