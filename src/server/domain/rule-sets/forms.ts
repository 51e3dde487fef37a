// Form templates of the national generations: the HD 21 / HD 25 individual review and Mẫu 01
// (regulations §3.3) and the HD 43 forms 01, 2A, 2B, 2C (regulations §11.6). Templates are keyed
// by meaning (collective, leader, no post, outside), never by letter: HD 25's 02A is "no post" while
// HD 43's 2A is "leader".
import type { FormMeaning } from '../../../shared/campaign-vocabulary.js';
import {
  DOC,
  MANIFESTATIONS_APPENDIX,
  collectiveCriteria2019,
  individualCriteria2019,
  manifestationsSection,
  politicalTasksSection,
  section,
  src,
  unconfirmed,
} from './common.js';
import type { Criterion, FormSection, FormTemplate, SourceRef } from './types.js';

interface FormMeta {
  code: string;
  letter: string;
  title: string;
  source: SourceRef;
}

/**
 * Sections II–VII of the HD 21 / HD 25 forms (regulations §3.3), the same for the collective report
 * and the individual review but for the wording of V (responsibility) and VII (self-assessed level).
 */
function closingSections2019(sections: SourceRef, wording: { responsibility: string; selfLevel: string }): FormSection[] {
  return [
    section('shortcomings', 'II', 'Hạn chế, khuyết điểm và nguyên nhân', sections),
    section(
      'carry_over',
      'III',
      'Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước',
      sections,
      { graded: true },
    ),
    section('suggestion_answers', 'IV', 'Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)', sections),
    section('responsibility', 'V', wording.responsibility, sections),
    section('directions', 'VI', 'Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm', sections),
    section('self_level', 'VII', wording.selfLevel, sections),
  ];
}

/** Mẫu 01 of the QĐ 124 / HD 25 generation (regulations §3.3), graded per criterion. */
export function collectiveForm2019(meta: FormMeta, sections: SourceRef, manifestations: SourceRef = MANIFESTATIONS_APPENDIX): FormTemplate {
  return {
    meaning: 'collective',
    ...meta,
    sections: [
      section('strengths', 'I', 'Ưu điểm, kết quả đạt được', sections, { criteria: collectiveCriteria2019(sections), graded: true }),
      politicalTasksSection('I.2 (chi tiết)', true),
      manifestationsSection('Phụ lục', manifestations),
      ...closingSections2019(sections, {
        responsibility: 'Trách nhiệm của tập thể và cá nhân đối với những hạn chế, khuyết điểm',
        selfLevel: 'Tự nhận mức xếp loại chất lượng',
      }),
    ],
  };
}

/**
 * The individual review of the HD 21 / HD 25 generation (regulations §3.3). `leaders`: 'only' for a
 * leaders' form (items 3–5 always), 'none' for a no-post form, 'marked' for the single form of a
 * period where items 3–5 apply to leaders only.
 */
export function individualForm2019(
  meta: FormMeta & { meaning: FormMeaning },
  leaders: 'only' | 'none' | 'marked',
  sections: SourceRef,
  manifestations: SourceRef = MANIFESTATIONS_APPENDIX,
): FormTemplate {
  const commitmentNumber = leaders === 'only' ? 'I.6' : leaders === 'none' ? 'I.3' : 'I (mục cuối)';
  return {
    ...meta,
    sections: [
      section('strengths', 'I', 'Ưu điểm, kết quả đạt được', sections, {
        criteria: individualCriteria2019(sections, { leaders }),
        graded: true,
      }),
      section('commitment', commitmentNumber, 'Việc thực hiện bản cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm', sections),
      manifestationsSection('Phụ lục', manifestations),
      ...closingSections2019(sections, {
        responsibility: 'Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)',
        selfLevel: 'Tự nhận mức xếp loại chất lượng (là cán bộ, công chức, viên chức; là đảng viên)',
      }),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// HD 43 (2025 on): section A reviews, section B scores 30 + 70 and proposes a level; no cấp độ.

const MAU01_2025 = src(DOC.hd43, 'regulations §11.6 [Q19][Q10]', { article: 'Mẫu 01-HD KĐ.ĐG 2025' });
const MAU2B_2025 = src(DOC.hd43, 'regulations §11.6 [Q20][Q46]', { article: 'Mẫu 2B' });
const MAU2C_2025 = src(DOC.hd43, 'regulations §11.6 [Q21][Q46]', { article: 'Mẫu 2C' });
const MAU2A_2025 = src(DOC.hd43, 'regulations §11.6 [Q26][Q46]', { article: 'Mẫu 2A', note: 'Cùng khung với Mẫu 2B.' });
/** 2A adds the leadership items of Điều 6; their numbering is UNCONFIRMED (regulations §11.6). */
const MAU2A_ITEMS = unconfirmed(
  DOC.hd43,
  'regulations §11.6 [Q26][Q10]',
  'Cùng khung với Mẫu 2B, thêm nội dung lãnh đạo, quản lý của Điều 6; số thứ tự các mục chưa xác nhận.',
  'Mẫu 2A',
);

function scores(annex: string, general: string, tasks: string, source: SourceRef): Criterion[] {
  return [
    { key: 'general', label: `Nhóm I – Tiêu chí chung (${annex}): ${general}`, maxPoints: 30, source },
    { key: 'tasks', label: `Nhóm II – Kết quả thực hiện nhiệm vụ (${annex}): ${tasks}`, maxPoints: 70, source },
  ];
}

const SCORES_SOURCE = src(DOC.qd366, 'regulations §11.3 [Q34][Q15][Q16]', {
  article: 'Điều 10',
  note: 'Các phụ lục chỉ nêu tổng điểm từng nhóm; điểm thành phần do cấp ủy cấp trên cụ thể hóa (HD 43 mục 7.12).',
});

export const COLLECTIVE_2025: FormTemplate = {
  meaning: 'collective',
  code: 'Mẫu 01-HD KĐ.ĐG 2025',
  letter: '01',
  title: 'Báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể',
  source: src(DOC.hd43, 'regulations §11.5 mục 3a, §11.6 [Q6][Q7][Q19]'),
  sections: [
    section('strengths', 'A.I', 'Ưu điểm, kết quả đạt được', MAU01_2025, {
      criteria: [
        { key: 'principles', label: 'Việc thực hiện nguyên tắc tổ chức và hoạt động của Đảng, quy chế làm việc', source: MAU01_2025 },
        {
          key: 'resolution_results',
          label: 'Kết quả thực hiện nghị quyết đại hội, kế hoạch công tác năm và nhiệm vụ đột xuất',
          source: MAU01_2025,
        },
        {
          key: 'party_building',
          label:
            'Xây dựng Đảng và hệ thống chính trị; xây dựng bộ máy tinh gọn, tinh giản biên chế gắn với cải cách hành chính, chuyển đổi số; nêu gương, trách nhiệm giải trình; phòng, chống tham nhũng, lãng phí, suy thoái; kiểm soát quyền lực; kiểm tra, giám sát, kỷ luật; tiếp dân, giải quyết khiếu nại, tố cáo',
          source: MAU01_2025,
        },
        {
          key: 'leadership_responsibility',
          label:
            'Trách nhiệm của tập thể lãnh đạo, quản lý trong thực hiện đường lối của Đảng và nhiệm vụ chính trị của địa phương, cơ quan, đơn vị',
          source: MAU01_2025,
        },
      ],
      graded: false,
    }),
    politicalTasksSection('A.I.2 (chi tiết)', false),
    manifestationsSection('Phụ lục', MANIFESTATIONS_APPENDIX),
    section('shortcomings', 'A.II', 'Hạn chế, khuyết điểm và nguyên nhân', MAU01_2025),
    section(
      'carry_over',
      'A.III',
      'Kết quả khắc phục hạn chế, khuyết điểm kỳ trước (đã khắc phục / đang khắc phục / chưa khắc phục; vướng mắc; trách nhiệm)',
      MAU01_2025,
    ),
    section('suggestion_answers', 'A.IV', 'Giải trình từng vấn đề được gợi ý kiểm điểm (nguyên nhân, trách nhiệm)', MAU01_2025),
    section('responsibility', 'A.V', 'Trách nhiệm của tập thể, cá nhân (các trường hợp nêu tại Điều 6)', MAU01_2025),
    section('directions', 'A.VI', 'Phương hướng, biện pháp khắc phục', MAU01_2025),
    section('scores', 'B.I', 'Tự chấm điểm theo nhóm tiêu chí (…/30, …/70, tổng …/100)', MAU01_2025, {
      criteria: scores(
        'Phụ lục 1',
        'xây dựng Đảng, năng lực lãnh đạo, kiểm tra giám sát, tập trung dân chủ, lãnh đạo nhiệm vụ chính trị, tự phê bình và khắc phục',
        'kết quả thực hiện chỉ tiêu, nhiệm vụ; kết quả xếp loại của lĩnh vực, đơn vị, tổ chức trực thuộc',
        SCORES_SOURCE,
      ),
    }),
    section('self_level', 'B.II', 'Tự nhận mức xếp loại chất lượng', MAU01_2025),
  ],
};

function individual2025(
  meaning: FormMeaning,
  meta: FormMeta,
  body: SourceRef,
  criteria: Criterion[],
  commitmentNumber: string,
  score: Criterion[],
  items: SourceRef = body,
): FormTemplate {
  return {
    meaning,
    ...meta,
    sections: [
      section('strengths', 'A.I', 'Ưu điểm, kết quả đạt được', items, { criteria, graded: false }),
      section('commitment', commitmentNumber, 'Việc thực hiện bản cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm', items),
      manifestationsSection('Phụ lục', MANIFESTATIONS_APPENDIX),
      section('shortcomings', 'A.II', 'Hạn chế, khuyết điểm và nguyên nhân', body),
      section('carry_over', 'A.III', 'Kết quả khắc phục hạn chế, khuyết điểm kỳ trước', body),
      section('suggestion_answers', 'A.IV', 'Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)', body),
      section('responsibility', 'A.V', 'Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)', body),
      section('directions', 'A.VI', 'Phương hướng, biện pháp khắc phục', body),
      section('scores', 'B.I', 'Tự chấm điểm theo nhóm tiêu chí (…/30, …/70, tổng …/100)', body, { criteria: score }),
      section('self_level', 'B.II', 'Tự nhận mức xếp loại chất lượng', body),
    ],
  };
}

const POLITICS_2025 =
  'Phẩm chất chính trị, đạo đức, lối sống, đoàn kết, ý thức tổ chức kỷ luật, nêu gương, những điều đảng viên không được làm, tác phong, lề lối làm việc; liên hệ các biểu hiện suy thoái';

export const LEADER_2025 = individual2025(
  'member_leader',
  {
    code: 'Mẫu 2A (02A-HD KĐ.ĐG 2025)',
    letter: '2A',
    title: 'Bản kiểm điểm, tự đánh giá, xếp loại cá nhân (cá nhân giữ chức vụ lãnh đạo, quản lý)',
    source: src(DOC.hd43, 'regulations §11.5 mục 3b, §11.6 [Q6][Q26][Q46]'),
  },
  MAU2A_2025,
  [
    { key: 'politics_ethics', label: POLITICS_2025, source: MAU2A_ITEMS },
    { key: 'duties', label: 'Thực hiện chức trách, nhiệm vụ và kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao', source: MAU2A_ITEMS },
    {
      key: 'leadership_results',
      label:
        'Kết quả lãnh đạo, quản lý, mức độ hoàn thành nhiệm vụ của các tổ chức, đơn vị thuộc phạm vi phụ trách; năng lực đoàn kết, tập hợp',
      leadersOnly: true,
      source: MAU2A_ITEMS,
    },
    {
      key: 'responsibility_innovation',
      label:
        'Tinh thần trách nhiệm, đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm (thể chế, khoa học – công nghệ, chuyển đổi số, hội nhập quốc tế, phát triển kinh tế tư nhân)',
      leadersOnly: true,
      source: MAU2A_ITEMS,
    },
    {
      key: 'example_setting',
      label: 'Nêu gương của bản thân và gia đình; phòng, chống tham nhũng, lãng phí; mức độ tín nhiệm; gắn bó với nhân dân',
      leadersOnly: true,
      source: MAU2A_ITEMS,
    },
  ],
  'A.I.6',
  scores(
    'Phụ lục 3',
    'chính trị tư tưởng; đạo đức, kỷ luật; năng lực lãnh đạo, quản lý, đổi mới, dám nghĩ dám làm; uy tín, đoàn kết; tự phê bình và khắc phục',
    'mức độ hoàn thành chỉ tiêu, nhiệm vụ của bản thân, của lĩnh vực phụ trách; kết quả xếp loại tổ chức và cán bộ trực tiếp quản lý',
    SCORES_SOURCE,
  ),
  MAU2A_ITEMS,
);

export const NO_POST_2025 = individual2025(
  'member_no_post',
  {
    code: 'Mẫu 2B (02B-HD KĐ.ĐG 2025)',
    letter: '2B',
    title: 'Bản kiểm điểm, tự đánh giá, xếp loại cá nhân',
    source: src(DOC.hd43, 'regulations §11.5 mục 3b, §11.6 [Q6][Q20][Q46]', {
      note: 'Kèm phụ lục kết quả thực hiện nhiệm vụ (sản phẩm, tiến độ, chất lượng) theo chỉ đạo của cấp ủy.',
    }),
  },
  MAU2B_2025,
  [
    { key: 'politics_ethics', label: POLITICS_2025, source: MAU2B_2025 },
    { key: 'duties', label: 'Thực hiện chức trách, nhiệm vụ và kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao', source: MAU2B_2025 },
  ],
  'A.I.3',
  scores(
    'Phụ lục 4',
    'chính trị, đạo đức, kỷ luật; năng lực chuyên môn, thái độ, đổi mới; tự phê bình và khắc phục',
    'mức độ hoàn thành chỉ tiêu, nhiệm vụ được giao (sản phẩm, tiến độ, chất lượng)',
    SCORES_SOURCE,
  ),
);

export const OUTSIDE_2025 = individual2025(
  'member_outside',
  {
    code: 'Mẫu 2C (02C-HD KĐ.ĐG 2025)',
    letter: '2C',
    title: 'Bản kiểm điểm, tự đánh giá, xếp loại cá nhân (đảng viên không làm việc trong hệ thống chính trị)',
    source: src(DOC.hd43, 'regulations §11.5 mục 3b, §11.6, §11.7 [Q6][Q21][Q23][Q39]'),
  },
  MAU2C_2025,
  [
    { key: 'politics_ethics', label: POLITICS_2025, source: MAU2C_2025 },
    {
      key: 'duties',
      label: 'Thực hiện quyền, nhiệm vụ của đảng viên và nhiệm vụ chính trị do cấp ủy, chi bộ giao',
      source: unconfirmed(
        DOC.hd43,
        'regulations §11.6 [Q21]',
        'Một bản sao giữ lời văn như Mẫu 2B; lời văn chính xác của Mẫu 2C chưa xác nhận.',
        'Mẫu 2C',
      ),
    },
  ],
  'A.I.3',
  scores(
    'Phụ lục 5',
    'phẩm chất chính trị, đạo đức, lối sống, kỷ luật; tự phê bình và khắc phục',
    'thực hiện quyền, nhiệm vụ đảng viên; học tập nghị quyết, đóng góp ý kiến; nhiệm vụ đột xuất, phong trào địa phương trong khả năng sức khỏe, tuổi tác, hoàn cảnh',
    SCORES_SOURCE,
  ),
);
