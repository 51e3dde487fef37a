import type { Kysely } from 'kysely';
import type { DbHandle } from '../dialect.js';
import { nameWords } from '../../../../shared/text.js';

// The words of each member's folded name (docs/decisions/0005): a name search starts from the
// members having its rarest word instead of scanning every member in scope.
export function migration0003(handle: Pick<DbHandle, 'ddl'>) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('member_name_words')
        .addColumn('word', handle.ddl.binaryText, (c) => c.notNull()) // prefix ranges compare bytes
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
        .addPrimaryKeyConstraint('member_name_words_pk', ['word', 'member_id'])
        .execute();
      await db.schema.createIndex('member_name_words_member').on('member_name_words').column('member_id').execute();
      // Members made before this migration get their words now, a page at a time.
      let after = '';
      for (;;) {
        const page: { id: string; name_search: string }[] = await db
          .selectFrom('members')
          .select(['id', 'name_search'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(2000)
          .execute();
        if (page.length === 0) break;
        const rows = page.flatMap((m) => nameWords(m.name_search).map((word) => ({ word, member_id: m.id })));
        for (let i = 0; i < rows.length; i += 1000)
          await db
            .insertInto('member_name_words')
            .values(rows.slice(i, i + 1000))
            .execute();
        after = page[page.length - 1].id;
      }
    },
  };
}
