import { sql, type Kysely } from 'kysely';
import type { DbHandle } from '../dialect.js';

// Issue 4: the conference and its minutes, the vote tallies, classification with its checks,
// decisions in batches, complaints and re-rating, and remediation plans followed through the year
// (design §3: Conference, Criticism, VoteTally, Classification, RemediationItem). Everything a
// query filters or sorts on is a real column; structured content the shared contracts validate
// is JSON text.
export function migration0005(handle: Pick<DbHandle, 'ddl'>) {
  const { ddl } = handle;
  const stamps = <T extends { addColumn: any }>(t: T): T =>
    t
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull());
  return {
    async up(db: Kysely<any>) {
      // The conference row of issue 3 gains what the meeting itself records.
      for (const [name, type] of [
        ['started_at', 'text'],
        ['closed_at', 'text'],
        /** Chair, secretary, opening and closing remarks, general record (contracts/conferences.ts). */
        ['minutes_json', 'text'],
      ] as const) {
        await db.schema.alterTable('conferences').addColumn(name, type).execute();
      }

      // Attendance of the unit's members (regulations §9b quorum: more than half of the official
      // members summoned, exempt members not counted).
      await db.schema
        .createTable('conference_attendance')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id'))
        .addColumn('member_id', 'text', (c) => c.notNull())
        .addColumn('present', 'integer', (c) => c.notNull())
        .addColumn('absence_reason', 'text')
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('conference_attendance_member', ['conference_id', 'member_id'])
        .execute();

      // Assigned directors (accounts) and other upper-level attendees, with whether they came.
      await db.schema
        .createTable('conference_guests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('attended', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('conference_guests_conference').on('conference_guests').column('conference_id').execute();

      // The agenda in the order of regulations §9b / QĐ 366 Đ7 k3: the collective, the head, then
      // deputies and members.
      await db.schema
        .createTable('conference_agenda')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('member_id', 'text')
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text')
        .addUniqueConstraint('conference_agenda_position', ['conference_id', 'position'])
        .addUniqueConstraint('conference_agenda_subject', ['conference_id', 'subject_kind', 'subject_key'])
        .execute();

      // Minutes entries: criticism (who, to whom, what, the reply), answers to suggested points,
      // conclusions (shortcomings the conference points out), notes. `client_key` is made by the
      // browser for each entry, so an entry re-sent after a network cut is stored once.
      await stamps(
        db.schema
          .createTable('conference_entries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id'))
          .addColumn('client_key', 'text', (c) => c.notNull().unique())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('subject_kind', 'text')
          .addColumn('subject_key', 'text')
          .addColumn('speaker', 'text')
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('reply', 'text')
          .addColumn('suggestion_item_id', 'text')
          .addColumn('created_by', 'text')
          .addColumn('deleted_at', 'text'),
      ).execute();
      await db.schema.createIndex('conference_entries_conference').on('conference_entries').columns(['conference_id', 'kind']).execute();

      // Tallies typed in from the paper count (design §2: never linked to voters).
      await stamps(
        db.schema
          .createTable('vote_tallies')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('conference_id', 'text', (c) => c.notNull().references('conferences.id'))
          .addColumn('subject_kind', 'text', (c) => c.notNull())
          .addColumn('subject_key', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('member_id', 'text')
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('present', 'integer', (c) => c.notNull())
          .addColumn('valid', 'integer', (c) => c.notNull())
          .addColumn('invalid', 'integer', (c) => c.notNull())
          .addColumn('votes_excellent', 'integer', (c) => c.notNull())
          .addColumn('votes_good', 'integer', (c) => c.notNull())
          .addColumn('votes_satisfactory', 'integer', (c) => c.notNull())
          .addColumn('votes_unsatisfactory', 'integer', (c) => c.notNull())
          .addColumn('proposed_level', 'text')
          .addColumn('updated_by', 'text')
          .addUniqueConstraint('vote_tallies_subject', ['campaign_id', 'subject_kind', 'subject_key']),
      ).execute();
      await db.schema.createIndex('vote_tallies_conference').on('vote_tallies').column('conference_id').execute();

      // Classification gains its proposal, checks, decision, publication and re-rating.
      for (const [name, type] of [
        ['score', 'double precision'],
        ['self_score', 'double precision'],
        ['tally_id', 'text'],
        /** The checks run when the level was proposed or decided (contracts/classification.ts). */
        ['checks_json', 'text'],
        /** Written reason for deciding against a failed check (audited). */
        ['override_reason', 'text'],
        /** The deciding level's own conclusions on the subject. */
        ['conclusion', 'text'],
        /** The quota group the subject counts in (regulations §9b "Quota arithmetic"). */
        ['group_key', 'text'],
        ['proposed_by', 'text'],
        ['proposed_at', 'text'],
        ['decision_id', 'text'],
        ['decided_by', 'text'],
        ['decided_at', 'text'],
        ['annulled_at', 'text'],
        ['annul_reason', 'text'],
        /** The annulled classification this one re-rates. */
        ['replaces_id', 'text'],
        /** Why the proposing body proposed a level other than the vote tally's (classification.propose). */
        ['proposal_reason', 'text'],
      ] as const) {
        await db.schema.alterTable('classifications').addColumn(name, type).execute();
      }
      // One live classification per subject; annulled ones are kept beside it (design §3).
      await db.schema
        .createIndex('classifications_live')
        .on('classifications')
        .columns(['campaign_id', 'subject_kind', 'subject_key'])
        .unique()
        .where(sql.ref('annulled_at'), 'is', null)
        .execute();
      await db.schema.createIndex('classifications_member').on('classifications').column('member_id').execute();

      // Decisions (quyết định), issued in batches by the competent level.
      await stamps(
        db.schema
          .createTable('decisions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('deciding_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('number', 'text', (c) => c.notNull())
          .addColumn('decision_date', 'text', (c) => c.notNull())
          .addColumn('signer_name', 'text')
          .addColumn('signer_title', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('published_at', 'text')
          .addColumn('created_by', 'text'),
      ).execute();
      await db.schema.createIndex('decisions_campaign').on('decisions').columns(['campaign_id', 'scope_path']).execute();

      // Complaints, and the re-rating by the upper level they lead to (QĐ 124 Đ13, QĐ 366 Đ13, Đ15).
      await stamps(
        db.schema
          .createTable('complaints')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('classification_id', 'text', (c) => c.notNull().references('classifications.id'))
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('filed_by', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('resolution', 'text')
          .addColumn('resolved_by', 'text')
          .addColumn('resolved_at', 'text')
          .addColumn('new_classification_id', 'text'),
      ).execute();
      await db.schema.createIndex('complaints_campaign').on('complaints').columns(['campaign_id', 'scope_path']).execute();

      // Remediation (design §3, RemediationItem): a plan per collective or member after the
      // decision, items tied to shortcomings, progress updates with evidence.
      await stamps(
        db.schema
          .createTable('remediation_plans')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('subject_kind', 'text', (c) => c.notNull())
          .addColumn('subject_key', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('member_id', 'text')
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('filed_at', 'text')
          .addColumn('reported_at', 'text')
          .addColumn('updated_by', 'text')
          .addUniqueConstraint('remediation_plans_subject', ['campaign_id', 'subject_kind', 'subject_key']),
      ).execute();
      await db.schema.createIndex('remediation_plans_scope').on('remediation_plans').columns(['campaign_id', 'scope_path']).execute();

      await stamps(
        db.schema
          .createTable('remediation_items')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('plan_id', 'text', (c) => c.notNull().references('remediation_plans.id'))
          .addColumn('shortcoming_id', 'text', (c) => c.references('shortcomings.id'))
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('owner', 'text', (c) => c.notNull())
          .addColumn('deadline', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('progress_pct', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('completed_at', 'text'),
      ).execute();
      await db.schema.createIndex('remediation_items_plan').on('remediation_items').column('plan_id').execute();
      await db.schema.createIndex('remediation_items_shortcoming').on('remediation_items').column('shortcoming_id').execute();
      await db.schema.createIndex('remediation_items_deadline').on('remediation_items').columns(['status', 'deadline']).execute();

      await db.schema
        .createTable('remediation_updates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_id', 'text', (c) => c.notNull().references('remediation_items.id'))
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('progress_pct', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('file_id', 'text', (c) => c.references('files.id'))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('remediation_updates_item').on('remediation_updates').column('item_id').execute();
    },
  };
}
