// The words of the demo's campaigns: shortcomings and their causes, commitments, suggested points,
// appraisal findings, plans and the paragraphs of the reviews. Fictitious but realistic, in the
// register of party documents (reference-scenario.md: land management, site clearance, urban order,
// civilized urban area, new rural area, administrative reform; regulations §3.3 for the sections).
import type { Sector } from '../../../shared/vocabulary.js';
import type { Rng } from './random.js';

// ── Shortcomings of a collective, by kind of unit ─────────────────────────────────────────────

const UNIT_COMMON = [
  'Chất lượng sinh hoạt chi bộ ở một số chi bộ chưa cao; nội dung sinh hoạt chuyên đề chưa phong phú, còn nặng về thông báo tình hình.',
  'Công tác kiểm tra, giám sát của cấp ủy chưa thường xuyên; việc phát hiện, xử lý vi phạm của đảng viên có lúc chưa kịp thời.',
  'Tinh thần tự phê bình và phê bình trong sinh hoạt đảng có lúc chưa cao, còn biểu hiện nể nang, né tránh.',
  'Việc cụ thể hóa, triển khai thực hiện một số nghị quyết, chỉ thị của cấp trên còn chậm, thiếu giải pháp sát thực tế.',
  'Việc thu, nộp, quản lý đảng phí ở một số chi bộ chưa đúng thời hạn quy định.',
  'Công tác giáo dục chính trị tư tưởng, nắm bắt dư luận trong cán bộ, đảng viên có lúc chưa kịp thời.',
  'Việc thực hiện Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh chưa có nhiều mô hình, điển hình mới.',
];

const UNIT_BY_SECTOR: Partial<Record<Sector, string[]>> = {
  ward: [
    'Công tác quản lý đất đai, trật tự xây dựng trên địa bàn còn để xảy ra một số trường hợp lấn chiếm, xây dựng trái phép nhưng xử lý chưa dứt điểm.',
    'Trật tự đô thị, vệ sinh môi trường ở một số tuyến phố, khu dân cư chưa được duy trì thường xuyên; tình trạng lấn chiếm vỉa hè còn tái diễn.',
    'Tiến độ giải phóng mặt bằng một số dự án trên địa bàn còn chậm so với kế hoạch; công tác tuyên truyền, vận động nhân dân chưa hiệu quả.',
    'Việc giải quyết đơn thư kiến nghị, khiếu nại của công dân về đất đai có việc còn chậm, để kéo dài.',
    'Phong trào xây dựng khối phố văn minh, tuyến phố văn minh đô thị chưa đồng đều giữa các khối phố.',
  ],
  commune: [
    'Một số tiêu chí nông thôn mới (môi trường, thu nhập, tổ chức sản xuất) đạt chưa bền vững.',
    'Công tác quản lý đất đai còn hạn chế; tình trạng chuyển mục đích sử dụng đất, xây dựng trái phép trên đất nông nghiệp chưa được ngăn chặn kịp thời.',
    'Tiến độ giải phóng mặt bằng, bồi thường, hỗ trợ tái định cư một số dự án còn chậm; còn hộ dân chưa đồng thuận.',
    'Chuyển dịch cơ cấu kinh tế nông nghiệp còn chậm; việc xây dựng vườn mẫu, khu dân cư kiểu mẫu chưa đạt kế hoạch.',
    'Giải quyết đơn thư của công dân liên quan đến đất đai, chính sách có việc chưa kịp thời.',
  ],
  town: [
    'Công tác quản lý đất đai, trật tự xây dựng còn để xảy ra vi phạm, xử lý chưa dứt điểm.',
    'Việc chỉnh trang đô thị, vệ sinh môi trường ở một số khu dân cư chưa đạt yêu cầu.',
  ],
  agency: [
    'Cải cách hành chính, ứng dụng công nghệ thông tin trong giải quyết công việc còn chậm; một số hồ sơ giải quyết quá hạn.',
    'Việc tham mưu cho cấp ủy, chính quyền ở một số lĩnh vực có lúc chưa kịp thời, chất lượng chưa cao.',
    'Việc thực hiện quy chế dân chủ ở cơ sở, quy chế làm việc của cơ quan có mặt chưa nghiêm.',
    'Tiến độ giải ngân vốn đầu tư công một số dự án do đơn vị phụ trách còn chậm.',
  ],
  public_service: [
    'Chất lượng phục vụ người dân ở một số bộ phận chưa đáp ứng yêu cầu; còn ý kiến phản ánh về thái độ phục vụ.',
    'Việc thực hiện cơ chế tự chủ tài chính, huy động nguồn lực xã hội hóa còn hạn chế.',
    'Tiến độ triển khai một số dự án, nhiệm vụ chuyên môn còn chậm so với kế hoạch.',
  ],
  school: [
    'Chất lượng giáo dục mũi nhọn chưa tương xứng; tỷ lệ học sinh giỏi cấp tỉnh chưa đạt chỉ tiêu.',
    'Việc đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin của một bộ phận giáo viên còn chậm.',
    'Công tác phát triển đảng viên trong đội ngũ giáo viên trẻ chưa đạt chỉ tiêu đề ra.',
  ],
  enterprise: [
    'Sản xuất, kinh doanh chưa đạt kế hoạch đề ra; một số chỉ tiêu doanh thu, lợi nhuận giảm so với năm trước.',
    'Vai trò lãnh đạo của tổ chức đảng đối với hoạt động sản xuất, kinh doanh có mặt chưa rõ nét.',
    'Việc chăm lo đời sống, việc làm cho người lao động còn khó khăn; công tác an toàn lao động có lúc chưa chặt chẽ.',
  ],
  police: [
    'Tình hình trộm cắp tài sản, vi phạm trật tự an toàn giao thông trên địa bàn còn diễn biến phức tạp.',
    'Công tác nắm tình hình, phòng ngừa tội phạm ở một số địa bàn có lúc chưa kịp thời.',
  ],
  military: [
    'Chất lượng huấn luyện lực lượng dân quân ở một số đơn vị chưa đồng đều.',
    'Công tác tuyển quân, quản lý quân nhân dự bị có khâu còn hạn chế.',
  ],
};

/** 1–3 shortcomings of a collective, suited to its sector. */
export function unitShortcomings(rng: Rng, sector: string | null, n: number): string[] {
  const own = UNIT_BY_SECTOR[sector as Sector] ?? [];
  const pool = own.length ? [...rng.sample(own, Math.min(2, own.length)), ...rng.sample(UNIT_COMMON, 2)] : rng.sample(UNIT_COMMON, 3);
  return rng.sample(pool, n);
}

// ── Shortcomings of a member ──────────────────────────────────────────────────────────────────

const MEMBER_COMMON = [
  'Tinh thần tự phê bình và phê bình có lúc chưa cao, còn nể nang, ngại va chạm.',
  'Việc học tập, nghiên cứu nghị quyết, chỉ thị của Đảng, pháp luật của Nhà nước chưa thường xuyên, chưa sâu.',
  'Có buổi chưa tham gia đầy đủ sinh hoạt chi bộ định kỳ.',
  'Việc đóng đảng phí có tháng còn chậm so với quy định.',
  'Việc giữ mối liên hệ với chi ủy, chi bộ nơi cư trú chưa thường xuyên.',
  'Tham gia ý kiến xây dựng chi bộ trong các buổi sinh hoạt còn ít.',
];
const MEMBER_WORK = [
  'Tiến độ giải quyết một số hồ sơ, công việc được giao còn chậm so với yêu cầu.',
  'Chưa chủ động nghiên cứu, đề xuất giải pháp mới trong thực hiện nhiệm vụ chuyên môn.',
  'Khả năng ứng dụng công nghệ thông tin trong công việc còn hạn chế.',
  'Việc tự học tập nâng cao trình độ chuyên môn, nghiệp vụ chưa thường xuyên.',
];
const MEMBER_LEADER = [
  'Việc chỉ đạo, kiểm tra, đôn đốc cấp dưới thực hiện nhiệm vụ có lúc chưa kịp thời, quyết liệt.',
  'Phong cách làm việc có lúc chưa thật sự sâu sát cơ sở; việc đối thoại, tiếp dân chưa thường xuyên.',
  'Trách nhiệm nêu gương trong thực hiện một số nhiệm vụ khó, phức tạp chưa thật rõ nét.',
  'Việc xử lý một số vụ việc tồn đọng thuộc lĩnh vực phụ trách còn chậm.',
];
const MEMBER_RESIDENT = [
  'Việc tuyên truyền, vận động gia đình và nhân dân nơi cư trú chấp hành chủ trương, chính sách còn hạn chế.',
  'Tham gia các phong trào, hoạt động của khu dân cư có lúc chưa đầy đủ do sức khỏe.',
];

export function memberShortcomings(rng: Rng, kind: { leader: boolean; working: boolean }, n: number): string[] {
  const pool = [...MEMBER_COMMON, ...(kind.working ? MEMBER_WORK : MEMBER_RESIDENT), ...(kind.leader ? MEMBER_LEADER : [])];
  return rng.sample(pool, n);
}

// ── Causes ────────────────────────────────────────────────────────────────────────────────────

const SUBJECTIVE = [
  'Nguyên nhân chủ quan: chưa thật sự chủ động, quyết liệt; việc sắp xếp thời gian, phân công nhiệm vụ chưa hợp lý.',
  'Nguyên nhân chủ quan: nhận thức, trách nhiệm của một bộ phận cán bộ, đảng viên chưa cao; kiểm tra, đôn đốc chưa thường xuyên.',
  'Nguyên nhân chủ quan: tinh thần tự học, tự rèn luyện chưa cao; còn tư tưởng ngại khó.',
  'Nguyên nhân chủ quan: sự phối hợp giữa các bộ phận chưa chặt chẽ; chưa kịp thời rút kinh nghiệm.',
];
const OBJECTIVE = [
  'Nguyên nhân khách quan: khối lượng công việc lớn, địa bàn rộng, biên chế còn thiếu.',
  'Nguyên nhân khách quan: cơ chế, chính sách về đất đai, bồi thường thay đổi nhiều; nguồn lực còn hạn chế.',
  'Nguyên nhân khách quan: tuổi cao, sức khỏe hạn chế.',
  'Nguyên nhân khách quan: thời tiết, dịch bệnh ảnh hưởng đến tiến độ thực hiện.',
];

/** Most causes named are subjective: the 2017 review emphasised them (reference-scenario.md). */
export function cause(rng: Rng): { causeKind: 'subjective' | 'objective'; cause: string } {
  return rng.chance(0.75)
    ? { causeKind: 'subjective', cause: rng.pick(SUBJECTIVE) }
    : { causeKind: 'objective', cause: rng.pick(OBJECTIVE) };
}

const FIXED_NOTES = [
  'Đã xây dựng kế hoạch khắc phục và thực hiện nghiêm túc; đến nay cơ bản đã khắc phục.',
  'Đã khắc phục, được chi bộ ghi nhận trong sinh hoạt định kỳ.',
  'Đã chấn chỉnh ngay sau hội nghị kiểm điểm năm trước, không để tái diễn.',
];
const BEING_FIXED_NOTES = [
  'Đang tiếp tục khắc phục; đã có chuyển biến nhưng chưa đạt yêu cầu.',
  'Đã đề ra giải pháp và đang triển khai; một số nội dung cần thêm thời gian.',
  'Đang khắc phục theo lộ trình của kế hoạch năm.',
];
const NOT_FIXED_NOTES = [
  'Chưa khắc phục được, nguyên nhân chủ yếu là chủ quan: việc chỉ đạo chưa quyết liệt; tiếp tục đưa vào kế hoạch năm sau.',
  'Chưa khắc phục được do còn vướng mắc về cơ chế, nguồn lực; cần tiếp tục kiến nghị cấp trên tháo gỡ.',
];

export function statusNote(rng: Rng, status: 'fixed' | 'being_fixed' | 'not_fixed'): string {
  return rng.pick(status === 'fixed' ? FIXED_NOTES : status === 'being_fixed' ? BEING_FIXED_NOTES : NOT_FIXED_NOTES);
}

// ── Commitments (bản cam kết tu dưỡng, rèn luyện, phấn đấu) ─────────────────────────────────

export function commitmentItems(rng: Rng, year: number, kind: { leader: boolean; working: boolean }): string[] {
  const items = [
    'Giữ vững lập trường tư tưởng chính trị; chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.',
    'Tu dưỡng, rèn luyện phẩm chất đạo đức, lối sống; không để xảy ra các biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa".',
    'Tham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng quy định; giữ mối liên hệ thường xuyên với chi ủy nơi cư trú.',
  ];
  if (kind.working) {
    items.push(
      rng.pick([
        `Hoàn thành 100% chỉ tiêu, nhiệm vụ chuyên môn được giao năm ${year}, bảo đảm tiến độ và chất lượng.`,
        `Phấn đấu hoàn thành tốt nhiệm vụ được giao năm ${year}; không để hồ sơ, công việc quá hạn.`,
      ]),
    );
  } else {
    items.push('Gương mẫu thực hiện và vận động gia đình chấp hành tốt quy định của địa phương nơi cư trú.');
  }
  items.push(
    rng.pick([
      'Tích cực học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với nhiệm vụ được giao.',
      'Thường xuyên học tập nâng cao trình độ lý luận chính trị, chuyên môn, nghiệp vụ.',
    ]),
  );
  if (kind.leader) items.push('Thực hiện nghiêm trách nhiệm nêu gương của cán bộ lãnh đạo, quản lý; giữ gìn đoàn kết nội bộ.');
  return items;
}

// ── Suggested points (gợi ý kiểm điểm), appraisal ─────────────────────────────────────────────

/** Suggested points of the 2017 city campaign, keyed by the unit's name (regulations §4). */
export const CITY_SUGGESTIONS: Record<string, string[]> = {
  'Đảng bộ xã Thạch Trung': [
    'Làm rõ trách nhiệm của tập thể Ban Thường vụ Đảng ủy trong việc để chậm tiến độ giải phóng mặt bằng dự án đường Xô Viết Nghệ Tĩnh kéo dài.',
    'Việc giải quyết đơn thư của công dân liên quan đến bồi thường, hỗ trợ tái định cư còn kéo dài, có đơn vượt cấp.',
    'Làm rõ nguyên nhân một số tiêu chí nông thôn mới nâng cao chưa đạt theo lộ trình.',
  ],
  'Đảng bộ phường Thạch Linh': [
    'Làm rõ trách nhiệm trong quản lý đất đai, để xảy ra tình trạng xây dựng trái phép trên đất nông nghiệp tại khu vực giáp ranh.',
    'Công tác tiếp công dân, giải quyết kiến nghị về cấp giấy chứng nhận quyền sử dụng đất còn chậm.',
  ],
  'Đảng bộ xã Thạch Hạ': [
    'Làm rõ nguyên nhân mất đoàn kết trong Ban Chấp hành Đảng bộ xã, ảnh hưởng đến việc lãnh đạo thực hiện nhiệm vụ chính trị.',
    'Việc thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc của Ban Chấp hành có mặt chưa nghiêm.',
    'Trách nhiệm trong việc để kéo dài đơn thư tố cáo liên quan đến quản lý quỹ đất công ích.',
  ],
  'Đảng bộ phường Văn Yên': [
    'Làm rõ trách nhiệm trong quản lý trật tự đô thị, tình trạng lấn chiếm vỉa hè, lòng đường trên các tuyến phố chính chưa được xử lý dứt điểm.',
    'Việc quản lý trật tự xây dựng tại các khu dân cư mới còn để xảy ra sai phạm.',
  ],
  'Đảng bộ Cơ quan Ủy ban nhân dân thành phố': [
    'Làm rõ trách nhiệm trong tham mưu cải cách hành chính; số hồ sơ đất đai giải quyết quá hạn còn nhiều.',
    'Việc tham mưu xử lý các kiến nghị của cử tri về quy hoạch, đất đai, giải phóng mặt bằng còn chậm.',
    'Trách nhiệm trong việc chậm giải ngân vốn đầu tư công một số công trình trọng điểm.',
    'Việc thực hiện quy chế phối hợp giữa các phòng, ban chuyên môn có lúc chưa chặt chẽ.',
  ],
  'Chi bộ Ban Quản lý dự án đầu tư xây dựng thành phố': [
    'Làm rõ nguyên nhân chậm tiến độ thi công, giải ngân một số công trình do Ban làm chủ đầu tư.',
    'Trách nhiệm trong công tác phối hợp giải phóng mặt bằng với các phường, xã.',
  ],
  'Chi bộ Đội Quản lý trật tự đô thị thành phố': [
    'Làm rõ trách nhiệm trong việc xử lý vi phạm trật tự đô thị chưa kiên quyết, còn tình trạng tái lấn chiếm.',
    'Có phản ánh của nhân dân về thái độ, tác phong của một số đội viên khi làm nhiệm vụ; đề nghị làm rõ.',
    'Việc quản lý, sử dụng tang vật, phương tiện tạm giữ chưa chặt chẽ.',
  ],
};

/** Suggested points for the province's units, by kind of unit (issue 3 item 4; regulations §4). */
const TERRITORIAL_SUGGESTIONS = [
  'Làm rõ trách nhiệm của tập thể Ban Thường vụ Đảng ủy trong quản lý đất đai, để xảy ra vi phạm kéo dài trên địa bàn.',
  'Làm rõ nguyên nhân chậm tiến độ giải phóng mặt bằng các dự án trọng điểm trên địa bàn.',
  'Việc giải quyết đơn thư khiếu nại, tố cáo của công dân còn chậm, có đơn vượt cấp; đề nghị làm rõ trách nhiệm.',
  'Làm rõ việc thực hiện nguyên tắc tập trung dân chủ và đoàn kết nội bộ trong Ban Chấp hành sau sắp xếp đơn vị hành chính.',
  'Trách nhiệm trong quản lý, sử dụng tài sản công, trụ sở dôi dư sau sắp xếp.',
];
const AGENCY_SUGGESTIONS = [
  'Làm rõ trách nhiệm trong việc chậm giải ngân vốn đầu tư công được giao.',
  'Làm rõ nguyên nhân số hồ sơ thủ tục hành chính giải quyết quá hạn còn nhiều.',
  'Có phản ánh về tinh thần, thái độ phục vụ của một số cán bộ; đề nghị làm rõ việc quản lý, giáo dục cán bộ, đảng viên.',
  'Trách nhiệm của người đứng đầu trong thực hiện các kết luận thanh tra, kiểm tra.',
];

export function suggestionItems(rng: Rng, sector: string | null): string[] {
  const territorial = sector === 'ward' || sector === 'commune' || sector === 'town';
  return rng.sample(territorial ? TERRITORIAL_SUGGESTIONS : AGENCY_SUGGESTIONS, rng.int(2, 3));
}

/** Suggested points addressed to one leader (the secretary of a unit with suggested points). */
export const LEADER_SUGGESTIONS = [
  'Làm rõ trách nhiệm cá nhân người đứng đầu đối với các nội dung gợi ý kiểm điểm của tập thể.',
  'Việc thực hiện trách nhiệm nêu gương, giữ gìn đoàn kết nội bộ trong tập thể lãnh đạo.',
];

export function suggestionAnswer(rng: Rng): string {
  return rng.pick([
    'Tập thể đã nghiêm túc kiểm điểm, làm rõ nguyên nhân chủ quan là việc chỉ đạo chưa quyết liệt, phân công trách nhiệm chưa rõ; đã đề ra giải pháp và lộ trình khắc phục cụ thể.',
    'Tiếp thu nội dung gợi ý; đã rà soát toàn bộ vụ việc, làm rõ trách nhiệm của tập thể và từng cá nhân liên quan; đề ra biện pháp khắc phục trong quý I năm sau.',
    'Nội dung gợi ý phản ánh đúng thực tế; nguyên nhân chủ yếu là chủ quan, trách nhiệm thuộc về tập thể lãnh đạo và người đứng đầu; đã có kế hoạch khắc phục, báo cáo cấp trên.',
  ]);
}

export const RETURN_REASON =
  'Báo cáo kiểm điểm chưa giải trình đầy đủ các nội dung được gợi ý kiểm điểm; chưa làm rõ trách nhiệm của tập thể và người đứng đầu, nguyên nhân chủ quan của những hạn chế đã được chỉ ra.';

export const RETURN_FINDINGS: { section: 'IV' | 'III' | 'member_reviews'; text: string }[] = [
  {
    section: 'IV',
    text: 'Nội dung gợi ý số 1 mới nêu kết quả đã làm, chưa làm rõ nguyên nhân chủ quan và trách nhiệm của tập thể Ban Thường vụ; đề nghị bổ sung.',
  },
  {
    section: 'III',
    text: 'Chưa đánh giá cụ thể kết quả khắc phục từng hạn chế, khuyết điểm đã được chỉ ra ở kỳ kiểm điểm trước; đề nghị nêu rõ đã khắc phục đến đâu, chưa khắc phục vì sao.',
  },
  {
    section: 'member_reviews',
    text: 'Bản kiểm điểm của đồng chí Bí thư chưa liên hệ trách nhiệm cá nhân đối với các nội dung được gợi ý.',
  },
];

export const CLEARED_REMARK =
  'Hồ sơ đạt yêu cầu; báo cáo đã giải trình đầy đủ các nội dung gợi ý. Đồng ý để đơn vị tổ chức hội nghị kiểm điểm.';

// ── Reviews ───────────────────────────────────────────────────────────────────────────────────

const TASK_TEXTS: Record<string, string> = {
  civilized_urban:
    'Lãnh đạo thực hiện Nghị quyết của Thành ủy về xây dựng đô thị văn minh: chỉnh trang các tuyến phố, duy trì mô hình "tuyến phố văn minh", vận động nhân dân giữ gìn vệ sinh môi trường; một số khu dân cư chuyển biến chậm.',
  new_rural:
    'Lãnh đạo xây dựng nông thôn mới nâng cao, khu dân cư nông thôn mới kiểu mẫu, vườn mẫu; huy động nhân dân đóng góp làm đường giao thông, kênh mương nội đồng.',
  administrative_reform:
    'Lãnh đạo cải cách hành chính, thực hiện cơ chế một cửa, một cửa liên thông; tỷ lệ hồ sơ giải quyết đúng hạn tăng so với năm trước, vẫn còn hồ sơ quá hạn.',
  urban_order:
    'Lãnh đạo quản lý trật tự đô thị, trật tự xây dựng; ra quân xử lý lấn chiếm vỉa hè, lòng đường; tình trạng tái lấn chiếm vẫn còn ở một số tuyến.',
  land_management:
    'Lãnh đạo quản lý nhà nước về đất đai: rà soát quỹ đất công, cấp giấy chứng nhận quyền sử dụng đất, xử lý vi phạm; một số vụ việc tồn đọng chưa giải quyết dứt điểm.',
  site_clearance:
    'Lãnh đạo công tác bồi thường, giải phóng mặt bằng các dự án trọng điểm; bàn giao mặt bằng cơ bản đúng tiến độ, còn một số hộ chưa đồng thuận.',
  party_building:
    'Lãnh đạo công tác xây dựng Đảng và hệ thống chính trị: duy trì nền nếp sinh hoạt, nâng cao chất lượng sinh hoạt chi bộ, kết nạp đảng viên mới đạt chỉ tiêu.',
  socio_economic: 'Lãnh đạo thực hiện các chỉ tiêu phát triển kinh tế – xã hội năm; phần lớn chỉ tiêu đạt và vượt kế hoạch.',
  culture_society:
    'Lãnh đạo thực hiện tốt chính sách an sinh xã hội, chăm lo gia đình chính sách, hộ nghèo; phong trào văn hóa, thể thao sôi nổi.',
  defence_security: 'Lãnh đạo giữ vững quốc phòng, an ninh, trật tự an toàn xã hội; hoàn thành chỉ tiêu tuyển quân, huấn luyện dân quân.',
  lean_apparatus:
    'Lãnh đạo sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả; thực hiện tinh giản biên chế theo lộ trình, ổn định tư tưởng cán bộ, đảng viên sau sắp xếp.',
  digital_transformation:
    'Lãnh đạo chuyển đổi số, ứng dụng khoa học, công nghệ trong lãnh đạo, điều hành; triển khai dịch vụ công trực tuyến toàn trình, số hóa hồ sơ.',
};

export function politicalTaskText(key: string): string {
  return TASK_TEXTS[key] ?? 'Lãnh đạo triển khai thực hiện nhiệm vụ trọng tâm theo kế hoạch; cơ bản hoàn thành, một số nội dung còn chậm.';
}

const COLLECTIVE_STRENGTHS = [
  'Tập thể cấp ủy đoàn kết, thống nhất; duy trì nghiêm nguyên tắc tập trung dân chủ, quy chế làm việc; lãnh đạo hoàn thành phần lớn chỉ tiêu, nhiệm vụ của năm.',
  'Thực hiện nghiêm túc các nghị quyết, chỉ thị của cấp trên; cụ thể hóa kịp thời bằng chương trình, kế hoạch sát với tình hình địa phương, đơn vị.',
  'Công tác kiểm tra, giám sát được tăng cường; nội bộ ổn định, không có đảng viên vi phạm phải xử lý kỷ luật.',
];
const MEMBER_STRENGTHS = [
  'Giữ vững lập trường tư tưởng chính trị, chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước; có lối sống giản dị, trung thực, đoàn kết với đồng chí, đồng nghiệp.',
  'Hoàn thành tốt chức trách, nhiệm vụ được giao; chấp hành sự phân công của tổ chức; tham gia đầy đủ sinh hoạt chi bộ.',
  'Có ý thức tổ chức kỷ luật, tự giác học tập nâng cao trình độ; giữ mối liên hệ tốt với nhân dân nơi cư trú.',
];

export function strengthText(rng: Rng, collective: boolean): string {
  return rng.pick(collective ? COLLECTIVE_STRENGTHS : MEMBER_STRENGTHS);
}

export function exampleSettingText(rng: Rng, leader: boolean): string {
  return leader
    ? rng.pick([
        'Bản thân luôn gương mẫu đi đầu trong thực hiện nhiệm vụ; giữ gìn đạo đức, lối sống; quản lý, giáo dục gia đình chấp hành tốt chủ trương, chính sách.',
        'Thực hiện nghiêm Quy định số 101-QĐ/TW về trách nhiệm nêu gương; trực tiếp chỉ đạo, đối thoại giải quyết các vụ việc khó, phức tạp.',
      ])
    : rng.pick([
        'Bản thân luôn giữ gìn phẩm chất đạo đức, lối sống lành mạnh; gương mẫu chấp hành quy định nơi công tác và nơi cư trú.',
        'Tích cực tham gia các phong trào của chi bộ, khu dân cư; vận động gia đình thực hiện tốt nếp sống văn minh.',
      ]);
}

export function directionsText(rng: Rng, collective: boolean): string {
  return collective
    ? rng.pick([
        'Xây dựng kế hoạch khắc phục cụ thể từng hạn chế, khuyết điểm, phân công rõ người, rõ việc, rõ thời hạn; định kỳ kiểm tra, báo cáo kết quả với cấp trên.',
        'Nâng cao chất lượng sinh hoạt chi bộ; tăng cường kiểm tra, giám sát; tập trung giải quyết dứt điểm các vụ việc tồn đọng trong quý I năm sau.',
      ])
    : rng.pick([
        'Tiếp tục tu dưỡng, rèn luyện; khắc phục dứt điểm những hạn chế đã nêu; hoàn thành tốt nhiệm vụ được giao.',
        'Sắp xếp thời gian hợp lý, chủ động trong công việc; tích cực học tập nâng cao trình độ; tham gia đầy đủ sinh hoạt chi bộ và nơi cư trú.',
      ]);
}

export const RESPONSIBILITY_TEXT =
  'Trách nhiệm chính đối với những hạn chế, khuyết điểm thuộc về tập thể cấp ủy; đồng chí Bí thư chịu trách nhiệm người đứng đầu, các đồng chí cấp ủy viên chịu trách nhiệm theo lĩnh vực được phân công.';

// ── Facts of the year ─────────────────────────────────────────────────────────────────────────

export const DISCIPLINE_REASONS = [
  'Vi phạm quy định về những điều đảng viên không được làm trong thực hiện nhiệm vụ được giao.',
  'Thiếu trách nhiệm trong quản lý đất đai, để xảy ra sai phạm trong cấp giấy chứng nhận quyền sử dụng đất.',
  'Vi phạm chính sách dân số – kế hoạch hóa gia đình.',
  'Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao, gây hậu quả ít nghiêm trọng.',
];

// ── Plans ─────────────────────────────────────────────────────────────────────────────────────

export function planText(committee: string, year: number, reference: string): string {
  // "Phân loại" up to 2017, "xếp loại" from QĐ 132 (2018) on (regulations §1.2).
  const rating = year <= 2017 ? 'phân loại' : 'xếp loại';
  return [
    `KẾ HOẠCH kiểm điểm, đánh giá, ${rating} chất lượng tổ chức đảng, đảng viên năm ${year} của ${committee}.`,
    '',
    `I. MỤC ĐÍCH, YÊU CẦU: Kiểm điểm nghiêm túc, thực chất, gắn với việc thực hiện ${reference}; lấy kết quả kiểm điểm năm trước làm cơ sở, làm rõ những hạn chế, khuyết điểm đã được chỉ ra đã khắc phục đến đâu, nguyên nhân chủ quan của những hạn chế chưa khắc phục.`,
    '',
    'II. NỘI DUNG: Tập thể và cá nhân kiểm điểm theo hướng dẫn của cấp trên; đối chiếu với bản cam kết tu dưỡng, rèn luyện, phấn đấu; tự đối chiếu với 27 biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa"; giải trình đầy đủ các nội dung được gợi ý kiểm điểm.',
    '',
    'III. TỔ CHỨC THỰC HIỆN: Các đồng chí Ủy viên Ban Thường vụ được phân công trực tiếp chỉ đạo, dự và thẩm định nội dung kiểm điểm của các tổ chức cơ sở đảng; Ban Tổ chức thẩm định hồ sơ của các đơn vị được gợi ý kiểm điểm, chỉ khi đạt yêu cầu mới tổ chức hội nghị.',
  ].join('\n');
}

export const CONFERENCE_PLACES = ['Hội trường Đảng ủy', 'Phòng họp trụ sở cơ quan', 'Hội trường nhà văn hóa', 'Phòng họp số 1'];

// ── Names for the units founded by the merger of 1 July 2025 ──────────────────────────────────

/**
 * In district order (province.ts, DISTRICTS), three per district: names of the kind the new communes
 * and wards of Hà Tĩnh took in 2025 (illustrative).
 */
export const MERGED_NAMES = [
  'Bắc Hồng Lĩnh',
  'Nam Hồng Lĩnh',
  'Trung Lương',
  'Hoành Sơn',
  'Vũng Áng',
  'Hải Ninh',
  'Tiên Điền',
  'Nghi Xuân',
  'Cổ Đạm',
  'Đức Thịnh',
  'Đức Minh',
  'Đức Đồng',
  'Sơn Tây',
  'Sơn Hồng',
  'Kim Hoa',
  'Vũ Quang',
  'Mai Hoa',
  'Thượng Đức',
  'Can Lộc',
  'Đồng Lộc',
  'Gia Hanh',
  'Lộc Hà',
  'Hồng Lộc',
  'Mai Phụ',
  'Đông Thạch Hà',
  'Toàn Lưu',
  'Thạch Khê',
  'Cẩm Bình',
  'Cẩm Hưng',
  'Thiên Cầm',
  'Kỳ Xuân',
  'Kỳ Văn',
  'Kỳ Lạc',
  'Hương Phố',
  'Hương Bình',
  'Phúc Trạch',
];
