// Biên bản kiểm phiếu (regulations §3.3 "Phiếu biểu quyết / phiếu đề xuất xếp loại ĐV", §2.5 "chi
// bộ proposes after discussion and a vote"): the counts typed into Tự soi from the paper count of
// the review meeting (vote_tallies) — for each member the ballots issued and returned, the valid
// ones, the ballots per level and the level proposed by the rule of regulations §9b
// (domain/classification/tally.ts). Nothing links a ballot to a voter, so neither does the
// document. Tự soi does not record who sat on the counting committee: their names are left dotted
// for the hand. Issued by the unit that held the meeting (BB); read through the conference page's
// use case, which shows the tallies only to those who read more than the minutes (design §2).
import type { DocBlock } from '../../../../shared/contracts/documents.js';
import { AppError } from '../../../../shared/errors.js';
import { getConference } from '../../conferences/get-conference.js';
import { frame, h, loadDocumentFormat, loadIssuer, p, type DocumentBuilder } from '../document-kit.js';
import { DOTS, SHORT_DOTS, levelLegend, localMoment, ruleSetOf, tallyTable, talliesInAgendaOrder } from './after-review-kit.js';

export const buildVoteTally: DocumentBuilder = async (ctx, principal, { campaign, subjectId }) => {
  if (!subjectId) throw new AppError('document.subject_required');
  const view = await getConference(ctx, principal, subjectId);
  if (view.campaignId !== campaign.id) throw new AppError('conference.not_found');
  // A member reads the minutes of the own chi bộ, never the tallies (design §2, conference-policy.ts).
  if (!view.abilities.readTallies) throw new AppError('auth.forbidden');
  const ruleSet = ruleSetOf(campaign);
  const [issuer, format] = await Promise.all([loadIssuer(ctx.db, view.unitId), loadDocumentFormat(ctx.db)]);
  const year = view.reviewYear;
  const day = localMoment(view.startedAt ?? view.scheduledFor);

  const names = new Map(view.attendance.map((a) => [a.memberId, a.fullName]));
  const tallies = talliesInAgendaOrder(view);
  const counted = new Set(tallies.map((t) => t.memberId));
  const waiting = view.agenda.filter((a) => a.votable && !counted.has(a.subjectKey));

  const body: DocBlock[] = [
    p(
      `Hôm nay, ngày ${day?.date ?? DOTS}, tại ${view.place?.trim() || DOTS}, hội nghị kiểm điểm, đánh giá, xếp loại chất lượng ` +
        `năm ${year} của ${view.unitName} đã biểu quyết đề nghị mức xếp loại chất lượng đối với từng đảng viên.`,
    ),
    p('Ban kiểm phiếu gồm các đồng chí:'),
    { type: 'list', items: [`Đồng chí ${DOTS} – Trưởng ban`, `Đồng chí ${DOTS} – Ủy viên`, `Đồng chí ${DOTS} – Ủy viên`] },
    p(
      `Số đảng viên chính thức được triệu tập: ${view.quorum.summoned}; số đảng viên chính thức có mặt: ${view.quorum.present}. ` +
        'Đảng viên dự bị dự hội nghị nhưng không biểu quyết.',
    ),
    h('KẾT QUẢ KIỂM PHIẾU', 1),
  ];
  if (tallies.length === 0) {
    body.push(p(`Chưa có kết quả kiểm phiếu nào được ghi nhận. ${DOTS}`));
  } else {
    // The invalid ballots are given member by member below the table.
    body.push(
      tallyTable(view, {
        present: 'Phiếu phát ra',
        valid: 'Phiếu hợp lệ',
        proposed: 'Mức đề nghị',
        pending: 'Chưa đủ',
        nameWidth: 19,
        countWidth: 8,
      }),
    );
    body.push(p(`${levelLegend(ruleSet, 'member')} Số phiếu phát ra bằng số đảng viên có mặt khi biểu quyết.`, { italic: true }));
    // regulations §9b (UNCONFIRMED practice, tally.ts proposedLevelFromTally): said as the rule it is.
    body.push(
      p(
        'Mức đề nghị của mỗi đồng chí là mức cao nhất mà số phiếu ở mức đó và các mức cao hơn chiếm quá một nửa số phiếu hợp lệ ' +
          '(cách xác định mặc định của Tự soi theo thực tiễn, chưa có văn bản quy định; cấp ủy có thể đề nghị khác và ghi rõ lý do).',
      ),
    );
    body.push({
      type: 'list',
      items: tallies.map((t) => {
        const head = `Đồng chí ${names.get(t.memberId) ?? ''}: ${t.present} phiếu phát ra, thu vào ${t.valid + t.invalid} (${t.valid} hợp lệ, ${t.invalid} không hợp lệ)`;
        const at = view.levels.findIndex((l) => l.level === t.proposedLevel);
        if (at < 0) return `${head}; không mức nào được quá một nửa số phiếu hợp lệ.`;
        // view.levels runs from the highest level down (LEVELS order).
        const atOrAbove = view.levels.slice(0, at + 1).reduce((n, l) => n + t.votes[l.level], 0);
        return `${head}; ${atOrAbove}/${t.valid} phiếu hợp lệ ở mức «${view.levels[at]!.label}» trở lên, đề nghị mức này.`;
      }),
    });
  }
  if (waiting.length > 0) {
    body.push(p(`Chưa có kết quả kiểm phiếu đối với: ${waiting.map((a) => a.label).join('; ')}.`, { italic: true }));
  }
  body.push(p(`Biên bản kiểm phiếu lập xong lúc ${SHORT_DOTS} giờ ${SHORT_DOTS} phút cùng ngày.`));

  return {
    issuer,
    subjectId: view.id,
    fileBase: `Biên bản kiểm phiếu năm ${year} - ${view.unitName}`,
    model: frame('vote_tally', issuer, format, year, {
      summary: `kiểm phiếu biểu quyết đề nghị xếp loại chất lượng đảng viên năm ${year}`,
      body,
      // The counting committee signs: its members on the left, its head on the right (the last
      // signature, the one issuing replaces).
      signatures: [
        { authority: null, title: 'CÁC ỦY VIÊN BAN KIỂM PHIẾU', name: DOTS },
        { authority: null, title: 'TRƯỞNG BAN KIỂM PHIẾU', name: DOTS },
      ],
      recipients: [],
    }),
  };
};
