import type { Kysely } from 'kysely';
import type { DbHandle } from '../dialect.js';

// The review campaign (design §3; issue 3): campaigns with their frozen population, assignments,
// suggested points, commitments and the year's facts, reviews with revisions, the dossier gate,
// shortcomings that tie the years together, classifications and conferences (extended by issue 4),
// attachments and notifications. JSON columns hold structured content whose shape the shared
// contracts (zod) validate; everything a query filters or sorts on is a real column.
export function migration0004(handle: Pick<DbHandle, 'ddl'>) {
  const { ddl } = handle;
  const stamps = <T extends { addColumn: any }>(t: T): T =>
    t
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull());
  return {
    async up(db: Kysely<any>) {
      await stamps(
        db.schema
          .createTable('campaigns')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('owner_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('review_year', 'integer', (c) => c.notNull())
          .addColumn('rule_set_id', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('config_json', 'text', (c) => c.notNull())
          .addColumn('milestones_json', 'text', (c) => c.notNull())
          .addColumn('plan_text', 'text')
          .addColumn('plan_status', 'text', (c) => c.notNull())
          .addColumn('plan_approved_by', 'text')
          .addColumn('plan_approved_at', 'text')
          .addColumn('snapshot_at', 'text')
          .addColumn('cutoff_date', 'text', (c) => c.notNull())
          .addUniqueConstraint('campaigns_owner_year', ['owner_unit_id', 'review_year']),
      ).execute();

      // The population of units (design §3: the frozen population) and, per unit, its stage on the
      // path of design §3 — the dossier is this row: its stage is the dossier's status.
      await stamps(
        db.schema
          .createTable('campaign_units')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('unit_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('unit_kind', 'text', (c) => c.notNull())
          .addColumn('is_grassroots', 'integer', (c) => c.notNull())
          .addColumn('stage', 'text', (c) => c.notNull())
          .addColumn('needs_appraisal', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('appraisal_round', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('stage_changed_at', 'text', (c) => c.notNull())
          .addColumn('submitted_at', 'text')
          .addColumn('cleared_at', 'text')
          .addColumn('stage_reason', 'text')
          .addUniqueConstraint('campaign_units_unit', ['campaign_id', 'unit_id']),
      ).execute();
      // Covering the cockpit's grouped counts (stage by appraisal need over a subtree) without table reads.
      await db.schema
        .createIndex('campaign_units_scope')
        .on('campaign_units')
        .columns(['campaign_id', 'unit_path', 'is_grassroots', 'stage', 'needs_appraisal'])
        .execute();

      await stamps(
        db.schema
          .createTable('campaign_members')
          .addColumn('id', 'text', (c) => c.primaryKey())
          // No foreign keys here: the snapshot writes a province's 150,000 rows in one INSERT … SELECT
          // from members and org_units (valid by construction), and PostgreSQL's per-row key checks
          // doubled its time. Later changes go through change-population.ts, which checks them.
          .addColumn('campaign_id', 'text', (c) => c.notNull())
          .addColumn('member_id', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('unit_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('included', 'integer', (c) => c.notNull())
          .addColumn('classified', 'integer', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('note', 'text')
          .addColumn('former_unit_id', 'text')
          .addColumn('is_key_leader', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('form_meaning', 'text')
          .addColumn('source', 'text', (c) => c.notNull())
          .addUniqueConstraint('campaign_members_member', ['campaign_id', 'member_id']),
      ).execute();
      // Covering the members under a subtree (review progress, lists) with what those queries read.
      await db.schema
        .createIndex('campaign_members_scope')
        .on('campaign_members')
        .columns(['campaign_id', 'unit_path', 'included', 'member_id'])
        .execute();

      await db.schema
        .createTable('assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('duty', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('assignments_unique', ['campaign_id', 'unit_id', 'account_id', 'duty'])
        .execute();
      await db.schema.createIndex('assignments_account').on('assignments').columns(['account_id', 'campaign_id']).execute();

      await stamps(
        db.schema
          .createTable('suggestions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('target_kind', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('member_id', 'text', (c) => c.references('members.id'))
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('title', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('issued_at', 'text')
          .addColumn('created_by', 'text'),
      ).execute();
      // Predecessors of a merged unit (regulations §11.8): a review's carry-over looks them up.
      await db.schema.createIndex('org_units_merged_into').on('org_units').column('merged_into_id').execute();
      await db.schema.createIndex('suggestions_target').on('suggestions').columns(['campaign_id', 'unit_id', 'member_id']).execute();
      await db.schema.createIndex('suggestions_scope').on('suggestions').columns(['campaign_id', 'scope_path']).execute();
      await db.schema
        .createTable('suggestion_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestions.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('suggestion_items_suggestion').on('suggestion_items').column('suggestion_id').execute();

      await stamps(
        db.schema
          .createTable('commitments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('items_json', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text')
          .addUniqueConstraint('commitments_member_year', ['member_id', 'year']),
      ).execute();

      // MemberYearFacts (design §3): the inputs of the disqualifiers of regulations §2.4 / §11.4.
      await stamps(
        db.schema
          .createTable('member_year_facts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('disciplines_json', 'text', (c) => c.notNull())
          .addColumn('civil_service_rating', 'text')
          .addColumn('targets_completed_pct', 'integer')
          .addColumn('sick_leave_days', 'integer')
          .addColumn('maternity_leave_days', 'integer')
          .addColumn('degradation_concluded', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('degradation_note', 'text')
          .addColumn('confidence_low_pct', 'integer')
          .addColumn('note', 'text')
          .addColumn('updated_by', 'text')
          .addUniqueConstraint('member_year_facts_member_year', ['member_id', 'year']),
      ).execute();

      await stamps(
        db.schema
          .createTable('reviews')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('subject_kind', 'text', (c) => c.notNull())
          /** The unit id for collective and leadership reviews, the member id for a member's. */
          .addColumn('subject_key', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('member_id', 'text', (c) => c.references('members.id'))
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('form_meaning', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('content_json', 'text', (c) => c.notNull())
          .addColumn('self_level', 'text')
          .addColumn('self_score', 'integer')
          .addColumn('proxy_entered', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('submitted_at', 'text')
          .addColumn('finalized_at', 'text')
          .addColumn('status_reason', 'text')
          .addColumn('updated_by', 'text')
          .addUniqueConstraint('reviews_subject', ['campaign_id', 'subject_kind', 'subject_key']),
      ).execute();
      await db.schema.createIndex('reviews_scope').on('reviews').columns(['campaign_id', 'scope_path']).execute();
      await db.schema.createIndex('reviews_member').on('reviews').column('member_id').execute();

      await db.schema
        .createTable('review_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('saved_by', 'text')
        .addColumn('proxy', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('review_revisions_version', ['review_id', 'version'])
        .execute();

      await db.schema
        .createTable('review_comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('source_name', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('file_id', 'text', (c) => c.references('files.id'))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('review_comments_review').on('review_comments').column('review_id').execute();

      // Files attached to a plan, a review, a dossier or a comment; the bytes live in `files`.
      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attachments_owner').on('attachments').columns(['owner_kind', 'owner_id']).execute();

      await db.schema
        .createTable('appraisals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_unit_id', 'text', (c) => c.notNull().references('campaign_units.id'))
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('findings_json', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('appraiser_id', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text')
        .addUniqueConstraint('appraisals_round', ['campaign_unit_id', 'round'])
        .execute();

      // Shortcomings (design §3): the thread that ties the years; one status per later year.
      await stamps(
        db.schema
          .createTable('shortcomings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('subject_kind', 'text', (c) => c.notNull())
          .addColumn('subject_key', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('member_id', 'text', (c) => c.references('members.id'))
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
          .addColumn('year_found', 'integer', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('cause_kind', 'text')
          .addColumn('cause', 'text')
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('resolved_year', 'integer'),
      ).execute();
      await db.schema
        .createIndex('shortcomings_subject')
        .on('shortcomings')
        .columns(['subject_kind', 'subject_key', 'year_found'])
        .execute();
      await db.schema
        .createTable('shortcoming_statuses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shortcoming_id', 'text', (c) => c.notNull().references('shortcomings.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('cause_kind', 'text')
        .addColumn('note', 'text')
        .addColumn('review_id', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('shortcoming_statuses_year', ['shortcoming_id', 'year'])
        .execute();

      // Classification (design §3). Issue 3 writes decided results of closed campaigns (the demo's
      // 2016); issue 4 adds proposals, checks, decisions and publication on the same rows.
      await stamps(
        db.schema
          .createTable('classifications')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('subject_kind', 'text', (c) => c.notNull())
          .addColumn('subject_key', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('member_id', 'text', (c) => c.references('members.id'))
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('self_level', 'text')
          .addColumn('proposed_level', 'text')
          .addColumn('decided_level', 'text')
          .addColumn('decision_number', 'text')
          .addColumn('decision_date', 'text')
          .addColumn('published_at', 'text')
          .addColumn('acknowledged_at', 'text'),
      ).execute();
      await db.schema
        .createIndex('classifications_subject')
        .on('classifications')
        .columns(['campaign_id', 'subject_kind', 'subject_key'])
        .execute();
      await db.schema.createIndex('classifications_scope').on('classifications').columns(['campaign_id', 'scope_path']).execute();

      // Conference (design §3): issue 3 schedules it behind the gate; issue 4 runs it.
      await stamps(
        db.schema
          .createTable('conferences')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('campaign_unit_id', 'text', (c) => c.notNull().references('campaign_units.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('scope_path', ddl.binaryText, (c) => c.notNull())
          .addColumn('scheduled_for', 'text', (c) => c.notNull())
          .addColumn('place', 'text')
          .addColumn('status', 'text', (c) => c.notNull()),
      ).execute();
      await db.schema.createIndex('conferences_campaign_unit').on('conferences').column('campaign_unit_id').execute();
      await db.schema.createIndex('conferences_unit').on('conferences').columns(['campaign_id', 'unit_id']).execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('link', 'text')
        .addColumn('campaign_id', 'text')
        /** Same key, same notice: reminders from several servers or runs are not doubled. */
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('emailed_at', 'text')
        .execute();
      await db.schema.createIndex('notifications_account').on('notifications').columns(['account_id', 'created_at']).execute();

      await db.schema
        .createTable('notification_preferences')
        .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
        .addColumn('daily_digest', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('email', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
