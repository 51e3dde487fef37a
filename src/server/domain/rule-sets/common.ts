// Pieces several rule sets share: the documents they cite, the 2018-on level names, the cấp độ
// scale, the review sections common to the HD 21 / HD 25 / HD 43 forms, population cases and the
// builders of the configurable items. Everything cites regulations.md.
import type { Level } from '../../../shared/campaign-vocabulary.js';
import type {
  ConfigurableItem,
  Criterion,
  FormSection,
  GradeDef,
  LevelDef,
  PoliticalTask,
  PopulationCase,
  PopulationTreatment,
  QuotaDef,
  SectionKey,
  SourceRef,
} from './types.js';

// ---------------------------------------------------------------------------------------------
// Documents (regulations §1.1, §11.1)

export const DOC = {
  hd20: 'HD 20-HD/BTCTW, 10/10/2008',
  hd27: 'HD 27-HD/BTCTW, 25/9/2014',
  nq04: 'NQ 04-NQ/TW, 30/10/2016',
  cv1825: 'CV 1825-CV/BTCTW, 18/11/2016',
  qd132: 'QĐ 132-QĐ/TW, 08/3/2018',
  hd16: 'HD 16-HD/BTCTW, 24/9/2018',
  hd21: 'HD 21-HD/BTCTW, 18/10/2019',
  qd124: 'QĐ 124-QĐ/TW, 04/10/2023',
  hd25: 'HD 25-HD/BTCTW, 10/11/2023',
  qd366: 'QĐ 366-QĐ/TW, 30/8/2025',
  hd43: 'HD 43-HD/BTCTW, 31/10/2025',
  cv10072: 'CV 10072-CV/BTCTW, 06/11/2025',
  haTinh2017: 'Thực tiễn Thành ủy Hà Tĩnh, kiểm điểm năm 2017',
  tusoi: 'Mặc định của Tự soi',
} as const;

export function src(document: string, reference: string, extra: Partial<Omit<SourceRef, 'document' | 'reference'>> = {}): SourceRef {
  return { document, reference, ...extra };
}

/** An item regulations.md marks UNCONFIRMED (or a §9b default): configurable, never hard-wired. */
export function unconfirmed(document: string, reference: string, note: string, article?: string): SourceRef {
  return { document, reference, unconfirmed: true, note, ...(article ? { article } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Levels and grades

/** The 2018-on names, the same for members and organizations (regulations §1.2). */
export const LEVEL_NAMES_2018: Record<Level, { label: string; short: string }> = {
  excellent: { label: 'Hoàn thành xuất sắc nhiệm vụ', short: 'HTXSNV' },
  good: { label: 'Hoàn thành tốt nhiệm vụ', short: 'HTTNV' },
  satisfactory: { label: 'Hoàn thành nhiệm vụ', short: 'HTNV' },
  unsatisfactory: { label: 'Không hoàn thành nhiệm vụ', short: 'KHTNV' },
};

export function levels2018(defs: Record<Level, { conditions?: string; minPoints?: number; source: SourceRef }>): LevelDef[] {
  return (['excellent', 'good', 'satisfactory', 'unsatisfactory'] as const).map((level) => ({
    level,
    ...LEVEL_NAMES_2018[level],
    ...defs[level],
  }));
}

/**
 * Member level conditions worded alike in several periods; each period still cites its own source
 * (regulations §2.1: QĐ 132 with HD 16 and HD 21, QĐ 124 with HD 25).
 */
export const MEMBER_CONDITIONS = {
  /** QĐ 132 (HD 16, HD 21): the grounds for "Không hoàn thành nhiệm vụ". */
  unsatisfactoryQd132:
    'Không đạt mức hoàn thành nhiệm vụ, hoặc một trong các trường hợp: bị kết luận suy thoái, "tự diễn biến", "tự chuyển hóa"; hoàn thành dưới 50 % chỉ tiêu, nhiệm vụ; là cán bộ, công chức, viên chức bị xếp loại không hoàn thành nhiệm vụ; bị kỷ luật trong năm (một vi phạm chỉ tính một lần).',
  /** HD 21 and QĐ 124: "Hoàn thành tốt nhiệm vụ" (the collective's wording, assumed for members). */
  good2019: 'Các tiêu chí đạt mức Trung bình trở lên, tiêu chí về kết quả thực hiện nhiệm vụ đạt mức Tốt trở lên, có sản phẩm cụ thể.',
  /** HD 21 and QĐ 124: "Hoàn thành nhiệm vụ". */
  satisfactory2019: 'Các tiêu chí cơ bản đạt mức Trung bình trở lên.',
} as const;

/** Cấp độ per criterion, 2018–2024 (regulations §1.2 "How a level is reached", §3.1 step 6). */
export const GRADES: GradeDef[] = [
  { key: 'excellent', label: 'Xuất sắc' },
  { key: 'good', label: 'Tốt' },
  { key: 'average', label: 'Trung bình' },
  { key: 'poor', label: 'Kém' },
];

// ---------------------------------------------------------------------------------------------
// Form sections

export function section(
  key: SectionKey,
  number: string,
  title: string,
  source: SourceRef,
  extra: { criteria?: Criterion[]; graded?: boolean } = {},
): FormSection {
  return { key, number, title, source, ...extra };
}

/** Section I criteria of the individual form, HD 21 / HD 25 generation (regulations §3.3). */
export function individualCriteria2019(source: SourceRef, opts: { leaders: 'only' | 'marked' | 'none' }): Criterion[] {
  const all: Criterion[] = [
    { key: 'politics_ethics', label: 'Phẩm chất chính trị, đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc', source },
    { key: 'duties', label: 'Thực hiện chức trách, nhiệm vụ được giao', source },
    {
      key: 'leadership_results',
      label:
        'Kết quả lãnh đạo, quản lý và mức độ hoàn thành nhiệm vụ của các tổ chức, đơn vị thuộc phạm vi phụ trách; năng lực tập hợp, đoàn kết',
      leadersOnly: true,
      source,
    },
    {
      key: 'responsibility_innovation',
      label: 'Tinh thần trách nhiệm, đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm trước những vấn đề khó khăn, phức tạp',
      leadersOnly: true,
      source,
    },
    {
      key: 'example_setting',
      label: 'Việc nêu gương của bản thân và gia đình; đấu tranh phòng, chống tham nhũng, lãng phí; mức độ tín nhiệm của đảng viên',
      leadersOnly: true,
      source,
    },
  ];
  if (opts.leaders === 'none') return all.filter((c) => !c.leadersOnly);
  if (opts.leaders === 'only') return all.map(({ leadersOnly: _ignored, ...c }) => c);
  return all;
}

/** Section I criteria of the collective report Mẫu 01, QĐ 124 / HD 25 generation (regulations §3.3). */
export function collectiveCriteria2019(source: SourceRef): Criterion[] {
  return [
    {
      key: 'principles',
      label: 'Việc thực hiện nguyên tắc tổ chức và hoạt động của Đảng, nhất là nguyên tắc tập trung dân chủ; quy chế làm việc',
      source,
    },
    {
      key: 'resolution_results',
      label: 'Kết quả thực hiện nghị quyết đại hội và các chỉ tiêu, nhiệm vụ của chương trình công tác năm',
      source,
    },
    {
      key: 'party_building',
      label:
        'Công tác xây dựng Đảng và hệ thống chính trị; nêu gương, trách nhiệm giải trình; phòng, chống tham nhũng, lãng phí, suy thoái gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; kiểm tra, giám sát, kỷ luật đảng; giải quyết khiếu nại, tố cáo',
      source,
    },
    {
      key: 'leadership_responsibility',
      label: 'Trách nhiệm của tập thể lãnh đạo, quản lý trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị',
      source,
    },
  ];
}

/**
 * The checklist of the 27 manifestations, on every form: regulations §5 keeps it as a checklist per
 * review (HD 16's appendix style); from HD 21 on local committees decide their own checklist, so it
 * is a Tự soi appendix linked to criterion I.1 rather than a printed section.
 */
export function manifestationsSection(number: string, source: SourceRef): FormSection {
  return section(
    'manifestations',
    number,
    'Tự đối chiếu với 27 biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa" (NQ 04-NQ/TW)',
    source,
  );
}

export const MANIFESTATIONS_APPENDIX: SourceRef = unconfirmed(
  DOC.nq04,
  'regulations §5 [S12]',
  'HD 21 bỏ phụ lục 82 nội dung của HD 16; cấp ủy địa phương tự quyết định bảng đối chiếu. Tự soi đặt bảng này làm phụ lục của bản kiểm điểm.',
);

/** Collectives report on the key political tasks of the locality (Hà Tĩnh 2017, regulations §3.3, §8). */
export function politicalTasksSection(number: string, graded: boolean): FormSection {
  return section(
    'political_tasks',
    number,
    'Kết quả lãnh đạo thực hiện các nhiệm vụ chính trị trọng tâm của địa phương, đơn vị',
    src(DOC.haTinh2017, 'regulations §3.3, §8', { note: 'Danh sách nhiệm vụ do cấp ủy cấu hình cho từng đợt kiểm điểm.' }),
    { graded },
  );
}

// ---------------------------------------------------------------------------------------------
// Population

export function populationCase(
  key: string,
  label: string,
  treatment: PopulationTreatment,
  source: SourceRef,
  detail?: string,
): PopulationCase {
  return { key, label, treatment, source, ...(detail ? { detail } : {}) };
}

/** Members who left or died are out of every snapshot; the receiving chi bộ reviews a transferred member. */
export function movedAndDeceased(transferSource: SourceRef): PopulationCase[] {
  return [
    populationCase(
      'transferred_out',
      'Đã chuyển sinh hoạt đảng đi nơi khác',
      'excluded',
      transferSource,
      'Chi bộ nơi đến đánh giá, xếp loại; chi bộ cũ gửi nhận xét nếu đảng viên sinh hoạt ở đó từ 6 tháng trở lên.',
    ),
    populationCase('deceased', 'Đã từ trần', 'excluded', src(DOC.tusoi, 'regulations §7.1', { note: 'Không còn là đối tượng kiểm điểm.' })),
  ];
}

// ---------------------------------------------------------------------------------------------
// Configurable items (regulations §9b; contracts/campaigns.ts CampaignConfig)

export const cfg = {
  htxsQuotaPct(quota: QuotaDef): ConfigurableItem {
    return {
      key: 'htxsQuotaPct',
      label: 'Tỷ lệ tối đa xếp loại "Hoàn thành xuất sắc nhiệm vụ"',
      defaultValue: quota.htxsPct,
      defaultText:
        quota.htxsPct === null
          ? 'Không giới hạn (cấp ủy có thể đặt cho đợt kiểm điểm)'
          : `Không quá ${quota.htxsPct} % số được xếp loại "Hoàn thành tốt nhiệm vụ"` +
            (quota.exceptionalPct ? ` (đến ${quota.exceptionalPct} % nơi có kết quả nổi bật)` : ''),
      perCampaign: true,
      source: quota.source,
    };
  },
  quotaScope(quota: QuotaDef, source: SourceRef): ConfigurableItem {
    const text = {
      none: 'Không áp dụng',
      grassroots_org: 'Tính trong từng tổ chức cơ sở đảng; số tối đa = phần nguyên của tỷ lệ × số HTTNV',
      comparable_group:
        'Tính trong nhóm có vị trí, vai trò, chức năng, nhiệm vụ tương đồng do cấp có thẩm quyền xác định; số tối đa = phần nguyên của tỷ lệ × số HTTNV',
    }[quota.scope];
    return {
      key: 'quotaScope',
      label: 'Phạm vi và cách tính tỷ lệ',
      defaultValue: quota.scope,
      defaultText: text,
      perCampaign: false,
      source,
    };
  },
  manifestationGranularity(value: 'items' | 'groups', source: SourceRef): ConfigurableItem {
    return {
      key: 'manifestationGranularity',
      label: 'Mức chi tiết của bảng đối chiếu 27 biểu hiện',
      defaultValue: value,
      defaultText: value === 'items' ? 'Từng biểu hiện (27 nội dung)' : 'Theo 3 nhóm biểu hiện',
      perCampaign: true,
      source,
    };
  },
  politicalTasks(tasks: PoliticalTask[], source: SourceRef): ConfigurableItem {
    return {
      key: 'politicalTasks',
      label: 'Nhiệm vụ chính trị trọng tâm tập thể phải báo cáo',
      defaultValue: tasks,
      defaultText: tasks.map((t) => t.label).join('; '),
      perCampaign: true,
      source,
    };
  },
  appraisalForAll(value: boolean, source: SourceRef): ConfigurableItem {
    return {
      key: 'appraisalForAll',
      label: 'Ban Tổ chức thẩm định hồ sơ của mọi đơn vị trước hội nghị',
      defaultValue: value,
      defaultText: value ? 'Mọi đơn vị' : 'Chỉ đơn vị có gợi ý kiểm điểm',
      perCampaign: true,
      source,
    };
  },
  newlyAdmittedMonths(months: number, source: SourceRef): ConfigurableItem {
    return {
      key: 'newlyAdmittedMonths',
      label: 'Số tháng kể từ ngày kết nạp để coi là "mới kết nạp"',
      defaultValue: months,
      defaultText: `Kết nạp chưa đủ ${months} tháng tính đến ngày chốt`,
      perCampaign: true,
      source,
    };
  },
  cutoffDate(source: SourceRef): ConfigurableItem {
    return {
      key: 'cutoffDate',
      label: 'Ngày chốt để tính thời gian kể từ khi kết nạp',
      defaultValue: '12-31',
      defaultText: '31/12 của năm đánh giá',
      perCampaign: true,
      source,
    };
  },
};

/** The §9b "Newly admitted" default: 31/12 of the review year unless the campaign sets another date. */
export const CUTOFF_DEFAULT: SourceRef = unconfirmed(
  DOC.tusoi,
  'regulations §9b, §11.7',
  'Văn bản không nêu mốc tính 6 tháng; mặc định là ngày 31/12 của năm đánh giá.',
);

/** Granularity of the checklist: every item by default; local committees decide (regulations §5). */
export const GRANULARITY_DEFAULT: SourceRef = unconfirmed(
  DOC.tusoi,
  'regulations §5 [S12]',
  'Cấp ủy địa phương tự quyết định bảng đối chiếu; mặc định đối chiếu từng biểu hiện.',
);

/** The appraisal gate for units with suggested points is Hà Tĩnh 2017 practice, not a national text (§3.1 step 4). */
export const APPRAISAL_DEFAULT: SourceRef = unconfirmed(
  DOC.haTinh2017,
  'regulations §3.1 bước 4, §4, §8',
  'Thực tiễn địa phương, không phải văn bản Trung ương: mặc định chỉ thẩm định đơn vị có gợi ý kiểm điểm.',
);

/** HD 16 and HD 21 say "20 % of HTTNV" without saying how to round (regulations §9b "Quota arithmetic"). */
export const QUOTA_ROUNDING_DEFAULT: SourceRef = unconfirmed(
  DOC.tusoi,
  'regulations §9b "Quota arithmetic"',
  'Văn bản nêu 20 % số HTT nhưng không nêu cách làm tròn; mặc định lấy phần nguyên.',
);

/** A generic list for periods after 2017 (the analysis slip of 2018 and Mẫu 01 item 2; regulations §3.3). */
export const GENERIC_POLITICAL_TASKS: PoliticalTask[] = [
  { key: 'party_building', label: 'Xây dựng Đảng và hệ thống chính trị' },
  { key: 'socio_economic', label: 'Phát triển kinh tế – xã hội' },
  { key: 'administrative_reform', label: 'Cải cách hành chính' },
  { key: 'culture_society', label: 'Văn hóa – xã hội, an sinh xã hội' },
  { key: 'defence_security', label: 'Quốc phòng, an ninh, trật tự an toàn xã hội' },
];

export const GENERIC_TASKS_SOURCE: SourceRef = unconfirmed(
  DOC.tusoi,
  'regulations §3.3 (Mẫu 03 năm 2018, mục II; Mẫu 01 mục I.2)',
  'Danh sách chung do Tự soi đề xuất; mỗi cấp ủy cấu hình nhiệm vụ trọng tâm của mình.',
);

/**
 * The configurable items of regulations §9b, the same list in every period: what differs is the
 * default political tasks, the quota, and the sources a period gives for them.
 */
export function configurableItems(period: {
  tasks: PoliticalTask[];
  tasksSource: SourceRef;
  quota: QuotaDef;
  quotaScopeSource: SourceRef;
  newlyAdmittedMonths: number;
  newlyAdmittedSource: SourceRef;
}): ConfigurableItem[] {
  return [
    cfg.politicalTasks(period.tasks, period.tasksSource),
    cfg.manifestationGranularity('items', GRANULARITY_DEFAULT),
    cfg.htxsQuotaPct(period.quota),
    cfg.quotaScope(period.quota, period.quotaScopeSource),
    cfg.appraisalForAll(false, APPRAISAL_DEFAULT),
    cfg.newlyAdmittedMonths(period.newlyAdmittedMonths, period.newlyAdmittedSource),
    cfg.cutoffDate(CUTOFF_DEFAULT),
  ];
}

// ---------------------------------------------------------------------------------------------
// Forms of every period that are not reviews (regulations §3.3, "all")

export const COMMON_RELATED_FORMS = [
  {
    code: 'Kế hoạch / Hướng dẫn của Ban Thường vụ',
    title: 'Triển khai đợt kiểm điểm, định thời hạn',
    source: src(DOC.tusoi, 'regulations §3.3 [S65]'),
  },
  {
    code: 'Văn bản gợi ý kiểm điểm',
    title: 'Những vấn đề cấp trên yêu cầu tập thể, cá nhân làm rõ',
    source: src(DOC.tusoi, 'regulations §3.3, §4 [S57][S35]'),
  },
  {
    code: 'Bản cam kết tu dưỡng, rèn luyện, phấn đấu',
    title: 'Cam kết hằng năm của đảng viên, căn cứ để tự kiểm điểm',
    source: src(DOC.haTinh2017, 'regulations §3.3 [S55]', { note: 'Không phải biểu mẫu của hướng dẫn Trung ương.' }),
  },
  {
    code: 'Biên bản hội nghị',
    title: 'Biên bản họp chi bộ, tổ đảng kiểm điểm, đánh giá',
    source: src(DOC.tusoi, 'regulations §3.3 [S59]'),
  },
  {
    code: 'Kế hoạch khắc phục hạn chế, khuyết điểm',
    title: 'Lập sau kiểm điểm, công khai để giám sát',
    source: src(DOC.tusoi, 'regulations §3.1 bước 8 [S6]'),
  },
  {
    code: 'Tờ trình / Quyết định công nhận xếp loại; Báo cáo kết quả',
    title: 'Quyết định và báo cáo kết quả lên cấp trên',
    source: src(DOC.tusoi, 'regulations §3.3 [S64][S62]'),
  },
];
