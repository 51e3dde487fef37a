// Literal unions of the model (design §2, §3) with their Vietnamese labels for the UI and documents.

export const ROLES = ['admin', 'standing', 'organizer', 'office', 'unit_committee', 'cell_secretary', 'member'] as const;
export type Role = (typeof ROLES)[number];
/** `director` is never granted (design §2): it comes from a campaign's assignments. */
export const ROLE_LABELS: Record<Role | 'director', string> = {
  admin: 'Quản trị',
  standing: 'Thường trực / Ban Thường vụ',
  organizer: 'Ban Tổ chức',
  office: 'Văn phòng',
  director: 'Phụ trách, chỉ đạo',
  unit_committee: 'Cấp ủy cơ sở',
  cell_secretary: 'Bí thư chi bộ',
  member: 'Đảng viên',
};

export const ORG_KINDS = ['committee', 'grassroots_party', 'grassroots_cell', 'sub_party', 'cell'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  committee: 'Cấp ủy cấp trên cơ sở',
  grassroots_party: 'Đảng bộ cơ sở',
  grassroots_cell: 'Chi bộ cơ sở',
  sub_party: 'Đảng bộ bộ phận',
  cell: 'Chi bộ trực thuộc',
};

export const SECTORS = [
  'ward',
  'commune',
  'town',
  'agency',
  'public_service',
  'school',
  'enterprise',
  'police',
  'military',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];
export const SECTOR_LABELS: Record<Sector, string> = {
  ward: 'Phường',
  commune: 'Xã',
  town: 'Thị trấn',
  agency: 'Cơ quan hành chính',
  public_service: 'Đơn vị sự nghiệp',
  school: 'Trường học',
  enterprise: 'Doanh nghiệp',
  police: 'Công an',
  military: 'Quân sự',
  other: 'Khác',
};

export const MEMBER_STATUSES = ['active', 'exempt', 'suspended', 'transferred', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: 'Đang sinh hoạt',
  exempt: 'Miễn sinh hoạt',
  suspended: 'Đình chỉ sinh hoạt',
  transferred: 'Đã chuyển sinh hoạt đi',
  deceased: 'Từ trần',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
