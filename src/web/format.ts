// How values are shown: dates dd/mm/yyyy (design §4), Vietnamese labels for codes. Pure.
import { formatVietnameseDate } from '../shared/dates.js';
import {
  GENDER_LABELS,
  MEMBER_STATUS_LABELS,
  ORG_KIND_LABELS,
  ROLE_LABELS,
  SECTOR_LABELS,
  type Gender,
  type MemberStatus,
  type OrgKind,
  type Role,
  type Sector,
} from '../shared/vocabulary.js';

/** "2017-12-05" → "05/12/2017"; empty for none. */
export function formatDate(iso: string | null | undefined): string {
  return formatVietnameseDate(iso);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A timestamp (UTC, ISO) in the user's local time: "05/12/2017 14:03". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const kindLabel = (kind: string | null | undefined): string => (kind ? (ORG_KIND_LABELS[kind as OrgKind] ?? kind) : '');
export const sectorLabel = (s: string | null | undefined): string => (s ? (SECTOR_LABELS[s as Sector] ?? s) : '');
export const statusLabel = (s: string | null | undefined): string => (s ? (MEMBER_STATUS_LABELS[s as MemberStatus] ?? s) : '');
export const genderLabel = (g: string | null | undefined): string => (g ? (GENDER_LABELS[g as Gender] ?? g) : '');
export const roleLabel = (r: string): string => ROLE_LABELS[r as Role] ?? r;

/** Tag colours of member statuses: the usual state is calm, the others stand out. */
export const STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  exempt: 'gold',
  suspended: 'volcano',
  transferred: 'default',
  deceased: 'default',
};

const ACTION_LABELS: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Sửa',
  move: 'Chuyển cấp trên',
  merge: 'Hợp nhất vào đơn vị khác',
  merged: 'Được hợp nhất',
  merged_into: 'Hợp nhất vào đơn vị khác',
  transfer: 'Chuyển sinh hoạt',
  change_status: 'Đổi trạng thái',
  status: 'Đổi trạng thái',
  import: 'Nhập từ Excel',
  delete: 'Xóa',
  disable: 'Khóa tài khoản',
  enable: 'Mở khóa tài khoản',
  grant: 'Cấp quyền',
  revoke: 'Thu hồi quyền',
  grant_role: 'Cấp quyền',
  revoke_role: 'Thu hồi quyền',
  reset_password: 'Đặt lại mật khẩu',
  change_password: 'Đổi mật khẩu',
  bulk_members: 'Tạo tài khoản đảng viên hàng loạt',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  logout_everywhere: 'Đăng xuất khỏi mọi thiết bị',
  login_failed: 'Đăng nhập không thành công',
  created: 'Tạo mới',
  updated: 'Sửa',
  moved: 'Chuyển cấp trên',
  transferred: 'Chuyển sinh hoạt',
  status_changed: 'Đổi trạng thái',
  password_changed: 'Đổi mật khẩu',
  password_reset: 'Đặt lại mật khẩu',
  disabled: 'Khóa tài khoản',
  enabled: 'Mở khóa tài khoản',
  granted: 'Cấp quyền',
  revoked: 'Thu hồi quyền',
  imported: 'Nhập từ Excel',
  create_for_member: 'Tạo tài khoản cho đảng viên',
  absorb: 'Tiếp nhận đơn vị hợp nhất',
  user_create: 'Tạo tài khoản',
  user_reset_password: 'Đặt lại mật khẩu',
  token_create: 'Tạo mã truy cập',
  create_admin: 'Tạo quản trị đầu tiên',
  create_committee: 'Tạo đảng bộ',
  grant_admin: 'Cấp quyền quản trị',
  token_created: 'Tạo mã truy cập',
  token_revoked: 'Thu hồi mã truy cập',
  create_token: 'Tạo mã truy cập',
  revoke_token: 'Thu hồi mã truy cập',
  snapshot: 'Chốt danh sách',
  population_change: 'Điều chỉnh danh sách',
  approve: 'Phê duyệt',
  issue: 'Ban hành',
  save: 'Lưu',
  submit: 'Nộp',
  return: 'Trả lại',
  finalize: 'Hoàn thiện',
  reopen: 'Mở lại',
  start: 'Bắt đầu',
  resume: 'Tiếp tục chuẩn bị',
  begin_appraisal: 'Bắt đầu thẩm định',
  'begin-appraisal': 'Bắt đầu thẩm định',
  clear: 'Thẩm định đạt',
  schedule: 'Lên lịch hội nghị',
  attach: 'Đính kèm tệp',
  post: 'Đăng tin',
  withdraw: 'Gỡ tin',
};

const ENTITY_LABELS: Record<string, string> = {
  campaign: 'Đợt kiểm điểm',
  campaign_unit: 'Hồ sơ đơn vị',
  dossier: 'Hồ sơ đơn vị',
  assignment: 'Phân công',
  suggestion: 'Gợi ý kiểm điểm',
  plan: 'Kế hoạch',
  review: 'Bản kiểm điểm',
  commitment: 'Bản cam kết',
  member_year_facts: 'Thông tin trong năm',
  conference: 'Hội nghị kiểm điểm',
  attachment: 'Tệp đính kèm',
  org_unit: 'Tổ chức đảng',
  member: 'Đảng viên',
  account: 'Tài khoản',
  role_grant: 'Quyền',
  setting: 'Cài đặt',
  job: 'Tác vụ',
  auth: 'Tài khoản',
  cli: 'Dòng lệnh',
  setup: 'Khởi tạo',
  api_token: 'Mã truy cập',
  token: 'Mã truy cập',
  document: 'Văn bản',
  announcement: 'Tin',
};

/** "member.transfer" → "Đảng viên: Chuyển sinh hoạt"; unknown codes are shown as they are. */
export function actionLabel(action: string): string {
  const [entity, ...rest] = action.split('.');
  const verb = rest.join('.');
  if (!verb) return ACTION_LABELS[entity] ?? action;
  const verbLabel = ACTION_LABELS[verb] ?? ACTION_LABELS[verb.replace(/-/g, '_')];
  if (!verbLabel) return action;
  const entityLabel = ENTITY_LABELS[entity];
  return entityLabel ? `${entityLabel}: ${verbLabel}` : verbLabel;
}

export const entityLabel = (t: string | null | undefined): string => (t ? (ENTITY_LABELS[t] ?? t) : '');

const FIELD_LABELS: Record<string, string> = {
  name: 'Tên',
  code: 'Mã',
  kind: 'Loại',
  sector: 'Lĩnh vực',
  parentId: 'Cấp trên',
  parent_id: 'Cấp trên',
  path: 'Vị trí trong cây',
  validFrom: 'Ngày thành lập',
  valid_from: 'Ngày thành lập',
  validTo: 'Ngày kết thúc',
  valid_to: 'Ngày kết thúc',
  mergedIntoId: 'Hợp nhất vào',
  merged_into_id: 'Hợp nhất vào',
  note: 'Ghi chú',
  reason: 'Lý do',
  familyName: 'Họ',
  family_name: 'Họ',
  middleName: 'Tên đệm',
  middle_name: 'Tên đệm',
  givenName: 'Tên',
  given_name: 'Tên',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  birth_date: 'Ngày sinh',
  gender: 'Giới tính',
  cardNumber: 'Số thẻ đảng viên',
  card_number: 'Số thẻ đảng viên',
  admissionDate: 'Ngày vào Đảng',
  admission_date: 'Ngày vào Đảng',
  officialDate: 'Ngày chính thức',
  official_date: 'Ngày chính thức',
  partyPosts: 'Chức vụ Đảng',
  party_posts: 'Chức vụ Đảng',
  governmentPosts: 'Chức vụ chính quyền, đoàn thể',
  government_posts: 'Chức vụ chính quyền, đoàn thể',
  isLeader: 'Lãnh đạo, quản lý',
  is_leader: 'Lãnh đạo, quản lý',
  isHead: 'Người đứng đầu',
  is_head: 'Người đứng đầu',
  isCivilServant: 'Cán bộ, công chức, viên chức',
  is_civil_servant: 'Cán bộ, công chức, viên chức',
  status: 'Trạng thái',
  unitId: 'Chi bộ',
  unit_id: 'Chi bộ',
  toUnitId: 'Chuyển đến',
  fromUnitId: 'Chuyển từ',
  sourceIds: 'Các tổ chức hợp nhất',
  splitFromId: 'Tách ra từ',
  split_from_id: 'Tách ra từ',
  memberId: 'Đảng viên',
  member_id: 'Đảng viên',
  mustChangePassword: 'Phải đổi mật khẩu',
  must_change_password: 'Phải đổi mật khẩu',
  sessionsEnded: 'Số phiên đăng nhập đã kết thúc',
  movedMembers: 'Số đảng viên chuyển về',
  newParentId: 'Cấp trên mới',
  grantId: 'Quyền',
  fileName: 'Tệp',
  rows: 'Số dòng',
  created: 'Thêm mới',
  updated: 'Cập nhật',
  unchanged: 'Không thay đổi',
  date: 'Ngày',
  username: 'Tên đăng nhập',
  displayName: 'Tên hiển thị',
  display_name: 'Tên hiển thị',
  disabled: 'Đã khóa',
  role: 'Vai trò',
};

export const fieldLabel = (f: string): string => FIELD_LABELS[f] ?? f;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value of an audit record, readable: dates dd/mm/yyyy, yes/no in Vietnamese, codes labelled. */
export function auditValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean' || ((/^(is|must)/.test(field) || field === 'disabled') && (value === 0 || value === 1))) {
    return value ? 'Có' : 'Không';
  }
  if (typeof value === 'string') {
    if (ISO_DAY.test(value)) return formatDate(value);
    if (ISO_TIME.test(value)) return formatDateTime(value);
    if (field === 'status') return statusLabel(value);
    if (field === 'kind') return kindLabel(value);
    if (field === 'sector') return sectorLabel(value);
    if (field === 'gender') return genderLabel(value);
    if (field === 'role') return roleLabel(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

// Bookkeeping columns that say nothing to a reader of the history.
const HIDDEN_FIELDS = new Set([
  'id',
  'version',
  'created_at',
  'updated_at',
  'createdAt',
  'updatedAt',
  'name_search',
  'nameSearch',
  'search_text',
  'sort_key',
  'sortKey',
  'password_hash',
  'depth',
]);

/** Fields that hold the id of another record, shown by that record's name. */
export type RefKind = 'unit' | 'member';
export function refKindOf(field: string): RefKind | null {
  if (!/(Id|_id|Ids|_ids)$/.test(field)) return null;
  if (/member/i.test(field)) return 'member';
  if (/unit|parent|merged|split|source/i.test(field)) return 'unit';
  return null;
}

export interface FieldChange {
  field: string;
  label: string;
  /** Null when the event had no such field before (a creation) or after (a removal). */
  before: string | null;
  after: string | null;
  /** For id fields: the ids, to be shown by name. */
  ref?: { kind: RefKind; before: string[]; after: string[] };
}

const idsOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** The fields an audit event changed, labelled in Vietnamese, for the history views. */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !HIDDEN_FIELDS.has(f));
  const changes: FieldChange[] = [];
  for (const f of fields) {
    const inBefore = f in b;
    const inAfter = f in a;
    const bv = inBefore ? auditValue(f, b[f]) : null;
    const av = inAfter ? auditValue(f, a[f]) : null;
    if (inBefore && inAfter && bv === av) continue;
    const kind = refKindOf(f);
    changes.push({
      field: f,
      label: fieldLabel(f),
      before: bv,
      after: av,
      ...(kind ? { ref: { kind, before: inBefore ? idsOf(b[f]) : [], after: inAfter ? idsOf(a[f]) : [] } } : {}),
    });
  }
  return changes;
}

/**
 * Where the reference document of Tự soi states the rule, as a user reads it: its section numbers
 * only ("tài liệu tham chiếu §2.3, §9b"), without the English section titles and source tags that
 * serve the developers ('regulations §2.3, §9b "Order of review at the meeting" [S31]').
 */
export function referenceText(reference: string): string {
  const sections = reference
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/regulations\s*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([,;])\s*/g, '$1 ')
    .replace(/[,;\s]+$/g, '')
    .trim();
  return sections ? `tài liệu tham chiếu ${sections}` : '';
}
