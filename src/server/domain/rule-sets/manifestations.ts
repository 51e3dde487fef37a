// The 27 manifestations of degradation, "tự diễn biến", "tự chuyển hóa" (NQ 04-NQ/TW, 30/10/2016,
// TW4 khóa XII; regulations §5): three groups of nine, shared by every rule set (the 2016 review
// was the first held against them, regulations §1.1). Paraphrases are regulations.md's own.
// A1–A5 and C1–C6 were seen in quoted text; the order and gist of A6–A9, B1–B9 and C7–C9 come from
// a mnemonic summary and an English table, so their wording is marked UNCONFIRMED (§5).
import type { Manifestation, ManifestationGroup, ManifestationGroupCode, SourceRef } from './types.js';

const NQ04 = 'NQ 04-NQ/TW, 30/10/2016 (Hội nghị Trung ương 4 khóa XII)';

const quoted = (tags: string): SourceRef => ({ document: NQ04, reference: `regulations §5 ${tags}` });
const mnemonic: SourceRef = {
  document: NQ04,
  reference: 'regulations §5 [S77][S78]',
  unconfirmed: true,
  note: 'Thứ tự và ý chính lấy từ bản tóm tắt 27 biểu hiện; lời văn chính xác chưa đối chiếu với Nghị quyết.',
};

export const MANIFESTATION_GROUPS: readonly ManifestationGroup[] = [
  { code: 'A', label: 'Suy thoái về tư tưởng chính trị', source: quoted('[S71][S72]') },
  { code: 'B', label: 'Suy thoái về đạo đức, lối sống', source: quoted('[S71][S72]') },
  { code: 'C', label: 'Biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ', source: quoted('[S71][S72]') },
];

const A_QUOTED = quoted('[S71][S73]');
const C_QUOTED = quoted('[S74][S75]');

const ITEMS: readonly [string, string, SourceRef][] = [
  [
    'A1',
    'Phai nhạt lý tưởng; lung lay niềm tin vào mục tiêu độc lập dân tộc gắn liền với chủ nghĩa xã hội; hoài nghi chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh',
    A_QUOTED,
  ],
  ['A2', 'Xa rời mục tiêu của Đảng, không kiên định con đường xã hội chủ nghĩa; hùa theo những nhận thức, quan điểm lệch lạc', A_QUOTED],
  ['A3', 'Coi nhẹ lý luận; lười học tập lý luận, nghị quyết, chủ trương, chính sách, pháp luật', A_QUOTED],
  [
    'A4',
    'Không chấp hành nghiêm nguyên tắc tổ chức; giảm sút ý chí phấn đấu; thiếu gương mẫu; né tránh trách nhiệm, làm việc qua loa, "trung bình chủ nghĩa"',
    A_QUOTED,
  ],
  [
    'A5',
    'Tự phê bình giấu khuyết điểm; phê bình nể nang, né tránh, không dám bảo vệ cái đúng, đấu tranh với cái sai; lợi dụng phê bình để nịnh bợ hoặc hạ bệ',
    A_QUOTED,
  ],
  ['A6', 'Nói không đi đôi với làm; hứa nhiều làm ít; nói một đằng, làm một nẻo', mnemonic],
  ['A7', 'Độc đoán, chuyên quyền, áp đặt, bảo thủ ý kiến cá nhân', mnemonic],
  ['A8', 'Ngại khó, né việc khó, ngại va chạm; đặt nặng phiếu bầu, sợ mất lòng', mnemonic],
  ['A9', 'Đưa người thân, người quen không đủ tiêu chuẩn vào vị trí lãnh đạo, quản lý', mnemonic],
  ['B1', 'Chủ nghĩa cá nhân, ích kỷ, cơ hội, vụ lợi; ganh ghét, đố kỵ', mnemonic],
  ['B2', 'Tranh giành chức quyền, cục bộ, bè phái, gia trưởng, gây mất đoàn kết nội bộ', mnemonic],
  ['B3', 'Kê khai tài sản, thu nhập không trung thực', mnemonic],
  [
    'B4',
    'Che giấu khuyết điểm, phô trương; "bệnh thành tích", chạy khen thưởng, danh hiệu',
    { ...mnemonic, reference: 'regulations §5 [S76][S77]' },
  ],
  ['B5', 'Quan liêu, xa dân, vô cảm, thờ ơ trước bức xúc của nhân dân', mnemonic],
  ['B6', 'Lãng phí tiền của, tài sản, thời gian', mnemonic],
  ['B7', 'Tham ô, tham nhũng, lạm dụng chức vụ, quyền hạn; lợi ích nhóm', mnemonic],
  ['B8', 'Lợi dụng quyền hạn thao túng công tác cán bộ vì lợi ích riêng; chạy chức, chạy quyền', mnemonic],
  ['B9', 'Lối sống buông thả, sa vào tệ nạn; vi phạm đạo đức gia đình, thuần phong mỹ tục', mnemonic],
  ['C1', 'Phản bác chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh, nguyên tắc tập trung dân chủ; đòi thực hiện đa nguyên, đa đảng', C_QUOTED],
  [
    'C2',
    'Phủ nhận dân chủ xã hội chủ nghĩa, nhà nước pháp quyền xã hội chủ nghĩa, kinh tế thị trường định hướng xã hội chủ nghĩa, sở hữu toàn dân về đất đai; đòi "tam quyền phân lập", "xã hội dân sự"',
    C_QUOTED,
  ],
  [
    'C3',
    'Nói, viết, làm trái đường lối của Đảng; hạ thấp thành quả, thổi phồng khuyết điểm; xuyên tạc lịch sử, vu khống lãnh tụ',
    C_QUOTED,
  ],
  ['C4', 'Kích động tư tưởng bất mãn, chống đối trong nội bộ; lợi dụng truyền thông, mạng xã hội để bôi nhọ, chia rẽ', C_QUOTED],
  [
    'C5',
    'Phủ nhận sự lãnh đạo của Đảng đối với lực lượng vũ trang; đòi "phi chính trị hóa" quân đội, công an; chia rẽ quân đội, công an với nhân dân',
    C_QUOTED,
  ],
  ['C6', 'Móc nối, cấu kết với các thế lực thù địch, phản động và các phần tử cơ hội, bất mãn chính trị', C_QUOTED],
  ['C7', 'Cung cấp, phát tán thông tin sai lệch, gây hại ra bên ngoài trong quan hệ đối ngoại', mnemonic],
  ['C8', 'Lôi kéo; sáng tác, quảng bá tác phẩm lệch lạc, gây dư luận xấu', mnemonic],
  ['C9', 'Tư tưởng dân tộc cực đoan, hẹp hòi', mnemonic],
];

export const MANIFESTATIONS: readonly Manifestation[] = ITEMS.map(([code, text, source]) => ({
  code,
  group: code[0] as ManifestationGroupCode,
  text,
  source,
}));
