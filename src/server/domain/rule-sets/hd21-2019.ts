// Review years 2019–2022: QĐ 132-QĐ/TW with HD 21-HD/BTCTW (18/10/2019), which replaced HD 16,
// dropped the 82-item appendix, excluded suspended members and fixed one individual form, Mẫu 02
// (regulations §1.1, §1.2, §2.1, §2.2).
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
import { RULES_2019 } from './rules.js';
import type { QuotaDef, RuleSet } from './types.js';

const QUOTA: QuotaDef = {
  htxsPct: 20,
  exceptionalPct: null,
  scope: 'grassroots_org',
  source: src(DOC.hd21, 'regulations §1.2, §2.1 [S30][S31][S32]', {
    note: 'Đảng viên: tính trong từng tổ chức cơ sở đảng; cán bộ: theo chức danh; tập thể: theo loại hình.',
  }),
};
const NEWLY_ADMITTED_MONTHS = 6;
const INDIVIDUAL_SECTIONS = src(DOC.hd21, 'regulations §3.3 [S55][S34]', {
  note: 'Cấu trúc theo bản tái hiện của bên thứ ba, khớp với các trang hỏi đáp.',
});
const COLLECTIVE_SECTIONS = unconfirmed(
  DOC.hd21,
  'regulations §3.3 [S61][S70]',
  'Các mục của Mẫu 01 được ghi nhận cho thế hệ QĐ 124 / HD 25; giả định tương tự cho HD 21.',
);

export const HD21_2019: RuleSet = {
  id: 'hd21-2019',
  name: 'Kiểm điểm, đánh giá, xếp loại theo QĐ 132-QĐ/TW và HD 21-HD/BTCTW (năm 2019 – 2022)',
  years: { from: 2019, to: 2022 },
  documents: [
    src(DOC.qd132, 'regulations §1.1 [S7]'),
    src(DOC.hd21, 'regulations §1.1 [S10][S11][S12]', { note: 'Thay thế HD 16; hết hiệu lực 10/11/2023.' }),
  ],
  scoring: 'grades',
  grades: GRADES,
  points: null,
  memberLevels: levels2018({
    excellent: {
      conditions:
        'Thực sự tiêu biểu về năng lực, phẩm chất đạo đức, lối sống, đổi mới, sáng tạo, có sản phẩm cụ thể, kết quả nổi bật; các tiêu chí về thực hiện nhiệm vụ chính trị đạt mức Xuất sắc, các tiêu chí còn lại đạt mức Tốt trở lên; đảng viên là cán bộ, công chức, viên chức phải được xếp loại "Hoàn thành xuất sắc nhiệm vụ" về công chức, viên chức; không quá 20 % số hoàn thành tốt nhiệm vụ trong tổ chức cơ sở đảng.',
      source: src(DOC.hd21, 'regulations §2.1 [S30]'),
    },
    good: {
      conditions: MEMBER_CONDITIONS.good2019,
      source: unconfirmed(DOC.hd21, 'regulations §2.1 [S28]', 'Thấy lời văn cho tập thể; lời văn cho cá nhân tương tự, chưa xác nhận.'),
    },
    satisfactory: {
      conditions: MEMBER_CONDITIONS.satisfactory2019,
      source: unconfirmed(DOC.hd21, 'regulations §2.1 [S28]', 'Lời văn chính xác cho cá nhân chưa xác nhận.'),
    },
    unsatisfactory: {
      conditions: MEMBER_CONDITIONS.unsatisfactoryQd132,
      source: src(DOC.hd21, 'regulations §2.1 [S9][S26]'),
    },
  }),
  unitLevels: levels2018({
    excellent: {
      conditions:
        'Tiêu biểu, đổi mới, là điển hình; tiêu chí xây dựng Đảng và nhiệm vụ kinh tế – xã hội, quốc phòng – an ninh đạt mức Xuất sắc, còn lại từ Tốt; đảng bộ: 100 % tổ chức trực thuộc từ HTNV, ít nhất 80 % từ HTTNV; chi bộ: 100 % đảng viên từ HTNV, ít nhất 80 % từ HTTNV; chính quyền, Mặt trận, đoàn thể cùng cấp từ HTTNV; không quá 20 % số HTTNV.',
      source: src(DOC.hd21, 'regulations §2.2 [S46]'),
    },
    good: {
      conditions:
        'Tiêu chí về nhiệm vụ từ Tốt, còn lại từ Trung bình; đảng bộ: 100 % tổ chức trực thuộc từ HTNV, ít nhất 50 % từ HTTNV; chi bộ: 100 % đảng viên từ HTNV, ít nhất 50 % từ HTTNV; chính quyền, Mặt trận, đoàn thể cùng cấp từ HTNV.',
      source: src(DOC.hd21, 'regulations §2.2 [S47]'),
    },
    satisfactory: {
      conditions: 'Các tiêu chí đạt mức Trung bình trở lên.',
      source: unconfirmed(DOC.hd21, 'regulations §2.2 [S47]', 'Chi tiết chưa được tra cứu.'),
    },
    unsatisfactory: {
      conditions:
        'Gồm: chi bộ có trên 20 % đảng viên bị kỷ luật (nguồn thứ cấp); tập thể lãnh đạo mất đoàn kết hoặc có thành viên suy thoái; hoàn thành dưới 50 % chỉ tiêu; tập thể bị kỷ luật; có thành viên bị kỷ luật từ cảnh cáo trở lên.',
      source: src(DOC.hd21, 'regulations §2.2 [S47][S48][S26]'),
    },
  }),
  population: {
    exempt: 'excluded',
    suspended: 'excluded',
    newlyAdmitted: 'not_classified',
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    source: src(DOC.hd21, 'regulations §1.2 "Members not reviewed" [S11][S10]'),
    cases: [
      populationCase(
        'exempt',
        'Miễn công tác và sinh hoạt đảng',
        'excluded',
        src(DOC.hd21, 'regulations §1.2, §7.1 [S11]'),
        'Không kiểm điểm, không xếp loại.',
      ),
      populationCase(
        'suspended',
        'Đình chỉ sinh hoạt đảng',
        'excluded',
        src(DOC.hd21, 'regulations §1.2 [S10]'),
        'Không kiểm điểm, không xếp loại.',
      ),
      populationCase(
        'newly_admitted',
        `Mới kết nạp chưa đủ ${NEWLY_ADMITTED_MONTHS} tháng`,
        'not_classified',
        src(DOC.hd21, 'regulations §2.1 [S11]'),
        'Có kiểm điểm thời gian từ khi kết nạp, không xếp loại.',
      ),
      populationCase(
        'committee_suspended',
        'Cấp ủy viên bị đình chỉ sinh hoạt cấp ủy',
        'reviewed',
        src(DOC.hd21, 'regulations §1.2, §7.1 [S11][S10]'),
        'Vẫn được đánh giá, xếp loại.',
      ),
      populationCase('probationary', 'Đảng viên dự bị', 'reviewed', src(DOC.hd21, 'regulations §2.1 [S42]')),
      populationCase(
        'temporary',
        'Đảng viên sinh hoạt tạm thời nơi khác',
        'reviewed',
        src(DOC.hd21, 'regulations §2.1 [S40][S41]'),
        'Đánh giá tại chi bộ sinh hoạt chính thức, có nhận xét bằng văn bản của chi bộ sinh hoạt tạm thời.',
      ),
      ...movedAndDeceased(src(DOC.hd21, 'regulations §2.1 [S40]')),
    ],
  },
  quota: QUOTA,
  reviewsLeadershipCollective: false,
  forms: {
    collective: collectiveForm2019(
      {
        code: 'Mẫu 01-HD KĐ.ĐG 2019',
        letter: '01',
        title: 'Báo cáo kiểm điểm tập thể',
        source: src(DOC.hd21, 'regulations §3.3 [S57][S35]'),
      },
      COLLECTIVE_SECTIONS,
    ),
    member_no_post: individualForm2019(
      {
        meaning: 'member_no_post',
        code: 'Mẫu 02-HD KĐ.ĐG 2019',
        letter: '02',
        title: 'Bản kiểm điểm cá nhân',
        source: src(DOC.hd21, 'regulations §1.1, §3.3 [S34]', {
          note: 'Một mẫu cho mọi cá nhân; mục I.3–I.5 chỉ dành cho người giữ chức vụ lãnh đạo, quản lý.',
        }),
      },
      'marked',
      INDIVIDUAL_SECTIONS,
    ),
  },
  relatedForms: [
    ...COMMON_RELATED_FORMS,
    {
      code: 'Mẫu 04-HD KĐ.ĐG 2019',
      title: 'Phiếu phân tích chất lượng và đánh giá, xếp loại tập thể lãnh đạo, quản lý',
      source: src(DOC.hd21, 'regulations §3.3 [S69]'),
    },
    {
      code: 'Phiếu biểu quyết / phiếu đề xuất xếp loại đảng viên',
      title: 'Chi bộ biểu quyết đề xuất mức xếp loại từng đảng viên',
      source: src(DOC.hd21, 'regulations §3.3 [S54]'),
    },
    {
      code: 'Nhận xét của chi ủy nơi cư trú',
      title: 'Nhận xét đảng viên, cán bộ nơi cư trú (QĐ 213-QĐ/TW, HD 33-HD/BTCTW năm 2020)',
      source: src(DOC.hd21, 'regulations §3.3 [S65]', { note: 'Từ năm 2020.' }),
    },
  ],
  manifestationGroups: [...MANIFESTATION_GROUPS],
  manifestations: [...MANIFESTATIONS],
  rules: RULES_2019,
  defaultPoliticalTasks: GENERIC_POLITICAL_TASKS,
  configurable: configurableItems({
    tasks: GENERIC_POLITICAL_TASKS,
    tasksSource: GENERIC_TASKS_SOURCE,
    quota: QUOTA,
    quotaScopeSource: QUOTA_ROUNDING_DEFAULT,
    newlyAdmittedMonths: NEWLY_ADMITTED_MONTHS,
    newlyAdmittedSource: src(DOC.hd21, 'regulations §2.1, §9b [S11]'),
  }),
};
