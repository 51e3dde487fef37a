// Review years 2025 on: QĐ 366-QĐ/TW (30/8/2025), which replaced QĐ 124, and HD 43-HD/BTCTW
// (31/10/2025), which replaced HD 25 (regulations §11). Levels are decided on 100 points
// (group I general 30 + group II task results 70) with bands 90 / 70 / 50 and conditions; newly
// admitted members are no longer reviewed; three individual forms 2A (leader), 2B (no post),
// 2C (outside the political system).
import { MANIFESTATIONS, MANIFESTATION_GROUPS } from './manifestations.js';
import {
  COMMON_RELATED_FORMS,
  DOC,
  GENERIC_POLITICAL_TASKS,
  configurableItems,
  levels2018,
  movedAndDeceased,
  populationCase,
  src,
  unconfirmed,
} from './common.js';
import { COLLECTIVE_2025, LEADER_2025, NO_POST_2025, OUTSIDE_2025 } from './forms.js';
import { RULES_2025 } from './rules.js';
import type { PoliticalTask, QuotaDef, RuleSet } from './types.js';

const LEVELS = src(DOC.qd366, 'regulations §2.1, §11.4 [Q3][Q5][Q29][Q4]', { article: 'Điều 11' });
const BANDS = { excellent: 90, good: 70, satisfactory: 50 } as const;
/** Điều 11 words these two levels the same for a member and for a collective. */
const GOOD = {
  minPoints: BANDS.good,
  conditions: 'Từ 70 đến dưới 90 điểm; hoàn thành 100 % nhiệm vụ đúng tiến độ, bảo đảm chất lượng, hiệu quả.',
  source: LEVELS,
};
const SATISFACTORY = {
  minPoints: BANDS.satisfactory,
  conditions: 'Từ 50 đến dưới 70 điểm; hoàn thành 100 % nhiệm vụ, số nhiệm vụ chậm tiến độ không quá 20 %.',
  source: LEVELS,
};

const QUOTA: QuotaDef = {
  htxsPct: 20,
  exceptionalPct: 25,
  scope: 'comparable_group',
  source: src(DOC.qd366, 'regulations §11.4.1 [Q4][Q3][Q5]', {
    article: 'Điều 11 khoản 1 điểm 1.5',
    note: 'Không quá 20 % số HTTNV trong nhóm có vị trí, vai trò, chức năng, nhiệm vụ tương đồng; đến 25 % nơi có kết quả nổi bật do cấp có thẩm quyền quyết định.',
  }),
};
const NEWLY_ADMITTED_MONTHS = 6;

/** Generic tasks plus the 2025 priorities of Điều 6 and PL 1 (lean apparatus, digital transformation). */
const TASKS_2025: PoliticalTask[] = [
  ...GENERIC_POLITICAL_TASKS,
  { key: 'lean_apparatus', label: 'Sắp xếp tổ chức bộ máy tinh gọn, tinh giản biên chế' },
  { key: 'digital_transformation', label: 'Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số' },
];

export const HD43_2025: RuleSet = {
  id: 'hd43-2025',
  name: 'Kiểm điểm, đánh giá, xếp loại theo QĐ 366-QĐ/TW và HD 43-HD/BTCTW (từ năm 2025)',
  years: { from: 2025, to: null },
  documents: [
    src(DOC.qd366, 'regulations §1.1, §11.1, §11.2 [Q31][Q45][Q11]', { note: '4 chương, 19 điều; thay thế QĐ 124-QĐ/TW.' }),
    src(DOC.hd43, 'regulations §1.1, §11.1 [Q28][Q35]', { note: 'Thay thế HD 25-HD/BTCTW.' }),
    src(DOC.cv10072, 'regulations §11.1 [Q30]', { note: 'Chỉ áp dụng cho đợt kiểm điểm năm 2025.' }),
  ],
  scoring: 'points',
  grades: [],
  points: {
    general: 30,
    tasks: 70,
    bands: BANDS,
    source: src(DOC.qd366, 'regulations §11.3, §11.4 [Q34][Q15][Q16][Q3][Q5]', { article: 'Điều 10, Điều 11' }),
  },
  memberLevels: levels2018({
    excellent: {
      minPoints: BANDS.excellent,
      conditions:
        'Từ 90 điểm; hoàn thành 100 % nhiệm vụ đúng tiến độ, bảo đảm chất lượng, ít nhất 30 % vượt mức (người lãnh đạo, quản lý: địa phương, lĩnh vực, đơn vị trực tiếp phụ trách đạt như vậy); khắc phục 100 % hạn chế, khuyết điểm đã được chỉ ra ở kỳ trước (nếu có); trong tỷ lệ cho phép.',
      source: LEVELS,
    },
    good: GOOD,
    satisfactory: SATISFACTORY,
    unsatisfactory: {
      conditions:
        'Dưới 50 điểm, hoặc một trong các trường hợp: bị kết luận suy thoái; vi phạm liên quan đến chức trách bị kỷ luật từ khiển trách trở lên; vi phạm những điều đảng viên không được làm, quy định nêu gương làm ảnh hưởng uy tín; trên 50 % nhiệm vụ trong năm không hoàn thành. Người lãnh đạo, quản lý thêm: đơn vị phụ trách hoàn thành dưới 70 % chương trình hoặc không đạt 5 chỉ tiêu cơ bản, trên 50 % đơn vị phụ trách KHTNV, trên 50 % phiếu tín nhiệm thấp, tham nhũng bị kỷ luật ở nơi trực tiếp quản lý.',
      source: src(DOC.qd366, 'regulations §2.1, §11.4 [Q5][Q3][S29]', { article: 'Điều 11 khoản 4' }),
    },
  }),
  unitLevels: levels2018({
    excellent: {
      minPoints: BANDS.excellent,
      conditions:
        'Từ 90 điểm; hoàn thành 100 % nhiệm vụ đúng tiến độ, bảo đảm chất lượng, ít nhất 30 % vượt mức; không có tổ chức trực thuộc và thành viên tập thể lãnh đạo, quản lý bị kỷ luật; khắc phục 100 % hạn chế, khuyết điểm kỳ trước (nếu có); trong tỷ lệ cho phép.',
      source: LEVELS,
    },
    good: GOOD,
    satisfactory: SATISFACTORY,
    unsatisfactory: {
      conditions:
        'Dưới 50 điểm, hoặc (tập thể lãnh đạo, quản lý): sai phạm trong công tác cán bộ, mất đoàn kết, bè phái, chạy chức, chạy quyền; thành viên bị kỷ luật từ khiển trách do vi phạm liên quan chức trách; thành viên suy thoái; địa phương, đơn vị hoàn thành dưới 70 % chương trình công tác năm hoặc không đạt 5 chỉ tiêu cơ bản.',
      source: unconfirmed(
        DOC.qd366,
        'regulations §11.4 [Q5][Q3]',
        'Danh sách nêu cho tập thể lãnh đạo, quản lý; chưa xác nhận có áp dụng cho cấp ủy, chi bộ với tư cách tổ chức đảng. Khung dưới 50 điểm áp dụng cho mọi tập thể.',
        'Điều 11 khoản 4',
      ),
    },
  }),
  population: {
    exempt: 'excluded',
    suspended: 'excluded',
    newlyAdmitted: 'excluded',
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    source: src(DOC.qd366, 'regulations §11.7 [Q1][Q2]', { article: 'Điều 5' }),
    cases: [
      populationCase(
        'exempt',
        'Miễn công tác và sinh hoạt đảng',
        'excluded',
        src(DOC.qd366, 'regulations §11.7 [Q1][Q2]', { article: 'Điều 5' }),
        'Không phải đối tượng kiểm điểm.',
      ),
      populationCase(
        'suspended',
        'Đình chỉ sinh hoạt đảng',
        'excluded',
        src(DOC.qd366, 'regulations §11.7 [Q1][Q2]', { article: 'Điều 5' }),
        'Không phải đối tượng kiểm điểm.',
      ),
      populationCase(
        'newly_admitted',
        `Mới kết nạp chưa đủ ${NEWLY_ADMITTED_MONTHS} tháng`,
        'excluded',
        src(DOC.qd366, 'regulations §11.7, §11.9 [Q1][Q2]', { article: 'Điều 5 khoản 2' }),
        'Không phải đối tượng kiểm điểm (HD 21 – HD 25: có kiểm điểm, không xếp loại).',
      ),
      populationCase(
        'probationary',
        'Đảng viên dự bị',
        'reviewed',
        unconfirmed(DOC.qd366, 'regulations §11.7 [Q1]', 'Suy luận: thuộc "đảng viên trong toàn Đảng" khi đã qua mốc 6 tháng.'),
      ),
      populationCase(
        'committee_suspended',
        'Cấp ủy viên bị đình chỉ sinh hoạt cấp ủy',
        'reviewed',
        src(DOC.hd43, 'regulations §11.7 [Q5]', { article: 'mục 7.7' }),
        'Kiểm điểm tại chi bộ nơi sinh hoạt, làm rõ trách nhiệm thời gian trước khi bị đình chỉ.',
      ),
      populationCase(
        'sick_or_maternity',
        'Nghỉ ốm từ 3 tháng trở lên hoặc nghỉ thai sản',
        'reviewed',
        src(DOC.hd43, 'regulations §11.7 [Q5][Q42]', { article: 'mục 7.5' }),
        'Xếp loại theo kết quả công tác thực tế trong năm (bỏ giới hạn của HD 21).',
      ),
      populationCase(
        'temporary',
        'Đảng viên sinh hoạt tạm thời nơi khác',
        'reviewed',
        src(DOC.hd43, 'regulations §11.7 [Q5]', { article: 'mục 7.6' }),
        'Đánh giá tại chi bộ sinh hoạt chính thức, sau khi có nhận xét bằng văn bản của chi bộ sinh hoạt tạm thời.',
      ),
      populationCase(
        'outside_political_system',
        'Đảng viên không làm việc trong hệ thống chính trị',
        'reviewed',
        src(DOC.hd43, 'regulations §11.7 [Q6][Q17]'),
        'Kiểm điểm theo Mẫu 2C, chấm điểm theo Phụ lục 5.',
      ),
      ...movedAndDeceased(
        unconfirmed(
          DOC.hd43,
          'regulations §11.8 [S40]',
          'Phần HD 43 được trích không nêu quy tắc chung; tiền lệ duy nhất là quy định chuyển sinh hoạt của HD 21.',
        ),
      ),
    ],
  },
  quota: QUOTA,
  reviewsLeadershipCollective: true,
  forms: {
    collective: COLLECTIVE_2025,
    member_leader: LEADER_2025,
    member_no_post: NO_POST_2025,
    member_outside: OUTSIDE_2025,
  },
  relatedForms: [
    ...COMMON_RELATED_FORMS,
    {
      code: 'Mẫu 03-HD KĐ.ĐG',
      title: 'Quyết định đánh giá, xếp loại lại tổ chức đảng, đảng viên',
      source: src(DOC.hd43, 'regulations §11.6 [Q25]'),
    },
    {
      code: 'Mẫu 04-HD KĐ.ĐG 2025',
      title: 'Danh mục hồ sơ kiểm điểm (gửi Ban Tổ chức Trung ương trước 01/02)',
      source: src(DOC.hd43, 'regulations §11.6 [Q24][Q27]'),
    },
    {
      code: 'Mẫu 05-HD KĐ.ĐG',
      title: 'Bản tự đánh giá, xếp loại của cá nhân theo quý, năm',
      source: src(DOC.hd43, 'regulations §11.6 [Q12]'),
    },
    {
      code: 'Mẫu tổng hợp (số hiệu chưa xác nhận)',
      title: 'Tổng hợp kết quả đánh giá quý, năm và đề xuất mức xếp loại cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý',
      source: unconfirmed(DOC.hd43, 'regulations §11.6 [Q22]', 'Số hiệu mẫu chưa xác nhận (có thể là 06).'),
    },
  ],
  manifestationGroups: [...MANIFESTATION_GROUPS],
  manifestations: [...MANIFESTATIONS],
  rules: RULES_2025,
  defaultPoliticalTasks: TASKS_2025,
  configurable: configurableItems({
    tasks: TASKS_2025,
    tasksSource: unconfirmed(
      DOC.tusoi,
      'regulations §11.2 (Điều 6), §11.3 (Phụ lục 1, nhóm II)',
      'Danh sách chung do Tự soi đề xuất; mỗi cấp ủy cấu hình nhiệm vụ trọng tâm của mình.',
    ),
    quota: QUOTA,
    quotaScopeSource: unconfirmed(
      DOC.tusoi,
      'regulations §9b "Quota arithmetic", §11.4.1',
      'Chưa xác nhận HD 43 có quy định thêm về nhóm so sánh; văn bản không nêu cách làm tròn, mặc định lấy phần nguyên.',
    ),
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    newlyAdmittedSource: src(DOC.qd366, 'regulations §11.7 [Q1][Q2]', { article: 'Điều 5 khoản 2' }),
  }),
};
