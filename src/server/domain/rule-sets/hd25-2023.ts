// Review years 2023–2024: QĐ 124-QĐ/TW (04/10/2023), which replaced QĐ 132, and HD 25-HD/BTCTW
// (10/11/2023). Four cấp độ per criterion; the leadership collective becomes a review subject of
// its own; two individual forms, 02A (no post) and 02B (leader) (regulations §1.1, §1.2, §2.2, §3.3).
import { MANIFESTATIONS, MANIFESTATION_GROUPS } from './manifestations.js';
import {
  COMMON_RELATED_FORMS,
  DOC,
  GENERIC_POLITICAL_TASKS,
  GENERIC_TASKS_SOURCE,
  GRADES,
  MEMBER_CONDITIONS,
  configurableItems,
  levels2018,
  movedAndDeceased,
  populationCase,
  src,
  unconfirmed,
} from './common.js';
import { collectiveForm2019, individualForm2019 } from './forms.js';
import { RULES_2023 } from './rules.js';
import type { QuotaDef, RuleSet } from './types.js';

const QUOTA: QuotaDef = {
  htxsPct: 20,
  exceptionalPct: null,
  scope: 'comparable_group',
  source: src(DOC.qd124, 'regulations §1.2, §2.1 [S28]', { article: 'Điều 12', note: 'Tính trong nhóm có vị trí, vai trò tương đồng.' }),
};
const NEWLY_ADMITTED_MONTHS = 6;
const SECTIONS = src(DOC.hd25, 'regulations §3.3 [S55][S66][S61][S70]', {
  note: 'Cấu trúc theo bản tái hiện của bên thứ ba, khớp với nội dung kiểm điểm của QĐ 124.',
});
const LETTERS = unconfirmed(
  DOC.hd25,
  'regulations §1.2, §3.3, §11.6, §11.10 [S34][S66]',
  'Theo tài liệu tham chiếu: 02A cho cá nhân không giữ chức vụ, 02B cho cá nhân giữ chức vụ lãnh đạo, quản lý (ngược với HD 43); chưa đối chiếu văn bản gốc.',
);

export const HD25_2023: RuleSet = {
  id: 'hd25-2023',
  name: 'Kiểm điểm, đánh giá, xếp loại theo QĐ 124-QĐ/TW và HD 25-HD/BTCTW (năm 2023 – 2024)',
  years: { from: 2023, to: 2024 },
  documents: [
    src(DOC.qd124, 'regulations §1.1 [S13][S16]', { note: 'Thay thế QĐ 132-QĐ/TW.' }),
    src(DOC.hd25, 'regulations §1.1 [S14][S15]', { note: 'Thay thế HD 21 từ 10/11/2023.' }),
  ],
  scoring: 'grades',
  grades: GRADES,
  points: null,
  memberLevels: levels2018({
    excellent: {
      conditions:
        'Mọi tiêu chí đạt mức Tốt trở lên, tiêu chí về kết quả thực hiện nhiệm vụ đạt mức Xuất sắc, có sản phẩm cụ thể; hoàn thành 100 % chỉ tiêu, nhiệm vụ đúng tiến độ, trong đó ít nhất 50 % vượt mức; không quá 20 % số hoàn thành tốt nhiệm vụ trong nhóm có vị trí, vai trò tương đồng.',
      source: src(DOC.qd124, 'regulations §2.1 [S38][S28]', { article: 'Điều 12' }),
    },
    good: {
      conditions: MEMBER_CONDITIONS.good2019,
      source: unconfirmed(DOC.qd124, 'regulations §2.1 [S28]', 'Thấy lời văn cho tập thể; lời văn cho cá nhân tương tự, chưa xác nhận.'),
    },
    satisfactory: {
      conditions: MEMBER_CONDITIONS.satisfactory2019,
      source: unconfirmed(DOC.qd124, 'regulations §2.1 [S28]', 'Lời văn chính xác cho cá nhân chưa xác nhận.'),
    },
    unsatisfactory: {
      conditions:
        'Không đạt mức hoàn thành nhiệm vụ, hoặc một trong các trường hợp: bị kết luận suy thoái, "tự diễn biến", "tự chuyển hóa"; hoàn thành dưới 50 % chỉ tiêu, nhiệm vụ; bị kỷ luật trong năm, trừ trường hợp tự phát hiện và khắc phục hậu quả; vi phạm những điều đảng viên không được làm hoặc trách nhiệm nêu gương, làm ảnh hưởng đến uy tín của bản thân, đơn vị.',
      source: src(DOC.qd124, 'regulations §2.1 [S27][S39]', { article: 'Điều 12' }),
    },
  }),
  unitLevels: levels2018({
    excellent: {
      conditions:
        'Có nhiều kết quả nổi bật, là điển hình; mọi tiêu chí đạt mức Tốt trở lên, kết quả thực hiện nhiệm vụ đạt mức Xuất sắc, có sản phẩm cụ thể; không có tổ chức trực thuộc và thành viên tập thể lãnh đạo, quản lý bị kỷ luật; không quá 20 % số HTTNV trong nhóm tương đồng.',
      source: src(DOC.qd124, 'regulations §2.2 [S28]'),
    },
    good: {
      conditions:
        'Các tiêu chí đạt mức Trung bình trở lên, kết quả thực hiện nhiệm vụ đạt mức Tốt trở lên; không có tổ chức trực thuộc, thành viên tập thể lãnh đạo bị kỷ luật, trừ trường hợp tự phát hiện và khắc phục.',
      source: src(DOC.qd124, 'regulations §2.2 [S28]'),
    },
    satisfactory: {
      conditions: 'Các tiêu chí cơ bản đạt mức Trung bình trở lên; cùng ngoại lệ về kỷ luật như mức hoàn thành tốt.',
      source: src(DOC.qd124, 'regulations §2.2 [S28]'),
    },
    unsatisfactory: {
      conditions:
        'Có tiêu chí ở mức Kém, hoặc: tổ chức trực thuộc có vi phạm bị kỷ luật (trừ trường hợp tự phát hiện, khắc phục); hoàn thành dưới 50 % chỉ tiêu và chỉ tiêu chủ yếu không đạt (trừ bất khả kháng); tập thể lãnh đạo bị kỷ luật hoặc trên 20 % tổ chức trực thuộc bị kỷ luật trong năm; mất đoàn kết nội bộ được kết luận, hoặc có thành viên suy thoái.',
      source: src(DOC.qd124, 'regulations §2.2 [S28][S39]'),
    },
  }),
  population: {
    exempt: 'excluded',
    suspended: 'excluded',
    newlyAdmitted: 'not_classified',
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    source: src(DOC.qd124, 'regulations §1.2 "Members not reviewed" [S16]', { article: 'Điều 5' }),
    cases: [
      populationCase(
        'exempt',
        'Miễn công tác và sinh hoạt đảng',
        'excluded',
        src(DOC.qd124, 'regulations §1.2 [S16]', { article: 'Điều 5' }),
        'Không kiểm điểm, không xếp loại.',
      ),
      populationCase(
        'suspended',
        'Đình chỉ sinh hoạt đảng',
        'excluded',
        src(DOC.qd124, 'regulations §1.2 [S16]', { article: 'Điều 5' }),
        'Không kiểm điểm, không xếp loại.',
      ),
      populationCase(
        'newly_admitted',
        `Mới kết nạp chưa đủ ${NEWLY_ADMITTED_MONTHS} tháng`,
        'not_classified',
        src(DOC.qd124, 'regulations §1.2, §2.1, §11.7 [S16][S11]', {
          article: 'Điều 5',
          note: 'QĐ 124 Điều 5 nêu nhóm này; theo các trang hỏi đáp, thực tiễn HD 21 (có kiểm điểm, không xếp loại) được giữ trong HD 25.',
        }),
        'Có kiểm điểm thời gian từ khi kết nạp, không xếp loại.',
      ),
      populationCase('probationary', 'Đảng viên dự bị', 'reviewed', src(DOC.qd124, 'regulations §2.1 [S42]')),
      populationCase(
        'temporary',
        'Đảng viên sinh hoạt tạm thời nơi khác',
        'reviewed',
        src(DOC.hd25, 'regulations §2.1 [S40][S41]', { note: 'Quy định của HD 21, được giữ trong HD 25 theo các trang hỏi đáp.' }),
        'Đánh giá tại chi bộ sinh hoạt chính thức, có nhận xét bằng văn bản của chi bộ sinh hoạt tạm thời.',
      ),
      ...movedAndDeceased(
        src(DOC.hd25, 'regulations §2.1 [S40]', { note: 'Quy định của HD 21, được giữ trong HD 25 theo các trang hỏi đáp.' }),
      ),
    ],
  },
  quota: QUOTA,
  reviewsLeadershipCollective: true,
  forms: {
    collective: collectiveForm2019(
      {
        code: 'Mẫu 01-HD KĐ.ĐG 2023',
        letter: '01',
        title: 'Báo cáo kiểm điểm tập thể',
        source: src(DOC.hd25, 'regulations §3.3 [S57][S61]', { note: 'Dùng cho cả cấp ủy, tổ chức đảng và tập thể lãnh đạo, quản lý.' }),
      },
      SECTIONS,
    ),
    member_no_post: individualForm2019(
      { meaning: 'member_no_post', code: 'Mẫu 02A-HD KĐ.ĐG 2023', letter: '02A', title: 'Bản kiểm điểm cá nhân', source: LETTERS },
      'none',
      SECTIONS,
    ),
    member_leader: individualForm2019(
      {
        meaning: 'member_leader',
        code: 'Mẫu 02B-HD KĐ.ĐG 2023',
        letter: '02B',
        title: 'Bản kiểm điểm cá nhân (cá nhân giữ chức vụ lãnh đạo, quản lý)',
        source: LETTERS,
      },
      'only',
      SECTIONS,
    ),
  },
  relatedForms: [
    ...COMMON_RELATED_FORMS,
    {
      code: 'Phiếu biểu quyết / phiếu đề xuất xếp loại đảng viên',
      title: 'Chi bộ biểu quyết đề xuất mức xếp loại từng đảng viên',
      source: src(DOC.hd25, 'regulations §3.3 [S54]'),
    },
    {
      code: 'Nhận xét của chi ủy nơi cư trú',
      title: 'Nhận xét đảng viên, cán bộ nơi cư trú (QĐ 213-QĐ/TW)',
      source: src(DOC.hd25, 'regulations §3.3 [S65]'),
    },
  ],
  manifestationGroups: [...MANIFESTATION_GROUPS],
  manifestations: [...MANIFESTATIONS],
  rules: RULES_2023,
  defaultPoliticalTasks: GENERIC_POLITICAL_TASKS,
  configurable: configurableItems({
    tasks: GENERIC_POLITICAL_TASKS,
    tasksSource: GENERIC_TASKS_SOURCE,
    quota: QUOTA,
    quotaScopeSource: unconfirmed(
      DOC.tusoi,
      'regulations §9b "Quota arithmetic"',
      'Nhóm "tương đồng" do cấp ủy xác định; văn bản không nêu cách làm tròn, mặc định lấy phần nguyên.',
    ),
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    newlyAdmittedSource: src(DOC.qd124, 'regulations §1.2, §9b [S16][S11]', { article: 'Điều 5' }),
  }),
};
