// A review as written in Tự soi, laid out in the sections of the rule set's form (regulations §3.3
// Mẫu 01 / 02 / 02A / 02B, §11.6 Mẫu 01 / 2A / 2B / 2C; server/domain/rule-sets/forms.ts): section I
// item by item with the self-rated cấp độ where the period grades, the political tasks as the
// detail of item I.2, the yearly commitment as the last item of section I, the shortcomings with
// their causes, the carry-over of earlier shortcomings with last year's remediation, the answers to
// the suggested points, the scores and the self-assessed level. The collective report and the
// individual review share it; the 27 manifestations (NQ 04-NQ/TW, regulations §5) go to an annex.
import { CAUSE_KIND_LABELS, REMEDIATION_ITEM_STATUS_LABELS, SHORTCOMING_STATUS_LABELS } from '../../../../shared/campaign-vocabulary.js';
import type { DocBlock, DocumentModel } from '../../../../shared/contracts/documents.js';
import type { ReviewContent } from '../../../../shared/contracts/review-content.js';
import type { FormSectionView, ReviewView } from '../../../../shared/contracts/reviews.js';
import { dmy, h, textBlocks } from '../document-kit.js';
import { dottedLine, orDots, SHORT_DOTS } from './campaign-refs.js';

type Annex = NonNullable<DocumentModel['annexes']>[number];

const COMMITMENT_RESULTS: Record<'kept' | 'partly' | 'not_kept', string> = {
  kept: 'Đã thực hiện',
  partly: 'Thực hiện chưa đầy đủ',
  not_kept: 'Chưa thực hiện',
};

/** HD 43 groups the form in two parts (regulations §11.6: "A. Nội dung kiểm điểm", "B. Nội dung tự đánh giá, xếp loại"). */
const PART_TITLES: Record<string, string> = {
  A: 'A. NỘI DUNG KIỂM ĐIỂM',
  B: 'B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI',
};

/** "I", "A.III": a part of its own; "I.2 (chi tiết)", "A.I.6", "I (mục cuối)": an item inside section I. */
const isPart = (number: string) => /^(?:[AB]\.)?[IVX]+$/u.test(number);

const labelLine = (label: string, value: string | null, opts: { boldValue?: boolean } = {}): DocBlock => ({
  type: 'paragraph',
  runs: [{ text: `${label}: ` }, { text: value ?? SHORT_DOTS, bold: value !== null && opts.boldValue !== false }],
});

const numbered = (n: string, text: string): DocBlock => ({ type: 'paragraph', runs: [{ text: `${n} ${text}` }] });

/** Free text typed in a review; a dotted line when nothing was written. */
const free = (text: string | undefined): DocBlock[] => orDots(textBlocks(text ?? ''));

export interface ReviewLayout {
  body: DocBlock[];
  annexes: Annex[];
}

export interface ReviewLayoutOptions {
  /** Members who are civil servants state a civil-service level too (HD 21-era form, VII.1). */
  civilServant?: boolean;
}

export function reviewLayout(view: ReviewView, options: ReviewLayoutOptions = {}): ReviewLayout {
  const { content, prefill, form } = view;
  const levelLabel = (l: ReviewContent['selfLevel']) => (l ? (view.scoring.levels.find((x) => x.level === l)?.label ?? null) : null);
  const gradeLabel = (g: string | null) => (g ? (view.scoring.grades.find((x) => x.key === g)?.label ?? null) : null);
  const body: DocBlock[] = [];
  const annexes: Annex[] = [];
  let part: string | null = null;

  const politicalTasks = (s: FormSectionView, asItems: boolean): DocBlock[] => {
    const out: DocBlock[] = [];
    prefill.politicalTasks.forEach((t, i) => {
      const entry = content.politicalTasks.find((e) => e.taskKey === t.key);
      out.push(h(asItems ? `${String.fromCharCode(97 + i)}) ${t.label}` : `${i + 1}. ${t.label}`, asItems ? 3 : 2));
      out.push(...free(entry?.text));
      if (s.graded) out.push(labelLine('Tự đánh giá cấp độ', gradeLabel(entry?.grade ?? null)));
    });
    return out.length ? out : [dottedLine()];
  };

  const commitment = (): DocBlock[] => {
    const items = prefill.commitment?.items ?? [];
    if (items.length === 0) return [dottedLine()];
    return items.map((item, i) => {
      const entry = content.commitment.find((e) => e.itemId === item.id);
      const result = entry?.result ? COMMITMENT_RESULTS[entry.result] : SHORT_DOTS;
      const note = entry?.note.trim() ? ` ${entry.note.trim()}` : '';
      return numbered(`${String.fromCharCode(97 + i)})`, `${item.text}: ${result}.${note}`);
    });
  };

  const strengths = (s: FormSectionView): DocBlock[] => {
    const out: DocBlock[] = [];
    const tasks = form.sections.find((x) => x.key === 'political_tasks' && !isPart(x.number));
    s.criteria.forEach((c, i) => {
      const entry = content.strengths.find((e) => e.criterionKey === c.key);
      out.push(h(`${i + 1}. ${c.label}`, 2));
      out.push(...free(entry?.text));
      if (s.graded) out.push(labelLine('Tự đánh giá cấp độ', gradeLabel(entry?.grade ?? null)));
      // "I.2 (chi tiết)": the key political tasks detail the results of item 2 (Hà Tĩnh 2017, regulations §3.3).
      if (i === 1 && tasks && prefill.politicalTasks.length) out.push(...politicalTasks(tasks, true));
    });
    // The yearly commitment is the last item of section I (regulations §3.3: "(last) carrying out
    // the yearly self-improvement commitment"; forms.ts numbers it I.3 / I.6 / A.I.3 / A.I.6).
    const pledge = form.sections.find((x) => x.key === 'commitment' && !isPart(x.number));
    if (pledge) {
      out.push(h(`${s.criteria.length + 1}. ${pledge.title}`, 2));
      out.push(...commitment());
    }
    if (s.criteria.length === 0 && !pledge) out.push(dottedLine());
    return out;
  };

  const shortcomings = (): DocBlock[] => {
    const entries = content.shortcomings.filter((e) => e.text.trim() !== '');
    if (entries.length === 0) return [dottedLine()];
    const out: DocBlock[] = [];
    entries.forEach((e, i) => {
      out.push(numbered(`${i + 1}.`, e.text.trim()));
      const kind = e.causeKind ? CAUSE_KIND_LABELS[e.causeKind] : null;
      const cause = e.cause.trim();
      const value = kind && cause ? `${kind.toLowerCase()} – ${cause}` : kind ? kind.toLowerCase() : cause || null;
      out.push(labelLine('Nguyên nhân', value, { boldValue: false }));
    });
    return out;
  };

  // Section III: each earlier shortcoming, the status the writer marked and, beside it, what last
  // year's remediation plan did about it (issue 4 item 6; regulations §3.1 bước 8).
  const carryOver = (): DocBlock[] => {
    if (prefill.carryOver.length === 0) return [dottedLine()];
    const out: DocBlock[] = [];
    prefill.carryOver.forEach((s, i) => {
      const entry = content.carryOver.find((e) => e.shortcomingId === s.id);
      // A merged unit answers for its predecessors' shortcomings too (regulations §11.8).
      const origin = s.own ? `chỉ ra năm ${s.yearFound}` : `chỉ ra năm ${s.yearFound} đối với ${s.subjectName}`;
      out.push(numbered(`${i + 1}.`, `${s.text} (${origin})`));
      for (const r of s.remediation) {
        const progress = r.status === 'in_progress' ? ` (${r.progressPct} %)` : '';
        out.push({
          type: 'list',
          items: [
            `Biện pháp khắc phục năm ${r.reviewYear}: ${r.action}${r.owner ? `; người thực hiện: ${r.owner}` : ''}${r.deadline ? `; thời hạn: ${dmy(r.deadline)}` : ''} – ${REMEDIATION_ITEM_STATUS_LABELS[r.status].toLowerCase()}${progress}.`,
          ],
        });
      }
      out.push(labelLine('Kết quả khắc phục', entry?.status ? SHORTCOMING_STATUS_LABELS[entry.status] : null));
      const note = entry?.note.trim();
      if (note) out.push(...textBlocks(note));
    });
    return out;
  };

  const suggestionAnswers = (): DocBlock[] => {
    if (prefill.suggestionItems.length === 0) return [dottedLine()];
    const out: DocBlock[] = [];
    prefill.suggestionItems.forEach((item, i) => {
      const answer = content.suggestionAnswers.find((a) => a.itemId === item.id)?.answer;
      out.push({
        type: 'paragraph',
        runs: [
          { text: `${i + 1}. Vấn đề được gợi ý: `, bold: true },
          { text: item.text, italic: true },
        ],
      });
      out.push(...free(answer));
    });
    return out;
  };

  const manifestationRows = (): (string | number)[][] =>
    prefill.manifestations.map((m) => {
      const e = content.manifestations.find((x) => x.code === m.code);
      const answer = e?.present === true ? 'Có biểu hiện' : e?.present === false ? 'Không' : '…';
      return [m.code, m.text, answer, e?.note.trim() ?? ''];
    });
  const manifestationsAnswered = () => content.manifestations.some((m) => m.present !== null || m.note.trim() !== '');
  const manifestationTable = (): DocBlock => ({
    type: 'table',
    columns: [
      { header: 'TT', width: 8, align: 'center' },
      { header: 'Biểu hiện', width: 56 },
      { header: 'Tự đối chiếu', width: 16, align: 'center' },
      { header: 'Ghi chú', width: 20 },
    ],
    rows: manifestationRows(),
  });

  const scores = (s: FormSectionView): DocBlock[] => {
    const { general, tasks } = content.scores;
    const [g, t] = s.criteria;
    const name = (label: string | undefined, fallback: string) => (label ? label.split(':')[0]!.trim() : fallback);
    const pts = (v: number | null, max: number | null | undefined) =>
      `${v === null ? SHORT_DOTS : v.toLocaleString('vi-VN')}/${max ?? ''} điểm`;
    const total = general !== null && tasks !== null ? (general + tasks).toLocaleString('vi-VN') : SHORT_DOTS;
    return [
      labelLine(name(g?.label, 'Nhóm I – Tiêu chí chung'), pts(general, g?.maxPoints ?? 30), { boldValue: false }),
      labelLine(name(t?.label, 'Nhóm II – Kết quả thực hiện nhiệm vụ'), pts(tasks, t?.maxPoints ?? 70), { boldValue: false }),
      labelLine('Tổng điểm', `${total}/100 điểm`),
    ];
  };

  const selfLevel = (s: FormSectionView): DocBlock[] => {
    // The HD 21 / HD 25 individual form asks for two levels (regulations §3.3, VII: "(1) as CBCCVC, (2) as đảng viên").
    if (/công chức, viên chức/u.test(s.title)) {
      const out: DocBlock[] = [];
      if (options.civilServant || content.civilServiceSelfLevel)
        out.push(labelLine('Là cán bộ, công chức, viên chức', levelLabel(content.civilServiceSelfLevel)));
      out.push(labelLine('Là đảng viên', levelLabel(content.selfLevel)));
      return out;
    }
    return [labelLine('Tự nhận mức xếp loại', levelLabel(content.selfLevel))];
  };

  for (const s of form.sections) {
    if (s.key === 'manifestations' && !isPart(s.number)) {
      // Tự soi's checklist of the 27 manifestations is an annex of the review (rule-sets/common.ts
      // MANIFESTATIONS_APPENDIX); printed only once the writer has gone through it.
      if (manifestationsAnswered())
        annexes.push({
          title: 'PHỤ LỤC',
          subtitle:
            'Tự đối chiếu với 27 biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa” trong nội bộ (Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Hội nghị Trung ương 4 khóa XII)',
          body: [manifestationTable()],
        });
      continue;
    }
    if (!isPart(s.number)) continue;
    const grouped = /^([AB])\.(.+)$/u.exec(s.number);
    if (grouped && grouped[1] !== part) {
      part = grouped[1]!;
      body.push(h(PART_TITLES[part]!, 1));
    }
    const title = s.title.replace(/\s*\(…[^)]*\)$/u, '');
    body.push(h(`${grouped ? grouped[2] : s.number}. ${title}`, 1));
    switch (s.key) {
      case 'strengths':
        body.push(...strengths(s));
        break;
      case 'political_tasks':
        body.push(...politicalTasks(s, false));
        break;
      case 'commitment':
        body.push(...commitment());
        break;
      case 'example_setting':
        body.push(...free(content.exampleSetting));
        break;
      case 'manifestations':
        body.push(...(manifestationsAnswered() ? [manifestationTable()] : [dottedLine()]));
        break;
      case 'shortcomings':
        body.push(...shortcomings());
        break;
      case 'carry_over':
        body.push(...carryOver());
        break;
      case 'suggestion_answers':
        body.push(...suggestionAnswers());
        break;
      case 'responsibility':
        body.push(...free(content.responsibility));
        break;
      case 'directions':
        body.push(...free(content.directions));
        break;
      case 'scores':
        body.push(...scores(s));
        break;
      case 'self_level':
        body.push(...selfLevel(s));
        break;
    }
  }
  return { body, annexes };
}
