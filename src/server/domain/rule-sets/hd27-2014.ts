// Review years ≤ 2017: HD 27-HD/BTCTW (25/9/2014) and its old scale ("phân loại"), with the 2016
// add-on of NQ 04-NQ/TW (the 27 manifestations). No national review form of 2014–2017 was found,
// so the forms are the configured form of regulations §9b: the sections the Hà Tĩnh 2017 practice
// names (§8). Mapping 2017 to HD 27 is itself inferred (§1.1, UNCONFIRMED).
import { MANIFESTATIONS, MANIFESTATION_GROUPS } from './manifestations.js';
import {
  COMMON_RELATED_FORMS,
  DOC,
  configurableItems,
  manifestationsSection,
  movedAndDeceased,
  populationCase,
  section,
  src,
  unconfirmed,
} from './common.js';
import { RULES_2014 } from './rules.js';
import type { PoliticalTask, QuotaDef, RuleSet, SourceRef } from './types.js';

const OLD_MEMBER_SCALE = src(DOC.hd27, 'regulations §2.1 [S1]', { note: 'Tên mức dùng trong thống kê 2012–2016.' });
const OLD_UNIT_SCALE = src(DOC.hd27, 'regulations §2.2 [S4][S1]');

/** The configured form of regulations §9b: no national form for 2014–2017 was found. */
const CONFIGURED: SourceRef = unconfirmed(
  DOC.tusoi,
  'regulations §9b, §8',
  'Không tìm thấy biểu mẫu toàn quốc cho 2014–2017; mẫu do Tự soi cấu hình theo các nội dung thực tiễn Hà Tĩnh 2017 nêu.',
);

const HA_TINH = src(DOC.haTinh2017, 'regulations §8, §3.3');
const NQ04_CHECKLIST = src(DOC.nq04, 'regulations §5, §8 [S6]');

/** Sections both configured forms open with or carry (Hà Tĩnh 2017, regulations §4, §8). */
const CARRY_OVER = section('carry_over', 'I', 'Kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra ở kỳ kiểm điểm trước', HA_TINH);
const suggestionAnswers = (number: string) =>
  section('suggestion_answers', number, 'Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)', src(DOC.haTinh2017, 'regulations §4, §8'));

/** The key political tasks of Hà Tĩnh city in 2017 (regulations §3.3 "Hà Tĩnh 2017 adds", §8). */
export const HA_TINH_2017_TASKS: PoliticalTask[] = [
  { key: 'civilized_urban', label: 'Xây dựng đô thị văn minh' },
  { key: 'new_rural', label: 'Xây dựng nông thôn mới' },
  { key: 'administrative_reform', label: 'Cải cách hành chính' },
  { key: 'urban_order', label: 'Trật tự đô thị' },
  { key: 'land_management', label: 'Quản lý đất đai' },
  { key: 'site_clearance', label: 'Giải phóng mặt bằng' },
];

const QUOTA: QuotaDef = {
  htxsPct: null,
  exceptionalPct: null,
  scope: 'none',
  source: unconfirmed(
    DOC.tusoi,
    'regulations §1.2, §9b [S1]',
    'Chưa xác nhận có tỷ lệ khống chế trước năm 2018 (số liệu Đồng Tháp 2012 gợi ý có); mặc định không giới hạn, cấp ủy có thể đặt.',
  ),
};

const NEWLY_ADMITTED_MONTHS = 6;

export const HD27_2014: RuleSet = {
  id: 'hd27-2014',
  name: 'Kiểm điểm, phân loại chất lượng theo HD 27-HD/BTCTW (năm 2017 trở về trước)',
  years: { from: 2008, to: 2017 },
  documents: [
    unconfirmed(
      DOC.hd27,
      'regulations §1.1 [S3][S4]',
      'Chưa xác nhận không có hướng dẫn nào khác của Ban Tổ chức Trung ương thay thế cho năm 2017.',
    ),
    src(DOC.hd20, 'regulations §1.1 [S1][S2]', { note: 'Hướng dẫn trước đó (2008–2013), cùng thang phân loại.' }),
    src(DOC.nq04, 'regulations §1.1, §5 [S5][S6]', {
      note: 'Từ kiểm điểm năm 2016: đối chiếu 27 biểu hiện, lập và công khai kế hoạch khắc phục.',
    }),
    src(DOC.cv1825, 'regulations §1.1 [S5]', { note: 'Bổ sung nội dung kiểm điểm theo Nghị quyết Trung ương 4 khóa XII.' }),
  ],
  scoring: 'qualitative',
  grades: [],
  points: null,
  memberLevels: [
    { level: 'excellent', label: 'Đủ tư cách, hoàn thành xuất sắc nhiệm vụ', short: 'ĐTC-HTXSNV', source: OLD_MEMBER_SCALE },
    { level: 'good', label: 'Đủ tư cách, hoàn thành tốt nhiệm vụ', short: 'ĐTC-HTTNV', source: OLD_MEMBER_SCALE },
    { level: 'satisfactory', label: 'Đủ tư cách, hoàn thành nhiệm vụ', short: 'ĐTC-HTNV', source: OLD_MEMBER_SCALE },
    { level: 'unsatisfactory', label: 'Vi phạm tư cách hoặc không hoàn thành nhiệm vụ', short: 'VPTC', source: OLD_MEMBER_SCALE },
  ],
  unitLevels: [
    {
      level: 'excellent',
      label: 'Trong sạch, vững mạnh',
      short: 'TSVM',
      conditions:
        'Trong số tổ chức đạt "Trong sạch, vững mạnh", cấp có thẩm quyền công nhận một phần là "Trong sạch, vững mạnh tiêu biểu".',
      source: OLD_UNIT_SCALE,
    },
    { level: 'good', label: 'Hoàn thành tốt nhiệm vụ', short: 'HTTNV', source: OLD_UNIT_SCALE },
    { level: 'satisfactory', label: 'Hoàn thành nhiệm vụ', short: 'HTNV', source: OLD_UNIT_SCALE },
    { level: 'unsatisfactory', label: 'Yếu kém', short: 'Yếu kém', source: OLD_UNIT_SCALE },
  ],
  population: {
    exempt: 'excluded',
    suspended: 'reviewed',
    newlyAdmitted: 'not_classified',
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    source: src(DOC.hd27, 'regulations §1.2 "Members not reviewed", §7.1'),
    cases: [
      populationCase(
        'exempt',
        'Miễn công tác và sinh hoạt đảng',
        'excluded',
        src(DOC.hd27, 'regulations §1.2, §7.1 [S1]'),
        'Không kiểm điểm, không phân loại.',
      ),
      populationCase(
        'suspended',
        'Đình chỉ sinh hoạt đảng',
        'reviewed',
        src(DOC.hd27, 'regulations §1.2 [S10]', { note: 'Đảng viên bị đình chỉ sinh hoạt chỉ được loại trừ từ HD 21 (năm 2019).' }),
        'Vẫn kiểm điểm và phân loại.',
      ),
      populationCase(
        'newly_admitted',
        `Mới kết nạp chưa đủ ${NEWLY_ADMITTED_MONTHS} tháng`,
        'not_classified',
        unconfirmed(
          DOC.tusoi,
          'regulations §9b [S11]',
          'Văn bản giai đoạn này không nêu; áp dụng mặc định: có kiểm điểm nhưng không phân loại.',
        ),
        'Có kiểm điểm thời gian từ khi kết nạp, không phân loại.',
      ),
      ...movedAndDeceased(unconfirmed(DOC.tusoi, 'regulations §2.1 [S40]', 'Quy định cụ thể có từ HD 21; áp dụng như thực tiễn.')),
    ],
  },
  quota: QUOTA,
  reviewsLeadershipCollective: false,
  forms: {
    collective: {
      meaning: 'collective',
      code: 'Báo cáo kiểm điểm tập thể (mẫu cấu hình)',
      letter: '',
      title: 'Báo cáo kiểm điểm tập thể',
      source: CONFIGURED,
      sections: [
        CARRY_OVER,
        section('political_tasks', 'II', 'Kết quả lãnh đạo thực hiện các nhiệm vụ chính trị trọng tâm của địa phương, đơn vị', HA_TINH),
        manifestationsSection('III', NQ04_CHECKLIST),
        section('shortcomings', 'IV', 'Hạn chế, khuyết điểm và nguyên nhân', CONFIGURED),
        suggestionAnswers('V'),
        section('directions', 'VI', 'Phương hướng, biện pháp khắc phục', CONFIGURED),
        section('self_level', 'VII', 'Tự nhận mức phân loại chất lượng', CONFIGURED),
      ],
    },
    member_no_post: {
      meaning: 'member_no_post',
      code: 'Bản tự kiểm điểm cá nhân (mẫu cấu hình)',
      letter: '',
      title: 'Bản tự kiểm điểm của đảng viên',
      source: CONFIGURED,
      sections: [
        CARRY_OVER,
        section('commitment', 'II', 'Đối chiếu với bản cam kết tu dưỡng, rèn luyện, phấn đấu của năm', HA_TINH),
        section('example_setting', 'III', 'Việc tu dưỡng, rèn luyện, nêu gương của bản thân', CONFIGURED),
        manifestationsSection('IV', NQ04_CHECKLIST),
        section('shortcomings', 'V', 'Hạn chế, khuyết điểm và nguyên nhân', CONFIGURED),
        suggestionAnswers('VI'),
        section('directions', 'VII', 'Phương hướng, biện pháp khắc phục', CONFIGURED),
        section('self_level', 'VIII', 'Tự nhận mức phân loại', CONFIGURED),
      ],
    },
  },
  relatedForms: COMMON_RELATED_FORMS,
  manifestationGroups: [...MANIFESTATION_GROUPS],
  manifestations: [...MANIFESTATIONS],
  rules: RULES_2014,
  defaultPoliticalTasks: HA_TINH_2017_TASKS,
  configurable: configurableItems({
    tasks: HA_TINH_2017_TASKS,
    tasksSource: src(DOC.haTinh2017, 'regulations §3.3, §8', { note: 'Nhiệm vụ trọng tâm của Thành ủy Hà Tĩnh năm 2017.' }),
    quota: QUOTA,
    quotaScopeSource: unconfirmed(DOC.tusoi, 'regulations §9b', 'Không có tỷ lệ khống chế nên không có phạm vi tính.'),
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    newlyAdmittedSource: unconfirmed(DOC.tusoi, 'regulations §9b [S11]', 'Mặc định theo HD 21 (6 tháng).'),
  }),
};
