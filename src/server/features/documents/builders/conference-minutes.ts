// Biên bản hội nghị kiểm điểm (regulations §3.1 bước 5, §3.3 "Biên bản họp chi bộ/tổ đảng đánh
// giá"; QĐ 366 Điều 17: the minutes belong to the review dossier): the meeting as it was recorded in
// Tự soi — time, place, chair and secretary, who was summoned, present and absent (with reasons),
// the upper level's guests, the agenda in its enforced order (QĐ 366 Điều 7 khoản 3), for each
// subject the criticism and replies, the answers to suggested points, the conclusions and the chi
// bộ's vote, then the tallies by member — signed by the secretary and the chair side by side.
// Issued by the unit that held the meeting (BB). Read through the conference page's use case, so its
// refusals and its privacy hold: the suggested points are those the page shows the caller.
import type { DocBlock } from '../../../../shared/contracts/documents.js';
import type { ConferenceView, EntryView } from '../../../../shared/contracts/conferences.js';
import { AppError } from '../../../../shared/errors.js';
import { getConference } from '../../conferences/get-conference.js';
import { frame, h, labelled, loadDocumentFormat, loadIssuer, p, textBlocks, type DocumentBuilder } from '../document-kit.js';
import {
  comrade,
  DOTS,
  SHORT_DOTS,
  localMoment,
  lowerFirst,
  parentOf,
  stripComrade,
  tallyTable,
  upperBodyName,
} from './after-review-kit.js';

export const buildConferenceMinutes: DocumentBuilder = async (ctx, principal, { campaign, subjectId }) => {
  if (!subjectId) throw new AppError('document.subject_required');
  const view = await getConference(ctx, principal, subjectId);
  // The meeting of another campaign is not this campaign's document.
  if (view.campaignId !== campaign.id) throw new AppError('conference.not_found');
  const [issuer, format] = await Promise.all([loadIssuer(ctx.db, view.unitId), loadDocumentFormat(ctx.db)]);
  const parent = await parentOf(ctx.db, issuer);
  const year = view.reviewYear;

  const body: DocBlock[] = [];
  const start = localMoment(view.startedAt ?? view.scheduledFor);
  const end = localMoment(view.closedAt);
  body.push(
    p(
      `Hôm nay, ${start ? `${start.time ? `lúc ${start.time}, ` : ''}ngày ${start.date}` : `ngày ${DOTS}`}, tại ${view.place?.trim() || DOTS}, ` +
        `${view.unitName} tổ chức hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tập thể và cá nhân năm ${year}.`,
      { indent: true },
    ),
  );

  body.push(h('I. THÀNH PHẦN HỘI NGHỊ', 1));
  body.push(labelled('Chủ trì hội nghị', comrade(view.minutes.chair)));
  body.push(labelled('Thư ký hội nghị', comrade(view.minutes.secretary)));
  body.push(...attendanceBlocks(view));
  body.push(...guestBlocks(view));

  body.push(h('II. NỘI DUNG HỘI NGHỊ', 1));
  if (view.minutes.opening.trim()) body.push(...textBlocks(view.minutes.opening));
  body.push(
    p('Hội nghị kiểm điểm theo thứ tự: tập thể trước, cá nhân sau; người đứng đầu trước, cấp phó và đảng viên sau:', { indent: true }),
  );
  body.push(...view.agenda.map((a, i) => p(`${i + 1}. ${a.label}`)));
  if (view.minutes.general.trim()) body.push(...textBlocks(view.minutes.general));
  view.agenda.forEach((item, i) => body.push(...subjectBlocks(view, item, i)));
  const loose = view.entries.filter((e) => e.subjectKind === null);
  if (loose.length > 0) {
    body.push(h(`${view.agenda.length + 1}. Ý kiến khác tại hội nghị`, 2));
    for (const e of loose) body.push(entryBlock(view, e));
  }

  if (view.tallies.length > 0) {
    body.push(h('III. KẾT QUẢ BIỂU QUYẾT ĐỀ NGHỊ XẾP LOẠI ĐẢNG VIÊN', 1));
    body.push(minutesTallyTable(view));
  }

  body.push(h(`${view.tallies.length > 0 ? 'IV' : 'III'}. KẾT THÚC HỘI NGHỊ`, 1));
  if (view.minutes.closing.trim()) body.push(...textBlocks(view.minutes.closing));
  body.push(
    p(
      end
        ? `Hội nghị kết thúc lúc ${end.time}, ngày ${end.date}.`
        : `Hội nghị kết thúc lúc ${SHORT_DOTS} giờ ${SHORT_DOTS} phút, ngày ${DOTS}.`,
      {
        indent: true,
      },
    ),
  );

  return {
    issuer,
    subjectId: view.id,
    fileBase: `Biên bản hội nghị kiểm điểm năm ${year} - ${view.unitName}`,
    model: frame('conference_minutes', issuer, format, year, {
      summary: `hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm ${year}`,
      body,
      // The minutes are signed by the one who kept them and the one who chaired (regulations §3.1 bước 5).
      signatures: [
        { authority: null, title: 'THƯ KÝ HỘI NGHỊ', name: stripComrade(view.minutes.secretary) },
        { authority: null, title: 'CHỦ TRÌ HỘI NGHỊ', name: stripComrade(view.minutes.chair) },
      ],
      recipients: [...(parent ? [`${upperBodyName(parent)} (để báo cáo)`] : []), 'Lưu hồ sơ kiểm điểm'],
    }),
  };
};

/** Who was summoned, present and absent with the reasons, and the quorum's arithmetic (regulations §9b). */
function attendanceBlocks(view: ConferenceView): DocBlock[] {
  const present = view.attendance.filter((a) => a.present === true);
  const absent = view.attendance.filter((a) => a.present === false);
  const unmarked = view.attendance.filter((a) => a.present === null);
  const out: DocBlock[] = [
    labelled(
      'Đảng viên được triệu tập',
      `${view.attendance.length} đồng chí; có mặt ${present.length} đồng chí; vắng mặt ${absent.length} đồng chí` +
        (unmarked.length > 0 ? `; chưa ghi nhận ${unmarked.length} đồng chí` : '') +
        '.',
    ),
  ];
  if (absent.length > 0) {
    out.push(p('Các đồng chí vắng mặt:', { indent: true }));
    out.push({ type: 'list', items: absent.map((a) => `Đồng chí ${a.fullName}: ${a.absenceReason?.trim() || 'không rõ lý do'}`) });
  }
  out.push(p(view.quorum.explanation, { indent: true, italic: true }));
  return out;
}

function guestBlocks(view: ConferenceView): DocBlock[] {
  const came = view.guests.filter((g) => g.attended);
  if (came.length === 0) return [labelled('Đại biểu cấp trên dự hội nghị', 'không có')];
  return [
    p('Đại biểu cấp trên dự hội nghị:', { bold: true }),
    {
      type: 'list',
      items: came.map((g) => {
        // Director guests come titled "Đồng chí phụ trách, chỉ đạo" (start-conference.ts): not twice "Đồng chí".
        const title = stripComrade(g.title) || (g.kind === 'director' ? 'phụ trách, chỉ đạo' : '');
        return `${comrade(g.name, true)}${title ? `, ${title}` : ''}`;
      }),
    },
  ];
}

/** One subject of the agenda: what was said, explained and concluded, and the chi bộ's vote. */
function subjectBlocks(view: ConferenceView, item: ConferenceView['agenda'][number], i: number): DocBlock[] {
  const out: DocBlock[] = [h(`${i + 1}. Kiểm điểm ${lowerFirst(item.label)}`, 2)];
  const entries = view.entries.filter((e) => e.subjectKind === item.subjectKind && e.subjectKey === item.subjectKey);
  const said = entries.filter((e) => e.kind !== 'conclusion');
  const concluded = entries.filter((e) => e.kind === 'conclusion');
  for (const e of said) out.push(entryBlock(view, e));
  if (concluded.length > 0) {
    out.push(p('Hội nghị kết luận những hạn chế, khuyết điểm cần khắc phục:', { indent: true, bold: true }));
    out.push({ type: 'list', items: concluded.map((e) => e.text) });
  }
  const tally = item.subjectKind === 'member' ? view.tallies.find((t) => t.memberId === item.subjectKey) : undefined;
  if (tally) {
    const votes = view.levels.map((l) => `${l.short} ${tally.votes[l.level]} phiếu`).join(', ');
    const level = view.levels.find((l) => l.level === tally.proposedLevel);
    out.push({
      type: 'paragraph',
      indent: true,
      runs: [
        { text: 'Kết quả biểu quyết: ', bold: true },
        {
          text:
            `có mặt ${tally.present}, phiếu hợp lệ ${tally.valid}, không hợp lệ ${tally.invalid}; ${votes}. ` +
            `Chi bộ đề nghị mức: ${level ? level.label : DOTS}.`,
        },
      ],
    });
  }
  if (said.length === 0 && concluded.length === 0 && !tally) out.push(p(DOTS, { indent: true }));
  return out;
}

function entryBlock(view: ConferenceView, e: EntryView): DocBlock {
  if (e.kind === 'criticism') {
    return {
      type: 'paragraph',
      indent: true,
      runs: [
        { text: `${comrade(e.speaker, true)}: `, bold: true },
        { text: e.text },
        ...(e.reply?.trim() ? [{ text: ' Tiếp thu, giải trình: ', italic: true }, { text: e.reply.trim() }] : []),
      ],
    };
  }
  if (e.kind === 'suggestion_answer') {
    // The point as the page shows it to this caller (get-conference: a member sees only their own).
    const point = e.suggestionItemId ? view.suggestionItems.find((s) => s.id === e.suggestionItemId) : undefined;
    return {
      type: 'paragraph',
      indent: true,
      runs: [
        { text: 'Giải trình vấn đề được gợi ý kiểm điểm', bold: true },
        ...(point ? [{ text: ` «${point.text}»` }] : []),
        { text: ': ' },
        { text: e.text },
      ],
    };
  }
  return {
    type: 'paragraph',
    indent: true,
    runs: [...(e.speaker?.trim() ? [{ text: `${comrade(e.speaker, true)}: `, bold: true }] : []), { text: e.text }],
  };
}

function minutesTallyTable(view: ConferenceView): DocBlock {
  return tallyTable(view, { present: 'Có mặt', valid: 'Hợp lệ', proposed: 'Đề nghị', pending: '', nameWidth: 21, countWidth: 7 });
}
