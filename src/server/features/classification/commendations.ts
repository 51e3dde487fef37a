// The lists of candidates for commendation that follow from the decisions (issue 4 item 5;
// regulations §2.1 and §2.2 "Reward" [S43], §3.1 bước 10, §11.5 item 14): organizations at the top
// level are candidates for "trong sạch, vững mạnh tiêu biểu" (from 2025, "hoàn thành xuất sắc nhiệm
// vụ tiêu biểu"); members at the top level for the year's commendation; members and organizations
// at the top level five years running for the five-year one. Earlier years are the published,
// live classifications of the same owner's earlier campaigns, by subject id.
import type { CommendationEntry, CommendationList, CommendationsView } from '../../../shared/contracts/classification.js';
import { AppError } from '../../../shared/errors.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import { publishedReadPaths, unpublishedReadPaths } from '../../domain/classification/policy.js';
import type { Principal } from '../../domain/policy.js';
import { DOC, src } from '../../domain/rule-sets/common.js';
import { levelLabel } from '../../domain/rule-sets/index.js';
import type { AppContext } from '../context.js';
import { loadAccess } from './classification-access.js';

const YEARS = 5;
const CHUNK = 500;

export async function listCommendations(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  query: { unitId?: string },
): Promise<CommendationsView> {
  const access = await loadAccess(ctx.db, principal, campaignId);
  const { campaign, ruleSet } = access;
  const year = campaign.review_year;
  let unitPath: string | null = null;
  if (query.unitId) {
    const u = await ctx.db.selectFrom('org_units').select('path').where('id', '=', query.unitId).executeTakeFirst();
    if (!u) throw new AppError('org_unit.not_found');
    unitPath = u.path;
  }
  const before = unpublishedReadPaths(access.caller);
  const after = publishedReadPaths(access.caller);

  let q = ctx.db
    .selectFrom('classifications as c')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .leftJoin('members as m', 'm.id', 'c.member_id')
    .select([
      'c.subject_kind',
      'c.subject_key',
      'c.decision_number',
      'c.decision_date',
      'c.status',
      'c.scope_path',
      'm.full_name',
      'm.sort_key',
      'u.name as unit_name',
    ])
    .where('c.campaign_id', '=', campaign.id)
    .where('c.annulled_at', 'is', null)
    .where('c.decided_level', '=', 'excellent')
    .where('c.subject_kind', 'in', ['unit', 'member'])
    .where('c.status', 'in', ['decided', 'published'])
    // Decided results are read by those who read them before publication; the others wait for it.
    .where((eb) =>
      eb.or([withinPaths(eb, 'c.scope_path', before), eb.and([eb('c.status', '=', 'published'), withinPaths(eb, 'c.scope_path', after)])]),
    );
  if (unitPath) {
    const p = unitPath;
    q = q.where((eb) => withinPaths(eb, 'c.scope_path', [p]));
  }
  const rows = await q.orderBy('c.scope_path').execute();

  // The same owner's earlier campaigns, the four years before this one.
  const earlier = new Map<string, Set<number>>();
  for (const kind of ['unit', 'member'] as const) {
    const keys = rows.filter((r) => r.subject_kind === kind).map((r) => r.subject_key);
    for (let k = 0; k < keys.length; k += CHUNK) {
      const found = await ctx.db
        .selectFrom('classifications as c')
        .innerJoin('campaigns as k', 'k.id', 'c.campaign_id')
        .select(['c.subject_key', 'k.review_year'])
        .where('k.owner_unit_id', '=', campaign.owner_unit_id)
        .where('k.review_year', '>=', year - (YEARS - 1))
        .where('k.review_year', '<', year)
        .where('c.subject_kind', '=', kind)
        .where('c.subject_key', 'in', keys.slice(k, k + CHUNK))
        .where('c.annulled_at', 'is', null)
        .where('c.status', '=', 'published')
        .where('c.decided_level', '=', 'excellent')
        .execute();
      for (const f of found) {
        const key = `${kind}:${f.subject_key}`;
        earlier.set(key, (earlier.get(key) ?? new Set()).add(f.review_year));
      }
    }
  }

  const entry = (r: (typeof rows)[number]): CommendationEntry => {
    const years = [...(earlier.get(`${r.subject_kind}:${r.subject_key}`) ?? [])].sort();
    return {
      subjectKind: r.subject_kind as CommendationEntry['subjectKind'],
      subjectKey: r.subject_key,
      name: r.full_name ?? r.unit_name,
      unitName: r.unit_name,
      decisionNumber: r.decision_number,
      decisionDate: r.decision_date,
      published: r.status === 'published',
      years: [...years, year],
    };
  };
  const units = rows.filter((r) => r.subject_kind === 'unit').map(entry);
  const members = rows
    .filter((r) => r.subject_kind === 'member')
    .sort((a, b) =>
      a.scope_path === b.scope_path ? ((a.sort_key ?? '') < (b.sort_key ?? '') ? -1 : 1) : a.scope_path < b.scope_path ? -1 : 1,
    )
    .map(entry);
  const fiveYears = (list: CommendationEntry[]) => list.filter((e) => e.years.length >= YEARS);

  const unitTop = levelLabel(ruleSet, 'unit', 'excellent');
  const memberTop = levelLabel(ruleSet, 'member', 'excellent');
  const unitTitle = year >= 2025 ? 'Hoàn thành xuất sắc nhiệm vụ tiêu biểu' : 'Trong sạch, vững mạnh tiêu biểu';
  const unitSource =
    year >= 2025
      ? src(DOC.hd43, 'regulations §11.5 mục 14 [Q4][Q41]', {
          note: 'HD 06-HD/TW §19; tiêu chuẩn "tiêu biểu" theo hướng dẫn của Ban Tổ chức Trung ương (chưa xác nhận).',
        })
      : src(ruleSet.documents[0]?.document ?? DOC.hd27, 'regulations §2.2 "Reward", §3.1 bước 10 [S43]');
  const memberSource =
    year >= 2025
      ? src(DOC.hd43, 'regulations §11.5 mục 14 [Q4][Q41]')
      : src(ruleSet.documents[0]?.document ?? DOC.hd27, 'regulations §2.1 "Reward", §3.1 bước 10 [S43]');
  const span = `${year - (YEARS - 1)}–${year}`;
  const lists: CommendationList[] = [
    {
      key: 'units_year',
      title: `Tổ chức đảng đề nghị công nhận "${unitTitle}" năm ${year}`,
      explanation: `Tổ chức đảng được xếp loại "${unitTop}" năm ${year} là đối tượng xem xét công nhận "${unitTitle}"; cấp có thẩm quyền chọn trong danh sách này.`,
      source: unitSource,
      items: units,
    },
    {
      key: 'units_five_years',
      title: `Tổ chức đảng "${unitTop}" 5 năm liền (${span})`,
      explanation: `Được xếp loại "${unitTop}" trong cả 5 năm ${span} ở các đợt kiểm điểm của cùng cấp ủy.`,
      source: unitSource,
      items: fiveYears(units),
    },
    {
      key: 'members_year',
      title: `Đảng viên "${memberTop}" năm ${year}`,
      explanation: `Đảng viên được xếp loại "${memberTop}" năm ${year} là đối tượng xem xét khen thưởng của năm.`,
      source: memberSource,
      items: members,
    },
    {
      key: 'members_five_years',
      title: `Đảng viên "${memberTop}" 5 năm liền (${span})`,
      explanation: `Được xếp loại "${memberTop}" trong cả 5 năm ${span} ở các đợt kiểm điểm của cùng cấp ủy (theo mã đảng viên).`,
      source: memberSource,
      items: fiveYears(members),
    },
  ];
  return { campaignId: campaign.id, reviewYear: year, lists };
}
