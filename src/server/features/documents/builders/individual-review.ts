// Bản kiểm điểm cá nhân (regulations §3.3: Mẫu 02 / 02A / 02B; §11.6: Mẫu 2A / 2B / 2C): the
// member's self-review as written in Tự soi, on the form the rule set gives the member (leaders get
// the leaders' form; forms.ts and rule-sets/index.ts formMeaningFor decide), then the sign-off: the
// member signs as "NGƯỜI TỰ KIỂM ĐIỂM"; beside it the chi ủy / chi bộ block (comment and proposed
// level) and under it the competent level's block (decided level), filled only with what the
// reader may see of the classification (design §2, rows "Classification before / after
// publication": a member sees her own level once published) and dotted otherwise.
//
// The review is read with the review use case, so "Individual reviews" of design §2 applies (the
// office reads none; a director reads key leaders only); the member may take her own review
// (build-document.ts). It is the member's own paper: no register number, the chi bộ's header.
import type { DocBlock, DocSignature } from '../../../../shared/contracts/documents.js';
import type { ClassificationDetail } from '../../../../shared/contracts/classification.js';
import type { MemberDetail } from '../../../../shared/contracts/members.js';
import { AppError } from '../../../../shared/errors.js';
import { caps } from '../../../domain/documents/party-format.js';
import { pathIds } from '../../../domain/org-tree.js';
import { getClassification } from '../../classification/my-results.js';
import { getMember } from '../../members/get-member.js';
import { getReview } from '../../reviews/get-review.js';
import { dmy, frame, loadDocumentFormat, loadIssuer, type DocumentBuilder } from '../document-kit.js';
import { SHORT_DOTS } from './campaign-refs.js';
import { reviewLayout } from './review-sections.js';

/** The screen's refusal of a part the review's reader may not see leaves that part for the hand. */
async function unlessRefused<T>(read: Promise<T>, code: string): Promise<T | null> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof AppError && e.code === code) return null;
    throw e;
  }
}

const field = (label: string, value: string | null | undefined): DocBlock => ({
  type: 'paragraph',
  runs: [{ text: `${label}: ` }, { text: value?.trim() ? value.trim() : SHORT_DOTS }],
});

export const buildIndividualReview: DocumentBuilder = async (ctx, principal, { campaign, subjectId }) => {
  const view = await getReview(ctx, principal, { campaignId: campaign.id, subjectKind: 'member', subjectKey: subjectId! });
  const memberId = view.subject.memberId!;
  const [issuer, format, member, classification] = await Promise.all([
    loadIssuer(ctx.db, view.subject.unitId),
    loadDocumentFormat(ctx.db),
    // The profile page's rule (design §2, "Org units, member profiles"): where it refuses, the
    // identity lines stay blank.
    unlessRefused<MemberDetail>(getMember(ctx, principal, memberId), 'member.not_found'),
    unlessRefused<ClassificationDetail>(getClassification(ctx, principal, campaign.id, 'member', memberId), 'classification.not_found'),
  ]);
  // The member's grassroots unit decides her level (regulations §2.5; authority.ts decidingBody).
  const grassroots = await ctx.db
    .selectFrom('org_units')
    .select(['kind'])
    .where('id', 'in', pathIds(issuer.unit.path))
    .where('kind', 'in', ['grassroots_party', 'grassroots_cell'])
    .executeTakeFirst();
  const year = campaign.review_year;
  const [mainTitle, qualifier] = view.form.title.split(/\s+\((.+)\)$/u);
  const { body, annexes } = reviewLayout(view, { civilServant: member?.isCivilServant });

  body.unshift(
    field('Họ và tên', view.subject.name),
    field('Ngày sinh', member?.birthDate ? dmy(member.birthDate) : null),
    field('Chức vụ Đảng', member?.partyPosts),
    field('Chức vụ chính quyền, đoàn thể', member?.governmentPosts),
    // Tự soi keeps no workplace for a member: left for the hand.
    field('Đơn vị công tác', null),
    field('Chi bộ', view.subject.unitName),
  );

  const levelOf = (l: ClassificationDetail['proposedLevel']) =>
    l ? (view.scoring.levels.find((x) => x.level === l)?.label ?? null) : null;
  const proposed = levelOf(classification?.proposedLevel ?? null);
  const decided = levelOf(classification?.decidedLevel ?? null);
  const decision =
    decided && classification?.decisionNumber
      ? ` (Quyết định số ${classification.decisionNumber}${classification.decisionDate ? ` ngày ${dmy(classification.decisionDate)}` : ''})`
      : '';
  // The form's blocks (regulations §3.3: chi ủy comment and chi bộ proposal "T/M CHI ỦY (CHI BỘ)";
  // decision "T/M ĐẢNG ỦY (CHI ỦY)"). Tự soi records the proposed and decided levels, not the chi
  // ủy's written comment: that line is always left for the hand.
  const cellBlock: DocSignature = {
    note: `Nhận xét, đánh giá của chi ủy (chi bộ): ${SHORT_DOTS} Đề nghị xếp loại: ${proposed ?? SHORT_DOTS}.`,
    authority: 'T/M CHI ỦY (CHI BỘ)',
    title: 'BÍ THƯ',
    name: '',
  };
  const self: DocSignature = { authority: null, title: 'NGƯỜI TỰ KIỂM ĐIỂM', name: view.subject.name };
  const decisionBlock: DocSignature = {
    note: `Đánh giá, xếp loại của cấp có thẩm quyền: ${decided ? `${decided}${decision}` : SHORT_DOTS}.`,
    authority: grassroots?.kind === 'grassroots_party' ? 'T/M ĐẢNG ỦY' : 'T/M CHI ỦY (CHI BỘ)',
    title: 'BÍ THƯ',
    name: '',
  };

  return {
    issuer,
    subjectId: memberId,
    fileBase: `Bản kiểm điểm cá nhân năm ${year} - ${view.subject.name}`,
    model: frame('individual_review', issuer, format, year, {
      typeName: caps(mainTitle!),
      summary: qualifier ? `Năm ${year} (${qualifier})` : `Năm ${year}`,
      body,
      // Two side by side (the chi bộ's block on the left, the member's signature on the right), the
      // deciding level's block under them (docx.ts closingBlock).
      signatures: [cellBlock, self, decisionBlock],
      recipients: [],
      annexes: annexes.length ? annexes : undefined,
    }),
  };
};
