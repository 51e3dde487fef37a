import type { Kysely } from 'kysely';
import type { DbHandle } from '../dialect.js';
import { nameWordOffsets } from '../../../../shared/text.js';

// Issue 6 (load): a name search reads only the name-word index (docs/decisions/0011). Each word row
// carries its member's place in the tree, roster key and folded name, and where the word starts in
// that name, so "thuy" in a chi bộ seeks that chi bộ's range of the word instead of looking up the
// 5,000 Thủy of the province one by one, and a province-wide search counts and sorts its matches
// without touching the members table.
export function migration0007(handle: Pick<DbHandle, 'ddl'>) {
  return {
    async up(db: Kysely<any>) {
      // Same types as the members' columns: paths and roster keys compare byte by byte on both databases.
      await db.schema.alterTable('member_name_words').addColumn('unit_path', handle.ddl.binaryText).execute();
      await db.schema.alterTable('member_name_words').addColumn('sort_key', handle.ddl.binaryText).execute();
      await db.schema.alterTable('member_name_words').addColumn('name_search', 'text').execute();
      await db.schema.alterTable('member_name_words').addColumn('word_offset', 'integer').execute();
      // The words are written again from the members, a page at a time (the offsets are computed here,
      // the same way on both databases).
      await db.deleteFrom('member_name_words').execute();
      let after = '';
      for (;;) {
        const page: { id: string; name_search: string; unit_path: string; sort_key: string }[] = await db
          .selectFrom('members')
          .select(['id', 'name_search', 'unit_path', 'sort_key'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(2000)
          .execute();
        if (page.length === 0) break;
        const rows = page.flatMap((m) =>
          nameWordOffsets(m.name_search).map(({ word, offset }) => ({
            word,
            member_id: m.id,
            unit_path: m.unit_path,
            sort_key: m.sort_key,
            name_search: m.name_search,
            word_offset: offset,
          })),
        );
        // Six columns a row: 1,000 rows stay below both databases' parameter limits.
        for (let i = 0; i < rows.length; i += 1000)
          await db
            .insertInto('member_name_words')
            .values(rows.slice(i, i + 1000))
            .execute();
        after = page[page.length - 1].id;
      }
      await db.schema
        .createIndex('member_name_words_scope')
        .on('member_name_words')
        .columns(['word', 'unit_path', 'sort_key', 'member_id', 'name_search', 'word_offset'])
        .execute();
    },
  };
}
