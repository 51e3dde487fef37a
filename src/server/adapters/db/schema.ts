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
// Generated is kept available for later tables with database-made values (none so far).
export type { Generated };
