// The sidebar (design §4, "The browser app's map"): one menu for everyone, showing only what the
// user may open. Pure, so the rule "a member sees Trang chủ and their own profile" is unit-tested.
import type { Me } from '../../shared/contracts/auth.js';

export type MenuIcon =
  | 'home'
  | 'tree'
  | 'members'
  | 'profile'
  | 'review'
  | 'conference'
  | 'classification'
  | 'remediation'
  | 'report'
  | 'admin'
  | 'accounts'
  | 'audit'
  | 'import';

export interface MenuEntry {
  key: string;
  label: string;
  icon: MenuIcon;
  /** Absent for a group header. */
  path?: string;
  /** Modules of later issues: shown, but not yet usable. */
  comingSoon?: boolean;
  children?: MenuEntry[];
}

export const PATHS = {
  home: '/',
  login: '/dang-nhap',
  changePassword: '/doi-mat-khau',
  tree: '/to-chuc',
  unit: (id: string) => `/to-chuc/${id}`,
  members: '/dang-vien',
  member: (id: string) => `/dang-vien/${id}`,
  myProfile: '/ho-so-cua-toi',
  imports: '/nhap-excel',
  accounts: '/quan-tri/tai-khoan',
  audit: '/quan-tri/nhat-ky',
  myAccount: '/tai-khoan',
  comingSoon: (module: string) => `/sap-co/${module}`,
  campaigns: '/kiem-diem',
  campaign: (id: string) => `/kiem-diem/${id}`,
  /** The campaign's cockpit (tab "Tiến độ") opened with its filters set: the dashboards' click-through. */
  campaignCockpit: (id: string, filters: { stage?: string; sector?: string; overdue?: boolean } = {}) => {
    const q = new URLSearchParams({ tab: 'progress' });
    if (filters.stage) q.set('stage', filters.stage);
    if (filters.sector) q.set('sector', filters.sector);
    if (filters.overdue) q.set('overdue', '1');
    return `/kiem-diem/${id}?${q.toString()}`;
  },
  dossier: (campaignId: string, unitId: string) => `/kiem-diem/${campaignId}/don-vi/${unitId}`,
  /** A review by its subject: 'member' + member id, or 'collective' / 'leadership' + unit id. */
  review: (campaignId: string, subjectKind: string, subjectKey: string) =>
    `/kiem-diem/${campaignId}/ban-kiem-diem/${subjectKind}/${subjectKey}`,
  myReview: '/ban-kiem-diem-cua-toi',
  myCommitment: '/cam-ket-cua-toi',
  yearFacts: '/thong-tin-trong-nam',
  ruleSets: '/quan-tri/bo-quy-dinh',
  ruleSet: (id: string) => `/quan-tri/bo-quy-dinh/${id}`,
  notifications: '/thong-bao',
  /** The conferences of a campaign, one conference (minutes, votes), and its conference mode for the secretary. */
  conferencesHome: '/hoi-nghi',
  conferences: (campaignId: string) => `/kiem-diem/${campaignId}/hoi-nghi`,
  conference: (id: string) => `/hoi-nghi/${id}`,
  conferenceMode: (id: string) => `/hoi-nghi/${id}/dang-hop`,
  /** Remediation (issue 4 item 6): the campaigns to follow, one campaign's tracking list, a plan, the member's own. */
  remediation: '/khac-phuc',
  remediationCampaign: (campaignId: string) => `/khac-phuc/${campaignId}`,
  remediationPlan: (campaignId: string, subjectKind: string, subjectKey: string) => `/khac-phuc/${campaignId}/${subjectKind}/${subjectKey}`,
  myRemediation: '/khac-phuc-cua-toi',
  /** A shortcoming's history across years. */
  shortcomingHistory: (id: string) => `/han-che/${id}`,
  /** Classification (issue 4 items 4–5): campaigns, one campaign's boards and decisions, a unit's calibration board, complaints, commendations, the member's own result. */
  classification: '/xep-loai',
  classificationCampaign: (campaignId: string) => `/xep-loai/${campaignId}`,
  classificationBoard: (campaignId: string, unitId: string) => `/xep-loai/${campaignId}/don-vi/${unitId}`,
  classificationComplaints: (campaignId: string) => `/xep-loai/${campaignId}/kien-nghi`,
  classificationCommendations: (campaignId: string) => `/xep-loai/${campaignId}/khen-thuong`,
  myResult: '/ket-qua-xep-loai-cua-toi',
  /** Reports (issue 5): campaigns, then one campaign's dashboards, documents, register and Excel exports. */
  reports: '/bao-cao',
  reportsCampaign: (campaignId: string, tab?: string) => `/bao-cao/${campaignId}${tab ? `?tab=${tab}` : ''}`,
  /** Announcements (tin mới) as the office posts them. */
  announcements: '/tin-moi',
  documentSettings: '/quan-tri/the-thuc-van-ban',
} as const;

/** Modules of the yearly review that later issues bring (design §4). */
export const COMING_SOON: { key: string; label: string; icon: MenuIcon }[] = [];

export function buildMenu(me: Me): MenuEntry[] {
  const entries: MenuEntry[] = [{ key: 'home', label: 'Trang chủ', icon: 'home', path: PATHS.home }];
  const office = me.abilities.readOrgTree;
  if (office) {
    entries.push({ key: 'tree', label: 'Tổ chức đảng', icon: 'tree', path: PATHS.tree });
    entries.push({ key: 'members', label: 'Đảng viên', icon: 'members', path: PATHS.members });
    // Members reach the announcements from the home card (design §4: their menu stays short).
    entries.push({ key: 'announcements', label: 'Tin mới', icon: 'home', path: PATHS.announcements });
  }
  if (me.abilities.readCampaigns) {
    entries.push({ key: 'campaigns', label: 'Kiểm điểm', icon: 'review', path: PATHS.campaigns });
    entries.push({ key: 'year-facts', label: 'Thông tin trong năm', icon: 'members', path: PATHS.yearFacts });
    entries.push({ key: 'conferences', label: 'Hội nghị', icon: 'conference', path: PATHS.conferencesHome });
    entries.push({ key: 'classification', label: 'Xếp loại', icon: 'classification', path: PATHS.classification });
    entries.push({ key: 'remediation', label: 'Khắc phục', icon: 'remediation', path: PATHS.remediation });
    entries.push({ key: 'reports', label: 'Báo cáo', icon: 'report', path: PATHS.reports });
  }
  if (me.memberId) {
    entries.push({ key: 'profile', label: 'Hồ sơ của tôi', icon: 'profile', path: PATHS.myProfile });
    entries.push({ key: 'my-review', label: 'Bản kiểm điểm của tôi', icon: 'review', path: PATHS.myReview });
    entries.push({ key: 'my-commitment', label: 'Cam kết của tôi', icon: 'profile', path: PATHS.myCommitment });
    entries.push({ key: 'my-result', label: 'Kết quả xếp loại của tôi', icon: 'classification', path: PATHS.myResult });
    entries.push({ key: 'my-remediation', label: 'Khắc phục của tôi', icon: 'remediation', path: PATHS.myRemediation });
  }
  // A member sees nothing else (design §4); office staff see the modules to come.
  if (office) {
    for (const m of COMING_SOON)
      entries.push({ key: m.key, label: m.label, icon: m.icon, path: PATHS.comingSoon(m.key), comingSoon: true });
  }
  const admin: MenuEntry[] = [];
  if (me.abilities.manageAccounts) {
    admin.push({ key: 'accounts', label: 'Tài khoản và quyền', icon: 'accounts', path: PATHS.accounts });
    admin.push({ key: 'imports', label: 'Nhập dữ liệu từ Excel', icon: 'import', path: PATHS.imports });
  }
  if (me.abilities.readCampaigns) admin.push({ key: 'rule-sets', label: 'Bộ quy định theo năm', icon: 'admin', path: PATHS.ruleSets });
  if (me.abilities.configureDocuments)
    admin.push({ key: 'document-settings', label: 'Thể thức văn bản', icon: 'report', path: PATHS.documentSettings });
  if (me.abilities.readAudit) admin.push({ key: 'audit', label: 'Nhật ký', icon: 'audit', path: PATHS.audit });
  if (admin.length > 0) entries.push({ key: 'admin', label: 'Quản trị', icon: 'admin', children: admin });
  return entries;
}

/** The menu key to highlight for a location: the longest menu path that prefixes it. */
export function selectedMenuKey(entries: MenuEntry[], pathname: string): string | null {
  let best: { key: string; length: number } | null = null;
  const visit = (list: MenuEntry[]) => {
    for (const e of list) {
      if (e.path) {
        const hit = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
        if (hit && (!best || e.path.length > best.length)) best = { key: e.key, length: e.path.length };
      }
      if (e.children) visit(e.children);
    }
  };
  visit(entries);
  return (best as { key: string } | null)?.key ?? null;
}
