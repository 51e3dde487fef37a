// Công văn gợi ý kiểm điểm (regulations §4; §3.1 bước 1; HD 43 §2.2, §11.5 mục 4): the upper level's
// letter telling a collective, and those of its leaders who get points of their own, what they
// must address in their review. Its content is the suggestions issued in Tự soi for the unit in the
// campaign — to the unit itself, and to the members reviewed at its meeting (its own members and
// the key leaders of its subtree, as conference-roster.ts counts them) —, read through the
// suggestions use case, so only what the caller may see of them is printed (design §2, row
// "Campaign, plan, assignments, suggestions"). A letter (công văn, HD 36 element 5b): no type name,
// "V/v …" under the number, "Kính gửi", the points numbered, signed for the issuing collective.
import { MILESTONE_LABELS } from '../../../../shared/campaign-vocabulary.js';
import type { DocBlock } from '../../../../shared/contracts/documents.js';
import type { SuggestionView } from '../../../../shared/contracts/planning.js';
import { AppError } from '../../../../shared/errors.js';
import { milestonesOf } from '../../../adapters/db/campaigns.repository.js';
import { canReadSuggestion } from '../../../domain/campaign-policy.js';
import { caps, issuingBodyName } from '../../../domain/documents/party-format.js';
import { isWithinPath } from '../../../domain/org-tree.js';
import { membersReviewedAt } from '../../conferences/conference-roster.js';
import { accountNames } from '../../dossiers/get-dossier.js';
import { visibleAssignments } from '../../planning/list-assignments.js';
import { listSuggestions } from '../../planning/list-suggestions.js';
import type { Tx } from '../../context.js';
import {
  collectiveSignature,
  dmy,
  fileCopyLine,
  frame,
  h,
  loadDocumentFormat,
  loadIssuer,
  p,
  type DocumentBuilder,
} from '../document-kit.js';
import { actingBody, organizationBoard, planReference } from './campaign-refs.js';

/**
 * The unit whose collective issues a suggestion: the deepest standing or organizer grant of the
 * account that drafted it that lies inside the campaign and above the target (HD 43 §2.2: "standing
 * committees at every level for those under them"); the campaign's owner otherwise.
 */
async function issuingUnits(
  db: Tx,
  ownerPath: string,
  ownerId: string,
  suggestions: readonly SuggestionView[],
): Promise<Map<string, { id: string; path: string }>> {
  const rows = suggestions.length
    ? await db
        .selectFrom('suggestions')
        .select(['id', 'created_by', 'scope_path', 'target_kind'])
        .where(
          'id',
          'in',
          suggestions.map((s) => s.id),
        )
        .execute()
    : [];
  const creators = [...new Set(rows.flatMap((r) => (r.created_by ? [r.created_by] : [])))];
  const grants = creators.length
    ? await db
        .selectFrom('role_grants as g')
        .innerJoin('org_units as u', 'u.id', 'g.unit_id')
        .select(['g.account_id', 'u.id', 'u.path'])
        .where('g.account_id', 'in', creators)
        .where('g.role', 'in', ['standing', 'organizer'])
        .execute()
    : [];
  const out = new Map<string, { id: string; path: string }>();
  for (const r of rows) {
    const candidates = grants.filter(
      (g) =>
        g.account_id === r.created_by &&
        isWithinPath(g.path, ownerPath) &&
        isWithinPath(r.scope_path, g.path) &&
        // A collective is never its own upper level.
        !(r.target_kind === 'unit' && g.path === r.scope_path),
    );
    const deepest = candidates.sort((a, b) => b.path.length - a.path.length)[0];
    out.set(r.id, deepest ? { id: deepest.id, path: deepest.path } : { id: ownerId, path: ownerPath });
  }
  return out;
}

const letter = (i: number) => String.fromCharCode(97 + i);

export const buildSuggestionLetter: DocumentBuilder = async (ctx, principal, { campaign, caller, subjectId }) => {
  const unit = await ctx.db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select(['u.id', 'u.name', 'u.kind', 'cu.unit_path as path', 'cu.needs_appraisal'])
    .where('cu.campaign_id', '=', campaign.id)
    .where('cu.unit_id', '=', subjectId!)
    .executeTakeFirst();
  // As the suggestions page answers: a unit the caller may not see is not found (design §2).
  if (!unit || !canReadSuggestion(caller, { unitPath: unit.path })) throw new AppError('suggestion.not_found');

  const [{ items: visible }, roster] = await Promise.all([
    listSuggestions(ctx, principal, campaign.id, { status: 'issued' }),
    membersReviewedAt(ctx.db, campaign.id, unit),
  ]);
  const reviewedHere = new Map(roster.map((m) => [m.memberId, m]));
  const mine = visible.filter((s) =>
    s.target.kind === 'unit' ? s.target.unitId === unit.id : s.target.memberId !== null && reviewedHere.has(s.target.memberId),
  );
  const unitBody = issuingBodyName(unit.name);
  if (mine.length === 0)
    throw new AppError(
      'document.not_found',
      `Chưa có gợi ý kiểm điểm nào được ban hành đối với ${unitBody} và các đồng chí kiểm điểm tại đây trong đợt kiểm điểm này.`,
    );

  // One letter, one issuer: the highest collective among those that issued the points (the upper
  // level writes to the unit; points a lower committee gave stay with its own letter).
  const issuers = await issuingUnits(ctx.db, campaign.owner_path, campaign.owner_unit_id, mine);
  const top = [...issuers.values()].sort((a, b) => a.path.length - b.path.length)[0]!;
  const points = mine.filter((s) => issuers.get(s.id)!.id === top.id);

  const [issuer, owner, format, plan, assignments] = await Promise.all([
    loadIssuer(ctx.db, top.id),
    ctx.db.selectFrom('org_units').select(['name', 'kind']).where('id', '=', campaign.owner_unit_id).executeTakeFirstOrThrow(),
    loadDocumentFormat(ctx.db),
    planReference(ctx.db, campaign),
    visibleAssignments(ctx.db, campaign.id, caller, { unitId: unit.id }),
  ]);
  const year = campaign.review_year;
  const sender = actingBody(issuer.unit);
  const collective = points.filter((s) => s.target.kind === 'unit');
  const personal = new Map<string, SuggestionView[]>();
  for (const s of points.filter((x) => x.target.kind === 'member')) {
    personal.set(s.target.memberId!, [...(personal.get(s.target.memberId!) ?? []), s]);
  }
  const addressee = actingBody(unit);
  const person = (memberId: string) => {
    const m = reviewedHere.get(memberId)!;
    const s = personal.get(memberId)![0]!;
    return m.partyPosts?.trim()
      ? `đồng chí ${m.fullName}, ${m.partyPosts.trim()}`
      : `đồng chí ${m.fullName}, đảng viên ${s.target.unitName}`;
  };
  const people = [...personal.keys()];

  const whom = [
    ...(collective.length ? [`tập thể ${unitBody}`] : []),
    ...(people.length === 1 ? [person(people[0]!)] : people.length > 1 ? ['các đồng chí có tên dưới đây'] : []),
  ].join(' và ');
  const body: DocBlock[] = [
    p(
      `Thực hiện ${plan} về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${year}, ${sender} gợi ý những vấn đề cần tập trung kiểm điểm, làm rõ đối với ${whom} như sau:`,
    ),
  ];
  // Points numbered as typed; a title is printed only where one target has several suggestions.
  const pointsOf = (list: SuggestionView[], mark: (i: number) => string) => {
    const out: DocBlock[] = [];
    let n = 0;
    for (const s of list) {
      if (list.length > 1 && s.title?.trim()) out.push(h(s.title.trim(), 3));
      for (const item of s.items) out.push(p(`${mark(n++)} ${item.text}`));
    }
    return out;
  };
  const both = collective.length > 0 && people.length > 0;
  if (collective.length) {
    if (both) body.push(h(`I. ĐỐI VỚI TẬP THỂ ${caps(unitBody)}`, 1));
    body.push(...pointsOf(collective, (i) => `${i + 1}.`));
  }
  if (people.length === 1 && !both) {
    body.push(...pointsOf(personal.get(people[0]!)!, (i) => `${i + 1}.`));
  } else if (people.length) {
    if (both) body.push(h('II. ĐỐI VỚI CÁ NHÂN', 1));
    people.forEach((id, i) => {
      body.push(h(`${i + 1}. Đối với ${person(id)}`, 2));
      body.push(...pointsOf(personal.get(id)!, (k) => `${letter(k)})`));
    });
  }

  // What the unit must do with the points (regulations §4: each answered in the review's section
  // "Giải trình những vấn đề được gợi ý kiểm điểm"; §3.1 bước 4: appraisal by the Organization
  // Board before the meeting; HD 25/43: the upper level attends and directs the meeting).
  const due = new Map(milestonesOf(campaign).map((m) => [m.kind, m.dueDate]));
  const reviewsDue = due.get('reviews_due');
  const papers = [
    ...(collective.length ? ['báo cáo kiểm điểm tập thể'] : []),
    ...(people.length ? [`bản kiểm điểm của ${people.length === 1 ? 'đồng chí' : 'các đồng chí'} có tên trên`] : []),
  ].join(' và ');
  const deadline = reviewsDue ? `; thời hạn ${MILESTONE_LABELS.reviews_due.toLowerCase()}: trước ngày ${dmy(reviewsDue)}` : '';
  body.push(
    p(
      `Đề nghị ${addressee} chỉ đạo chuẩn bị ${papers}, trong đó giải trình đầy đủ từng vấn đề được gợi ý tại phần “Giải trình những vấn đề được gợi ý kiểm điểm”, làm rõ nguyên nhân, trách nhiệm của tập thể, cá nhân và đề ra biện pháp khắc phục${deadline}.`,
    ),
  );
  if (unit.needs_appraisal === 1) {
    const appraisalDue = due.get('appraisal');
    body.push(
      p(
        `Hồ sơ kiểm điểm của ${unitBody} được ${organizationBoard(owner)} thẩm định trước khi tổ chức hội nghị kiểm điểm${
          appraisalDue ? ` (thời hạn thẩm định: trước ngày ${dmy(appraisalDue)})` : ''
        }; hội nghị kiểm điểm chỉ được tổ chức khi hồ sơ đã được thẩm định đạt yêu cầu.`,
      ),
    );
  }
  const attending = assignments.filter((a) => a.duty === 'direct' || a.duty === 'attend');
  if (attending.length) {
    const names = await accountNames(
      ctx.db,
      attending.map((a) => a.accountId),
    );
    const list = [...new Set(attending.map((a) => names.get(a.accountId) ?? a.accountName))];
    body.push(p(`${sender} phân công đồng chí ${list.join(', đồng chí ')} dự, chỉ đạo hội nghị kiểm điểm của ${unitBody}.`));
  }
  body.push(p(`Đề nghị ${addressee} nghiêm túc triển khai thực hiện.`));

  const committee = issuer.unit.kind === 'committee';
  return {
    issuer,
    subjectId: unit.id,
    fileBase: `Gợi ý kiểm điểm năm ${year} - ${unitBody}`,
    model: frame('suggestion_letter', issuer, format, year, {
      typeName: null,
      summary: `V/v gợi ý kiểm điểm năm ${year} đối với ${unitBody}`,
      addressees: [addressee, ...people.map((id) => capitalize(person(id)))],
      body,
      signatures: [collectiveSignature(issuer)],
      recipients: [
        'Như trên',
        ...(committee
          ? [`Thường trực ${issuer.bodyName} (để báo cáo)`, `Ban Tổ chức ${issuer.bodyName}`, `Ủy ban Kiểm tra ${issuer.bodyName}`]
          : []),
        fileCopyLine(issuer),
      ],
    }),
  };
};

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);
