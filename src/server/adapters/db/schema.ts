// Row types of the database, as Kysely sees them. Ids and timestamps come from the application
// (docs/decisions/0004-ids-and-time.md): ids are text, times are ISO-8601 UTC strings, calendar dates
// are YYYY-MM-DD, booleans are 0/1 integers, so both dialects return the same JavaScript values.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OrgUnitTable {
  id: string;
  parent_id: string | null;
  /** Materialized path "/<id>/<id>/…/" including the unit itself: subtree = prefix match. */
  path: string;
  depth: number;
  kind: string;
  sector: string | null;
  code: string;
  name: string;
  name_search: string;
  valid_from: string | null;
  valid_to: string | null;
  merged_into_id: string | null;
  split_from_id: string | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MemberTable {
  id: string;
  unit_id: string;
  /** Copy of the unit's path, so scoping a member list is one indexed prefix match. */
  unit_path: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  full_name: string;
  name_search: string;
  sort_key: string;
  birth_date: string | null;
  gender: string | null;
  card_number: string | null;
  admission_date: string | null;
  official_date: string | null;
  party_posts: string | null;
  government_posts: string | null;
  is_leader: number;
  is_head: number;
  is_civil_servant: number;
  status: string;
  status_since: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MemberStatusHistoryTable {
  id: string;
  member_id: string;
  status: string;
  from_date: string;
  to_date: string | null;
  reason: string | null;
  created_at: string;
}

export interface MemberUnitHistoryTable {
  id: string;
  member_id: string;
  unit_id: string;
  from_date: string;
  to_date: string | null;
  reason: string | null;
  created_at: string;
}

/** One row per distinct word of a member's folded name (see nameWords). */
export interface MemberNameWordTable {
  word: string;
  member_id: string;
  /** Copies of the member's columns (migration 0007), kept in step by members.repository. */
  unit_path: string;
  sort_key: string;
  name_search: string;
  /** Where the word first starts in name_search: the position of the space before it (1-based). */
  word_offset: number;
}

export interface AccountTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  member_id: string | null;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantTable {
  id: string;
  account_id: string;
  role: string;
  unit_id: string;
  created_by: string | null;
  created_at: string;
}

export interface SessionTable {
  /** sha-256 of the cookie token: a stolen database gives no usable session. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  token_hash: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  id: string;
  entity_type: string;
  entity_id: string;
  /** Position in the entity's chain, from 1; unique with the entity so a chain cannot fork. */
  seq: number;
  action: string;
  actor_id: string | null;
  /** Unit path of the entity, so history lists can be scoped like everything else. */
  scope_path: string | null;
  before_json: string | null;
  after_json: string | null;
  at: string;
  prev_hash: string | null;
  hash: string;
}

export interface FileTable {
  id: string;
  name: string;
  mime: string;
  size: number;
  content: Buffer;
  created_by: string | null;
  created_at: string;
}

export interface JobTable {
  id: string;
  kind: string;
  status: string;
  progress: number;
  total: number;
  file_id: string | null;
  params_json: string | null;
  result_json: string | null;
  error_json: string | null;
  created_by: string | null;
  claimed_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

interface Stamped {
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CampaignTable extends Stamped {
  id: string;
  owner_unit_id: string;
  owner_path: string;
  review_year: number;
  rule_set_id: string;
  title: string;
  status: string;
  /** The committee's adaptations of the rule set's configurable parts (contracts/campaigns.ts). */
  config_json: string;
  /** Milestones with deadlines, [{ kind, dueDate, label? }]. */
  milestones_json: string;
  plan_text: string | null;
  plan_status: string;
  plan_approved_by: string | null;
  plan_approved_at: string | null;
  snapshot_at: string | null;
  /** Date against which "newly admitted" is judged (regulations §9b: 31/12 of the review year). */
  cutoff_date: string;
}

export interface CampaignUnitTable extends Stamped {
  id: string;
  campaign_id: string;
  unit_id: string;
  unit_path: string;
  unit_kind: string;
  is_grassroots: number;
  /** The unit's stage (design §3); the dossier's status is this stage. */
  stage: string;
  needs_appraisal: number;
  appraisal_round: number;
  stage_changed_at: string;
  submitted_at: string | null;
  cleared_at: string | null;
  stage_reason: string | null;
}

export interface CampaignMemberTable extends Stamped {
  id: string;
  campaign_id: string;
  member_id: string;
  /** The chi bộ that reviews the member (the receiving one after a transfer). */
  unit_id: string;
  unit_path: string;
  included: number;
  classified: number;
  reason: string | null;
  note: string | null;
  former_unit_id: string | null;
  is_key_leader: number;
  form_meaning: string | null;
  /** 'snapshot' or 'manual' (an explicit change after the snapshot). */
  source: string;
}

export interface AssignmentTable {
  id: string;
  campaign_id: string;
  unit_id: string;
  account_id: string;
  duty: string;
  created_by: string | null;
  created_at: string;
}

export interface SuggestionTable extends Stamped {
  id: string;
  campaign_id: string;
  target_kind: string;
  /** The target unit, or the member's chi bộ. */
  unit_id: string;
  member_id: string | null;
  scope_path: string;
  title: string | null;
  status: string;
  issued_at: string | null;
  created_by: string | null;
}

export interface SuggestionItemTable {
  id: string;
  suggestion_id: string;
  position: number;
  text: string;
}

export interface CommitmentTable extends Stamped {
  id: string;
  member_id: string;
  year: number;
  items_json: string;
  updated_by: string | null;
}

export interface MemberYearFactsTable extends Stamped {
  id: string;
  member_id: string;
  year: number;
  disciplines_json: string;
  civil_service_rating: string | null;
  targets_completed_pct: number | null;
  sick_leave_days: number | null;
  maternity_leave_days: number | null;
  degradation_concluded: number;
  degradation_note: string | null;
  confidence_low_pct: number | null;
  note: string | null;
  updated_by: string | null;
}

export interface ReviewTable extends Stamped {
  id: string;
  campaign_id: string;
  subject_kind: string;
  subject_key: string;
  unit_id: string;
  member_id: string | null;
  scope_path: string;
  form_meaning: string;
  status: string;
  content_json: string;
  self_level: string | null;
  self_score: number | null;
  proxy_entered: number;
  submitted_at: string | null;
  finalized_at: string | null;
  status_reason: string | null;
  updated_by: string | null;
}

export interface ReviewRevisionTable {
  id: string;
  review_id: string;
  version: number;
  status: string;
  content_json: string;
  saved_by: string | null;
  proxy: number;
  saved_at: string;
}

export interface ReviewCommentTable {
  id: string;
  review_id: string;
  source_kind: string;
  source_name: string;
  text: string;
  file_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AttachmentTable {
  id: string;
  owner_kind: string;
  owner_id: string;
  file_id: string;
  name: string;
  size: number;
  created_by: string | null;
  created_at: string;
}

export interface AppraisalTable {
  id: string;
  campaign_unit_id: string;
  round: number;
  status: string;
  findings_json: string;
  reason: string | null;
  appraiser_id: string | null;
  started_at: string;
  decided_at: string | null;
}

export interface ShortcomingTable extends Stamped {
  id: string;
  subject_kind: string;
  subject_key: string;
  unit_id: string;
  member_id: string | null;
  scope_path: string;
  campaign_id: string | null;
  year_found: number;
  text: string;
  cause_kind: string | null;
  cause: string | null;
  source: string;
  /** Year of the review that marked it fixed; null while open. */
  resolved_year: number | null;
}

export interface ShortcomingStatusTable {
  id: string;
  shortcoming_id: string;
  year: number;
  status: string;
  cause_kind: string | null;
  note: string | null;
  review_id: string | null;
  updated_at: string;
}

export interface ClassificationTable extends Stamped {
  id: string;
  campaign_id: string;
  subject_kind: string;
  subject_key: string;
  unit_id: string;
  member_id: string | null;
  scope_path: string;
  status: string;
  self_level: string | null;
  proposed_level: string | null;
  decided_level: string | null;
  decision_number: string | null;
  decision_date: string | null;
  published_at: string | null;
  acknowledged_at: string | null;
  score: number | null;
  self_score: number | null;
  tally_id: string | null;
  checks_json: string | null;
  override_reason: string | null;
  conclusion: string | null;
  group_key: string | null;
  proposed_by: string | null;
  proposed_at: string | null;
  decision_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  annulled_at: string | null;
  annul_reason: string | null;
  replaces_id: string | null;
  proposal_reason: string | null;
}

export interface ConferenceTable extends Stamped {
  id: string;
  campaign_id: string;
  campaign_unit_id: string;
  unit_id: string;
  scope_path: string;
  scheduled_for: string;
  place: string | null;
  status: string;
  started_at: string | null;
  closed_at: string | null;
  minutes_json: string | null;
}

export interface ConferenceAttendanceTable {
  id: string;
  conference_id: string;
  member_id: string;
  present: number;
  absence_reason: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface ConferenceGuestTable {
  id: string;
  conference_id: string;
  /** 'director' (an assigned account) or 'upper' (another upper-level attendee). */
  kind: string;
  account_id: string | null;
  name: string;
  title: string | null;
  attended: number;
  updated_at: string;
}

export interface ConferenceAgendaTable {
  id: string;
  conference_id: string;
  position: number;
  subject_kind: string;
  subject_key: string;
  member_id: string | null;
  label: string;
  status: string;
  done_at: string | null;
}

export interface ConferenceEntryTable extends Stamped {
  id: string;
  conference_id: string;
  /** Made by the browser per entry: a re-sent entry is stored once. */
  client_key: string;
  kind: string;
  subject_kind: string | null;
  subject_key: string | null;
  speaker: string | null;
  text: string;
  reply: string | null;
  suggestion_item_id: string | null;
  created_by: string | null;
  deleted_at: string | null;
}

export interface VoteTallyTable extends Stamped {
  id: string;
  campaign_id: string;
  conference_id: string;
  subject_kind: string;
  subject_key: string;
  unit_id: string;
  member_id: string | null;
  scope_path: string;
  present: number;
  valid: number;
  invalid: number;
  votes_excellent: number;
  votes_good: number;
  votes_satisfactory: number;
  votes_unsatisfactory: number;
  proposed_level: string | null;
  updated_by: string | null;
}

export interface DecisionTable extends Stamped {
  id: string;
  campaign_id: string;
  deciding_unit_id: string;
  scope_path: string;
  kind: string;
  number: string;
  decision_date: string;
  signer_name: string | null;
  signer_title: string | null;
  status: string;
  published_at: string | null;
  created_by: string | null;
}

export interface ComplaintTable extends Stamped {
  id: string;
  campaign_id: string;
  classification_id: string;
  scope_path: string;
  text: string;
  filed_by: string | null;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  new_classification_id: string | null;
}

export interface RemediationPlanTable extends Stamped {
  id: string;
  campaign_id: string;
  subject_kind: string;
  subject_key: string;
  unit_id: string;
  member_id: string | null;
  scope_path: string;
  status: string;
  filed_at: string | null;
  reported_at: string | null;
  updated_by: string | null;
}

export interface RemediationItemTable extends Stamped {
  id: string;
  plan_id: string;
  shortcoming_id: string | null;
  scope_path: string;
  position: number;
  action: string;
  owner: string;
  deadline: string;
  status: string;
  progress_pct: number;
  completed_at: string | null;
}

export interface RemediationUpdateTable {
  id: string;
  item_id: string;
  note: string;
  progress_pct: number;
  status: string;
  file_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  account_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  campaign_id: string | null;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
}

export interface NotificationPreferenceTable {
  account_id: string;
  daily_digest: number;
  email: string | null;
  updated_at: string;
}

export interface DocumentCounterTable {
  issuer_unit_id: string;
  type_code: string;
  year: number;
  last_number: number;
  updated_at: string;
}

export interface DocumentTable {
  id: string;
  issuer_unit_id: string;
  issuer_path: string;
  kind: string;
  type_code: string;
  year: number;
  number: number;
  number_text: string;
  campaign_id: string | null;
  subject_id: string | null;
  title: string;
  issued_on: string;
  signer_name: string | null;
  content_json: string;
  issued_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AnnouncementTable {
  id: string;
  unit_id: string;
  unit_path: string;
  title: string;
  body: string | null;
  published_on: string;
  withdrawn_at: string | null;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface Database {
  org_units: OrgUnitTable;
  members: MemberTable;
  member_status_history: MemberStatusHistoryTable;
  member_unit_history: MemberUnitHistoryTable;
  member_name_words: MemberNameWordTable;
  accounts: AccountTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  files: FileTable;
  jobs: JobTable;
  settings: SettingTable;
  login_throttle: LoginThrottleTable;
  campaigns: CampaignTable;
  campaign_units: CampaignUnitTable;
  campaign_members: CampaignMemberTable;
  assignments: AssignmentTable;
  suggestions: SuggestionTable;
  suggestion_items: SuggestionItemTable;
  commitments: CommitmentTable;
  member_year_facts: MemberYearFactsTable;
  reviews: ReviewTable;
  review_revisions: ReviewRevisionTable;
  review_comments: ReviewCommentTable;
  attachments: AttachmentTable;
  appraisals: AppraisalTable;
  shortcomings: ShortcomingTable;
  shortcoming_statuses: ShortcomingStatusTable;
  classifications: ClassificationTable;
  conferences: ConferenceTable;
  conference_attendance: ConferenceAttendanceTable;
  conference_guests: ConferenceGuestTable;
  conference_agenda: ConferenceAgendaTable;
  conference_entries: ConferenceEntryTable;
  vote_tallies: VoteTallyTable;
  decisions: DecisionTable;
  complaints: ComplaintTable;
  remediation_plans: RemediationPlanTable;
  remediation_items: RemediationItemTable;
  remediation_updates: RemediationUpdateTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  document_counters: DocumentCounterTable;
  documents: DocumentTable;
  announcements: AnnouncementTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnitRow = Insertable<OrgUnitTable>;
export type OrgUnitUpdate = Updateable<OrgUnitTable>;
export type MemberRow = Selectable<MemberTable>;
export type NewMemberRow = Insertable<MemberTable>;
export type AccountRow = Selectable<AccountTable>;
export type RoleGrantRow = Selectable<RoleGrantTable>;
export type JobRow = Selectable<JobTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type CampaignRow = Selectable<CampaignTable>;
export type CampaignUnitRow = Selectable<CampaignUnitTable>;
export type CampaignMemberRow = Selectable<CampaignMemberTable>;
export type ReviewRow = Selectable<ReviewTable>;
export type ShortcomingRow = Selectable<ShortcomingTable>;
export type DocumentRow = Selectable<DocumentTable>;
// Generated is kept available for later tables with database-made values (none so far).
export type { Generated };
