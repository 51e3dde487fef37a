// Review year 2018: QĐ 132-QĐ/TW (08/3/2018) and HD 16-HD/BTCTW (24/9/2018). The new four levels
// for everyone, criteria rated by cấp độ, an appendix splitting the 27 manifestations into 82 items
// answered "có/không" (regulations §1.1, §1.2). The form texts of HD 16 were not seen: the sections
// below are those of the HD 21 / HD 25 generation (§3.3) and are marked UNCONFIRMED for 2018.
import { MANIFESTATIONS, MANIFESTATION_GROUPS } from './manifestations.js';
import {
  COMMON_RELATED_FORMS,
  DOC,
  GENERIC_POLITICAL_TASKS,
  GENERIC_TASKS_SOURCE,
  GRADES,
  MEMBER_CONDITIONS,
  QUOTA_ROUNDING_DEFAULT,
  configurableItems,
  levels2018,
  movedAndDeceased,
  populationCase,
  src,
  unconfirmed,
} from './common.js';
import { collectiveForm2019, individualForm2019 } from './forms.js';
import { RULES_2018 } from './rules.js';
import type { QuotaDef, RuleSet, SourceRef } from './types.js';

const LEVELS = src(DOC.qd132, 'regulations §1.2, §2.1 [S8]');
const UNIT_LEVELS = src(DOC.qd132, 'regulations §1.2, §2.2 [S8]');
const SECTIONS: SourceRef = unconfirmed(
  DOC.hd16,
  'regulations §3.3 [S55][S61]',
  'Lời văn biểu mẫu của HD 16 chưa được thấy; các mục lấy theo thế hệ biểu mẫu HD 21 / HD 25.',
);
const APPENDIX_82: SourceRef = unconfirmed(
  DOC.hd16,
  'regulations §1.1, §5 [S9][S12]',
  'Theo một bản sao chất lượng thấp, HD 16 có phụ lục chia 27 biểu hiện thành 82 nội dung trả lời "có/không".',
);

const QUOTA: QuotaDef = {
  htxsPct: 20,
  exceptionalPct: null,
  scope: 'grassroots_org',
  source: unconfirmed(DOC.hd16, 'regulations §1.2 "HTXS quota"', 'Không quá 20 % số HTTNV: giả định như HD 21, chưa xác nhận cho HD 16.'),
};
const NEWLY_ADMITTED_MONTHS = 6;

export const HD16_2018: RuleSet = {
  id: 'hd16-2018',
  name: 'Kiểm điểm, đánh giá, xếp loại theo QĐ 132-QĐ/TW và HD 16-HD/BTCTW (năm 2018)',
  years: { from: 2018, to: 2018 },
  documents: [src(DOC.qd132, 'regulations §1.1 [S7][S8]'), src(DOC.hd16, 'regulations §1.1 [S7][S8][S9]')],
  scoring: 'grades',
  grades: GRADES,
  points: null,
  memberLevels: levels2018({
    excellent: {
      conditions:
        'Thực sự tiêu biểu về năng lực, phẩm chất đạo đức, lối sống, đổi mới, sáng tạo, có sản phẩm, kết quả nổi bật; số lượng không quá 20 % số hoàn thành tốt nhiệm vụ.',
      source: unconfirmed(DOC.hd16, 'regulations §2.1 [S30]', 'Điều kiện chi tiết được ghi nhận cho HD 21; giả định tương tự cho HD 16.'),
    },
    good: { source: LEVELS },
    satisfactory: { source: LEVELS },
    unsatisfactory: {
      conditions: MEMBER_CONDITIONS.unsatisfactoryQd132,
      source: src(DOC.hd16, 'regulations §2.1 [S9]'),
    },
  }),
  unitLevels: levels2018({
    excellent: { source: UNIT_LEVELS },
    good: { source: UNIT_LEVELS },
    satisfactory: { source: UNIT_LEVELS },
    unsatisfactory: { source: UNIT_LEVELS },
  }),
  population: {
    exempt: 'excluded',
    suspended: 'reviewed',
    newlyAdmitted: 'not_classified',
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    source: src(DOC.hd16, 'regulations §1.2 "Members not reviewed" [S11]'),
    cases: [
      populationCase(
        'exempt',
        'Miễn công tác và sinh hoạt đảng',
        'excluded',
        src(DOC.hd16, 'regulations §1.2, §7.1'),
        'Không kiểm điểm, không xếp loại.',
      ),
      populationCase(
        'suspended',
        'Đình chỉ sinh hoạt đảng',
        'reviewed',
        src(DOC.hd16, 'regulations §1.2 [S10]', { note: 'Đảng viên bị đình chỉ sinh hoạt chỉ được loại trừ từ HD 21 (năm 2019).' }),
        'Vẫn kiểm điểm và xếp loại.',
      ),
      populationCase(
        'newly_admitted',
        `Mới kết nạp chưa đủ ${NEWLY_ADMITTED_MONTHS} tháng`,
        'not_classified',
        src(DOC.hd16, 'regulations §1.2, §2.4 R7 [S11]'),
        'Có kiểm điểm thời gian từ khi kết nạp, không xếp loại.',
      ),
      populationCase('probationary', 'Đảng viên dự bị', 'reviewed', src(DOC.hd16, 'regulations §2.1 [S42]')),
      ...movedAndDeceased(unconfirmed(DOC.tusoi, 'regulations §2.1 [S40]', 'Quy định cụ thể có từ HD 21; áp dụng như thực tiễn.')),
    ],
  },
  quota: QUOTA,
  reviewsLeadershipCollective: false,
  forms: {
    collective: collectiveForm2019(
      {
        code: 'Báo cáo kiểm điểm tập thể (HD 16-HD/BTCTW)',
        letter: '01',
        title: 'Báo cáo kiểm điểm tập thể',
        source: unconfirmed(DOC.hd16, 'regulations §3.3', 'Số hiệu mẫu báo cáo tập thể của HD 16 chưa xác nhận.'),
      },
      SECTIONS,
      APPENDIX_82,
    ),
    member_no_post: individualForm2019(
      {
        meaning: 'member_no_post',
        code: 'Mẫu 05 (HD 16-HD/BTCTW)',
        letter: '05',
        title: 'Bản kiểm điểm cá nhân, tự nhận mức xếp loại',
        source: src(DOC.hd16, 'regulations §1.2, §3.3 [S33]', {
          note: 'Một mẫu cho mọi đảng viên; mục I.3–I.5 chỉ dành cho người giữ chức vụ lãnh đạo, quản lý.',
        }),
      },
      'marked',
      SECTIONS,
      APPENDIX_82,
    ),
  },
  relatedForms: [
    ...COMMON_RELATED_FORMS,
    {
      code: 'Mẫu 03-HD KĐ.ĐG 2018',
      title: 'Phiếu phân tích chất lượng và đánh giá, xếp loại tổ chức đảng',
      source: src(DOC.hd16, 'regulations §3.3 [S68]'),
    },
  ],
  manifestationGroups: [...MANIFESTATION_GROUPS],
  manifestations: [...MANIFESTATIONS],
  rules: RULES_2018,
  defaultPoliticalTasks: GENERIC_POLITICAL_TASKS,
  configurable: configurableItems({
    tasks: GENERIC_POLITICAL_TASKS,
    tasksSource: GENERIC_TASKS_SOURCE,
    quota: QUOTA,
    quotaScopeSource: QUOTA_ROUNDING_DEFAULT,
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    newlyAdmittedSource: src(DOC.hd16, 'regulations §1.2, §9b [S11]'),
  }),
};
