// Disqualifiers, caps and downgrades by period (regulations §2.4; for 2025 on, §11.4 and §11.9
// supersede it). Descriptive data shown on the rule-set page and cited by the classification
// checks; numbering follows §2.4 (R1…R16), with N1/N2 for the rules QĐ 366 adds.
import { DOC, src, unconfirmed } from './common.js';
import type { ClassificationRule, SourceRef } from './types.js';

function rule(
  code: string,
  subject: ClassificationRule['subject'],
  trigger: string,
  effect: string,
  source: SourceRef,
): ClassificationRule {
  return { code, subject, trigger, effect, source };
}

const DEGRADATION = 'Bị cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa"';
const KHTNV = 'Xếp loại Không hoàn thành nhiệm vụ';

const r1 = (doc: string, extra?: Partial<SourceRef>) =>
  rule('R1', 'member', 'Bị kỷ luật (bất kỳ hình thức nào) trong năm đánh giá', `${KHTNV} (một vi phạm chỉ tính một lần)`, {
    ...src(doc, 'regulations §2.4 R1 [S9][S26]'),
    ...extra,
  });
const r2 = (doc: string, tags: string) => rule('R2', 'all', DEGRADATION, KHTNV, src(doc, `regulations §2.4 R2 ${tags}`));
const r3 = (doc: string, tags: string) =>
  rule('R3', 'member', 'Hoàn thành dưới 50 % chỉ tiêu, nhiệm vụ được giao', KHTNV, src(doc, `regulations §2.4 R3 ${tags}`));
const r4 = (source: SourceRef) =>
  rule('R4', 'member', 'Là cán bộ, công chức, viên chức bị xếp loại "Không hoàn thành nhiệm vụ" về công chức, viên chức', KHTNV, source);
const r7 = (doc: string, effect: string, source?: SourceRef, subject: ClassificationRule['subject'] = 'all') =>
  rule(
    'R7',
    subject,
    'Đảng viên mới kết nạp chưa đủ 6 tháng; tổ chức đảng mới thành lập chưa đủ 6 tháng',
    effect,
    source ?? src(doc, 'regulations §2.4 R7 [S11][S16]'),
  );
const r9 = (pct: string, scope: string, source: SourceRef) =>
  rule(
    'R9',
    'all',
    `Số được đề xuất "Hoàn thành xuất sắc nhiệm vụ" vượt quá ${pct} số "Hoàn thành tốt nhiệm vụ" ${scope}`,
    'Không chấp nhận các đề xuất vượt tỷ lệ',
    source,
  );
const r14 = (source: SourceRef) =>
  rule('R14', 'leader', 'Mức xếp loại của người đứng đầu cao hơn mức của tập thể do mình đứng đầu', 'Không được phép', source);

/**
 * Review years ≤ 2017 (HD 27/2014): the sources give no disqualifier (regulations §1.2: "–"); only
 * who is left out or not classified, and a quota only where the committee sets one (§9b).
 */
export const RULES_2014: ClassificationRule[] = [
  // Organisations newly formed are not covered by the sources of the period: members only.
  r7(
    DOC.hd27,
    'Có kiểm điểm, không phân loại (đảng viên)',
    unconfirmed(
      DOC.tusoi,
      'regulations §9b [S11]',
      'Văn bản giai đoạn này không nêu; áp dụng mặc định: có kiểm điểm nhưng không phân loại.',
    ),
    'member',
  ),
  rule('R8', 'member', 'Miễn công tác và sinh hoạt đảng', 'Không kiểm điểm, không phân loại', src(DOC.hd27, 'regulations §1.2, §7.1 [S1]')),
  rule(
    'R9',
    'all',
    'Số được đề xuất mức cao nhất vượt tỷ lệ cấp ủy đặt cho đợt kiểm điểm (nếu có)',
    'Không chấp nhận các đề xuất vượt tỷ lệ',
    unconfirmed(
      DOC.tusoi,
      'regulations §1.2, §9b [S1]',
      'Chưa xác nhận có tỷ lệ khống chế trước năm 2018; chỉ áp dụng khi cấp ủy đặt tỷ lệ cho đợt kiểm điểm.',
    ),
  ),
];

export const RULES_2018: ClassificationRule[] = [
  r1(DOC.hd16),
  r2(DOC.hd16, '[S9]'),
  r3(DOC.hd16, '[S9]'),
  r4(src(DOC.hd16, 'regulations §2.4 R4 [S9]')),
  // HD 16 names newly admitted members only; newly formed organisations come with HD 21 (§2.4 R7).
  r7(DOC.hd16, 'Có kiểm điểm, không xếp loại (đảng viên)', src(DOC.hd16, 'regulations §2.4 R7 [S11]'), 'member'),
  rule(
    'R8',
    'member',
    'Miễn công tác và sinh hoạt đảng (đình chỉ sinh hoạt đảng chỉ được loại trừ từ HD 21)',
    'Không kiểm điểm, không xếp loại',
    src(DOC.hd16, 'regulations §1.2, §2.4 R8, §7.1 [S10]'),
  ),
  r9(
    '20 %',
    'trong tổ chức cơ sở đảng',
    unconfirmed(DOC.hd16, 'regulations §1.2, §2.4 R9', 'Tỷ lệ 20 % được giả định như HD 21; chưa xác nhận cho HD 16.'),
  ),
];

export const RULES_2019: ClassificationRule[] = [
  r1(DOC.hd21),
  r2(DOC.hd21, '[S9]'),
  r3(DOC.hd21, '[S9]'),
  r4(src(DOC.hd21, 'regulations §2.4 R4 [S9]')),
  rule(
    'R5',
    'member',
    'Là cán bộ, công chức, viên chức không được xếp loại "Hoàn thành xuất sắc nhiệm vụ" về công chức, viên chức',
    'Không được xếp loại "Hoàn thành xuất sắc nhiệm vụ"',
    src(DOC.hd21, 'regulations §2.4 R5 [S30]'),
  ),
  rule(
    'R6',
    'member',
    'Nghỉ ốm cộng dồn từ 3 tháng trở lên trong năm',
    'Không được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên; nghỉ thai sản: đánh giá theo thời gian công tác thực tế',
    src(DOC.hd21, 'regulations §2.1, §2.4 R6 [S11]'),
  ),
  r7(DOC.hd21, 'Có kiểm điểm, không xếp loại'),
  rule(
    'R8',
    'member',
    'Miễn công tác và sinh hoạt đảng; đình chỉ sinh hoạt đảng (cấp ủy viên bị đình chỉ sinh hoạt cấp ủy vẫn được xếp loại)',
    'Không kiểm điểm, không xếp loại',
    src(DOC.hd21, 'regulations §2.4 R8, §7.1 [S10][S11]'),
  ),
  r9(
    '20 %',
    'trong từng tổ chức cơ sở đảng (đảng viên), từng chức danh (cán bộ), từng loại hình (tập thể)',
    src(DOC.hd21, 'regulations §2.4 R9 [S30][S32]'),
  ),
  rule(
    'R10',
    'unit',
    'Chi bộ: "Hoàn thành xuất sắc" cần 100 % đảng viên từ HTNV trở lên và ít nhất 80 % từ HTTNV; "Hoàn thành tốt" cần ít nhất 50 % từ HTTNV; đảng bộ: tương tự với các tổ chức trực thuộc',
    'Giới hạn mức xếp loại của tổ chức',
    src(DOC.hd21, 'regulations §2.4 R10 [S46][S47]'),
  ),
  rule(
    'R13',
    'unit',
    'Trên 20 % đảng viên của chi bộ bị kỷ luật trong năm',
    'Chi bộ xếp loại Không hoàn thành nhiệm vụ',
    unconfirmed(DOC.hd21, 'regulations §2.4 R13 [S48]', 'Chỉ thấy ở nguồn thứ cấp.'),
  ),
  r14(src(DOC.hd21, 'regulations §2.3, §2.4 R14 [S31][S32]')),
];

export const RULES_2023: ClassificationRule[] = [
  rule(
    'R1',
    'member',
    'Bị kỷ luật trong năm đánh giá',
    `${KHTNV}, trừ trường hợp tự phát hiện và khắc phục hậu quả`,
    src(DOC.qd124, "regulations §2.4 R1' [S27][S39]", { article: 'Điều 12 khoản 4' }),
  ),
  r2(DOC.qd124, '[S39]'),
  r3(DOC.qd124, '[S39]'),
  r4(unconfirmed(DOC.qd124, 'regulations §2.4 R4', 'Quy tắc của 2018–2022; chưa xác nhận cho QĐ 124.')),
  rule(
    'R6',
    'member',
    'Nghỉ ốm cộng dồn từ 3 tháng trở lên trong năm',
    'Không được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên',
    unconfirmed(DOC.hd25, 'regulations §2.1, §2.4 R6 [S11]', 'Quy định của HD 21; chưa xác nhận cho giai đoạn sau.'),
  ),
  r7(DOC.qd124, 'Có kiểm điểm, không xếp loại', src(DOC.qd124, 'regulations §1.2, §2.4 R7 [S11][S16]', { article: 'Điều 5' })),
  rule(
    'R8',
    'member',
    'Miễn công tác và sinh hoạt đảng; đình chỉ sinh hoạt đảng',
    'Không kiểm điểm, không xếp loại',
    src(DOC.qd124, 'regulations §2.4 R8 [S16]', { article: 'Điều 5' }),
  ),
  r9('20 %', 'trong nhóm có vị trí, vai trò tương đồng', src(DOC.qd124, 'regulations §2.4 R9 [S28]', { article: 'Điều 12' })),
  rule(
    'R10',
    'unit',
    'Chi bộ: "Hoàn thành xuất sắc" cần 100 % đảng viên từ HTNV trở lên và ít nhất 80 % từ HTTNV; "Hoàn thành tốt" cần ít nhất 50 % từ HTTNV',
    'Giới hạn mức xếp loại của tổ chức',
    unconfirmed(DOC.qd124, 'regulations §2.4 R10', 'Ngưỡng của HD 21; chưa xác nhận cho QĐ 124.'),
  ),
  rule(
    'R11',
    'unit',
    'Tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo, quản lý bị kỷ luật trong năm',
    'Tập thể không được xếp loại "Hoàn thành xuất sắc nhiệm vụ"; được HTTNV, HTNV chỉ khi đã tự phát hiện và khắc phục',
    src(DOC.qd124, 'regulations §2.2, §2.4 R11 [S28]'),
  ),
  rule(
    'R12',
    'unit',
    'Trên 20 % tổ chức trực thuộc bị kỷ luật, hoặc tập thể bị kỷ luật trong năm',
    'Tập thể xếp loại Không hoàn thành nhiệm vụ',
    src(DOC.qd124, 'regulations §2.2, §2.4 R12 [S39]'),
  ),
  r14(
    unconfirmed(
      DOC.qd124,
      'regulations §2.3, §2.4 R14 [S50]',
      'QĐ 124 giữ thứ tự "đánh giá tập thể trước, người đứng đầu sau"; lời văn giới hạn chưa xác nhận.',
    ),
  ),
];

export const RULES_2025: ClassificationRule[] = [
  rule(
    'R1',
    'all',
    'Bị kỷ luật từ khiển trách trở lên do vi phạm liên quan đến thực hiện chức trách, nhiệm vụ',
    `${KHTNV}; nếu tự phát hiện, báo cáo và khắc phục kịp thời thì cấp có thẩm quyền xem xét, quyết định (không miễn trừ tự động)`,
    src(DOC.qd366, 'regulations §11.4, §11.9 [Q5][Q3][S29]', { article: 'Điều 11 khoản 4' }),
  ),
  rule('R2', 'all', DEGRADATION, KHTNV, src(DOC.qd366, 'regulations §11.4 [Q5][S29]', { article: 'Điều 11 khoản 4' })),
  rule(
    'R2b',
    'member',
    'Vi phạm những điều đảng viên không được làm, hoặc quy định về nêu gương làm ảnh hưởng đến uy tín của bản thân, cơ quan, đơn vị',
    KHTNV,
    src(DOC.qd366, 'regulations §11.4 [Q5][Q3]', { article: 'Điều 11 khoản 4' }),
  ),
  rule(
    'R3',
    'all',
    'Cá nhân: trên 50 % nhiệm vụ trong năm được đánh giá không hoàn thành; lãnh đạo, quản lý và tập thể: địa phương, đơn vị hoàn thành dưới 70 % chương trình công tác năm',
    KHTNV,
    src(DOC.qd366, 'regulations §11.4, §11.9 [Q5][Q3]', { article: 'Điều 11 khoản 4' }),
  ),
  r4(
    unconfirmed(
      DOC.qd366,
      'regulations §2.4 R4, §11.2',
      'Điều 3: xếp loại công chức là căn cứ của xếp loại đảng viên; quy tắc tự động chưa xác nhận.',
    ),
  ),
  r7(DOC.qd366, 'Không kiểm điểm (không còn là đối tượng kiểm điểm)', src(DOC.qd366, 'regulations §11.7 [Q1][Q2]', { article: 'Điều 5' })),
  rule(
    'R8',
    'member',
    'Miễn công tác và sinh hoạt đảng; đình chỉ sinh hoạt đảng',
    'Không kiểm điểm, không xếp loại',
    src(DOC.qd366, 'regulations §11.7 [Q1][Q2]', { article: 'Điều 5' }),
  ),
  r9(
    '20 %',
    'trong nhóm có vị trí, vai trò, chức năng, nhiệm vụ tương đồng (cấp có thẩm quyền có thể cho đến 25 % nơi có kết quả nổi bật)',
    src(DOC.qd366, 'regulations §11.4.1 [Q4][Q3][Q5]', { article: 'Điều 11 khoản 1 điểm 1.5' }),
  ),
  rule(
    'R11',
    'unit',
    'Tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo, quản lý bị kỷ luật trong năm',
    'Tập thể không được xếp loại "Hoàn thành xuất sắc nhiệm vụ"',
    src(DOC.qd366, 'regulations §2.4 R11, §11.4 [S19][Q4]', { article: 'Điều 11 khoản 1' }),
  ),
  r14(unconfirmed(DOC.qd366, 'regulations §11.9', 'QĐ 366 gắn kết quả người đứng đầu với đơn vị (Điều 3) nhưng không nêu giới hạn này.')),
  rule(
    'R15',
    'leader',
    'Lãnh đạo, quản lý: đơn vị phụ trách hoàn thành dưới 70 % chương trình hoặc không đạt 5 chỉ tiêu kinh tế – xã hội cơ bản; trên 50 % đơn vị phụ trách KHTNV; trên 50 % phiếu tín nhiệm thấp; tham nhũng, lãng phí, tiêu cực bị kỷ luật ở tổ chức, cá nhân do mình trực tiếp quản lý',
    KHTNV,
    src(DOC.qd366, 'regulations §2.1, §11.4 [S29][Q5]', { article: 'Điều 11 khoản 4 điểm 4.2' }),
  ),
  rule(
    'R16',
    'all',
    'Tổng điểm tự đánh giá và đánh giá (nhóm I tối đa 30, nhóm II tối đa 70)',
    'Từ 90: HTXSNV; 70 đến dưới 90: HTTNV; 50 đến dưới 70: HTNV; dưới 50: KHTNV — và phải đạt điều kiện của mức',
    src(DOC.qd366, 'regulations §11.4 [Q3][Q5][Q29]', { article: 'Điều 11' }),
  ),
  rule(
    'N1',
    'all',
    'Đề xuất mức "Hoàn thành xuất sắc nhiệm vụ"',
    'Phải khắc phục 100 % hạn chế, khuyết điểm đã được chỉ ra ở kỳ kiểm điểm trước (nếu có)',
    src(DOC.qd366, 'regulations §11.4, §11.9 [Q4][Q3]', { article: 'Điều 11 khoản 1 điểm 1.4' }),
  ),
  rule(
    'N2',
    'all',
    'Vi phạm xảy ra ở đơn vị cũ nhưng bị kỷ luật ở đơn vị mới',
    'Tính vào kết quả xếp loại của đơn vị cũ, không tính cho đơn vị mới',
    src(DOC.qd366, 'regulations §11.4 [Q5][Q3]', { article: 'Điều 11 khoản 4' }),
  ),
  rule(
    'N3',
    'all',
    'Điểm từ 90 nhưng không có 30 % nhiệm vụ vượt mức; 70–89 điểm nhưng có nhiệm vụ chậm; 50–69 điểm nhưng có nhiệm vụ chưa hoàn thành',
    'Mức cao nhất mà cả khung điểm và điều kiện đều đạt, không cao hơn khung điểm',
    unconfirmed(DOC.tusoi, 'regulations §11.4.2', 'Suy luận để lấp khoảng trống của điều kiện; có thể cấu hình.'),
  ),
];
