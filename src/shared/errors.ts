// Errors are data with stable codes (design §4), mapped to HTTP in one place (adapters/http/errors.ts)
// and shown to users in Vietnamese. The message here is the default; a use case may give a more precise one.

export const ERROR_CODES = {
  'auth.unauthenticated': { status: 401, message: 'Bạn cần đăng nhập để tiếp tục.' },
  'auth.invalid_credentials': { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  'auth.throttled': { status: 429, message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.' },
  'auth.account_disabled': { status: 403, message: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị.' },
  'auth.password_change_required': { status: 403, message: 'Bạn cần đổi mật khẩu trước khi tiếp tục.' },
  'auth.csrf': { status: 403, message: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang.' },
  'auth.forbidden': { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  'auth.weak_password': { status: 400, message: 'Mật khẩu phải có ít nhất 8 ký tự, gồm cả chữ và số.' },
  'auth.wrong_password': { status: 400, message: 'Mật khẩu hiện tại không đúng.' },
  'request.invalid': { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  'request.not_found': { status: 404, message: 'Không tìm thấy địa chỉ yêu cầu.' },
  'request.too_large': { status: 413, message: 'Tệp gửi lên quá lớn.' },
  'conflict.duplicate': { status: 409, message: 'Dữ liệu trùng với một bản ghi đã có. Vui lòng tải lại và kiểm tra.' },
  'conflict.version': { status: 409, message: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.' },
  'org_unit.not_found': { status: 404, message: 'Không tìm thấy tổ chức đảng.' },
  'org_unit.code_taken': { status: 409, message: 'Mã tổ chức đảng đã được dùng.' },
  'org_unit.invalid_parent': { status: 400, message: 'Tổ chức cấp trên không hợp lệ.' },
  'org_unit.invalid_move': { status: 400, message: 'Không thể chuyển tổ chức đảng vào chính nó hoặc cấp dưới của nó.' },
  'org_unit.invalid_merge': { status: 400, message: 'Không thể hợp nhất các tổ chức đảng này.' },
  'org_unit.inactive': { status: 400, message: 'Tổ chức đảng đã giải thể hoặc hợp nhất.' },
  'member.not_found': { status: 404, message: 'Không tìm thấy đảng viên.' },
  'member.card_taken': { status: 409, message: 'Số thẻ đảng viên đã tồn tại.' },
  'member.invalid_unit': { status: 400, message: 'Đảng viên phải sinh hoạt ở một chi bộ.' },
  'member.invalid_status': { status: 400, message: 'Trạng thái đảng viên không hợp lệ.' },
  'member.same_unit': { status: 400, message: 'Đảng viên đang sinh hoạt ở chi bộ này.' },
  'account.not_found': { status: 404, message: 'Không tìm thấy tài khoản.' },
  'account.username_taken': { status: 409, message: 'Tên đăng nhập đã được dùng.' },
  'account.grant_not_found': { status: 404, message: 'Không tìm thấy quyền được cấp.' },
  'account.grant_exists': { status: 409, message: 'Tài khoản đã có quyền này trên tổ chức đảng đã chọn.' },
  'account.invalid_grant': { status: 400, message: 'Không thể cấp quyền này cho tài khoản trên tổ chức đảng đã chọn.' },
  'account.member_has_account': { status: 409, message: 'Đảng viên này đã có tài khoản.' },
  'account.self_action': { status: 400, message: 'Không thể thực hiện thao tác này trên chính tài khoản của bạn.' },
  'token.not_found': { status: 404, message: 'Không tìm thấy mã truy cập.' },
  'setup.not_empty': { status: 409, message: 'Cơ sở dữ liệu đã có tổ chức đảng; không thể khởi tạo lại.' },
  'import.invalid_file': { status: 400, message: 'Tệp không phải là tệp Excel (.xlsx) hợp lệ.' },
  'import.too_large': { status: 413, message: 'Tệp Excel quá lớn.' },
  'import.invalid_rows': { status: 422, message: 'Tệp có dòng không hợp lệ; chưa có dữ liệu nào được ghi.' },
  'import.wrong_headers': { status: 422, message: 'Tiêu đề cột không đúng mẫu.' },
  'import.empty_file': { status: 422, message: 'Tệp không có dòng dữ liệu nào; chưa có dữ liệu nào được ghi.' },
  'demo.not_empty': { status: 409, message: 'Cơ sở dữ liệu đã có dữ liệu; chỉ tạo được dữ liệu mẫu trên một cơ sở dữ liệu trống.' },
  'job.not_found': { status: 404, message: 'Không tìm thấy tác vụ.' },
  'job.interrupted': {
    status: 409,
    message: 'Tác vụ bị gián đoạn do máy chủ dừng giữa chừng; chưa có dữ liệu nào được ghi. Vui lòng thực hiện lại.',
  },
  'campaign.not_found': { status: 404, message: 'Không tìm thấy đợt kiểm điểm.' },
  'campaign.exists': { status: 409, message: 'Tổ chức đảng này đã có đợt kiểm điểm cho năm đã chọn.' },
  'campaign.invalid_owner': { status: 400, message: 'Đợt kiểm điểm phải do một cấp ủy (cấp trên cơ sở hoặc cơ sở) chủ trì.' },
  'campaign.closed': { status: 409, message: 'Đợt kiểm điểm đã kết thúc; không thể thay đổi.' },
  'campaign.no_snapshot': { status: 409, message: 'Đợt kiểm điểm chưa chốt danh sách đơn vị và đảng viên.' },
  'campaign.snapshot_exists': {
    status: 409,
    message: 'Danh sách đơn vị và đảng viên của đợt đã được chốt; thay đổi sau đó phải thực hiện từng trường hợp.',
  },
  'campaign.not_in_population': { status: 404, message: 'Đảng viên hoặc đơn vị không thuộc đợt kiểm điểm này.' },
  'rule_set.not_found': { status: 404, message: 'Không tìm thấy bộ quy định.' },
  'plan.invalid_transition': { status: 409, message: 'Kế hoạch đã được phê duyệt; không thể sửa hoặc phê duyệt lại.' },
  'assignment.invalid': {
    status: 400,
    message: 'Phân công không hợp lệ: người được phân công phải là cán bộ của cấp ủy chủ trì, đơn vị phải thuộc đợt kiểm điểm.',
  },
  'suggestion.not_found': { status: 404, message: 'Không tìm thấy gợi ý kiểm điểm.' },
  'suggestion.invalid_transition': { status: 409, message: 'Gợi ý kiểm điểm đã được ban hành; không thể sửa.' },
  'commitment.not_found': { status: 404, message: 'Không tìm thấy bản cam kết.' },
  'facts.invalid': { status: 400, message: 'Thông tin trong năm của đảng viên không hợp lệ.' },
  'commitment.past_year': { status: 409, message: 'Bản cam kết của các năm trước chỉ được xem, không sửa được nữa.' },
  'facts.not_found': { status: 404, message: 'Không tìm thấy thông tin trong năm của đảng viên.' },
  'review.not_found': { status: 404, message: 'Không tìm thấy bản kiểm điểm.' },
  'review.invalid_transition': { status: 409, message: 'Không thể thực hiện thao tác này với bản kiểm điểm ở trạng thái hiện tại.' },
  'review.unanswered_suggestions': {
    status: 422,
    message: 'Còn vấn đề được gợi ý kiểm điểm chưa giải trình; cần trả lời tất cả trước khi nộp.',
  },
  'review.incomplete': { status: 422, message: 'Bản kiểm điểm chưa đủ nội dung bắt buộc để nộp.' },
  'dossier.not_found': { status: 404, message: 'Không tìm thấy hồ sơ kiểm điểm của đơn vị.' },
  'dossier.invalid_transition': { status: 409, message: 'Không thể thực hiện thao tác này với hồ sơ ở giai đoạn hiện tại.' },
  'dossier.incomplete': {
    status: 422,
    message: 'Hồ sơ chưa đủ: cần báo cáo kiểm điểm tập thể và bản kiểm điểm của các đồng chí chủ chốt đã nộp.',
  },
  'workflow.reason_required': { status: 400, message: 'Cần ghi rõ lý do cho thao tác này.' },
  'conference.dossier_not_cleared': {
    status: 409,
    message: 'Chưa thể lên lịch hội nghị kiểm điểm: hồ sơ của đơn vị chưa được Ban Tổ chức thẩm định đạt yêu cầu.',
  },
  'attachment.not_found': { status: 404, message: 'Không tìm thấy tệp đính kèm.' },
  'attachment.too_large': { status: 413, message: 'Tệp đính kèm vượt quá dung lượng cho phép.' },
  'notification.not_found': { status: 404, message: 'Không tìm thấy thông báo.' },
  'document.not_found': { status: 404, message: 'Không tìm thấy văn bản.' },
  'document.subject_required': { status: 400, message: 'Cần chọn đối tượng của văn bản (tổ chức đảng, đảng viên hoặc hội nghị).' },
  'document.not_numbered': {
    status: 409,
    message: 'Loại văn bản này không lấy số trong sổ văn bản (bản kiểm điểm cá nhân do đảng viên ký).',
  },
  'remediation.not_found': { status: 404, message: 'Không tìm thấy kế hoạch khắc phục.' },
  'remediation.invalid_items': {
    status: 422,
    message: 'Kế hoạch khắc phục có biện pháp chưa hợp lệ; chưa có thay đổi nào được ghi.',
  },
  'remediation.incomplete': {
    status: 422,
    message: 'Còn hạn chế, khuyết điểm chưa có biện pháp khắc phục; mỗi hạn chế cần ít nhất một biện pháp.',
  },
  'remediation.not_decided': {
    status: 409,
    message: 'Chưa thể ban hành kế hoạch khắc phục: cấp có thẩm quyền chưa quyết định xếp loại chất lượng.',
  },
  'remediation.not_filed': { status: 409, message: 'Kế hoạch khắc phục chưa được ban hành.' },
  'remediation.already_filed': { status: 409, message: 'Kế hoạch khắc phục đã được ban hành.' },
  'remediation.invalid_update': { status: 422, message: 'Cập nhật tiến độ không hợp lệ.' },
  'shortcoming.not_found': { status: 404, message: 'Không tìm thấy hạn chế, khuyết điểm.' },
  'conference.not_found': { status: 404, message: 'Không tìm thấy hội nghị kiểm điểm.' },
  'conference.invalid_state': { status: 409, message: 'Không thể thực hiện thao tác này với hội nghị ở trạng thái hiện tại.' },
  'conference.agenda_order': {
    status: 409,
    message: 'Phải kiểm điểm theo đúng thứ tự: tập thể trước, cá nhân sau; người đứng đầu trước, rồi đến cấp phó và các đảng viên.',
  },
  'conference.entry_not_found': { status: 404, message: 'Không tìm thấy nội dung biên bản này.' },
  'conference.minutes_incomplete': {
    status: 422,
    message: 'Chưa thể kết thúc hội nghị: biên bản chưa đủ (người chủ trì, thư ký, ít nhất một nội dung, mọi phần kiểm điểm đã xong).',
  },
  'conference.no_quorum': { status: 409, message: 'Chưa thể kết thúc hội nghị: số đảng viên có mặt chưa đủ để hội nghị hợp lệ.' },
  'vote.invalid_tally': { status: 422, message: 'Kết quả kiểm phiếu không hợp lệ; chưa có số liệu nào được ghi.' },
  'vote.not_votable': { status: 422, message: 'Đảng viên này không được biểu quyết xếp loại tại hội nghị này.' },
  'classification.not_found': { status: 404, message: 'Không tìm thấy kết quả xếp loại.' },
  'classification.invalid_transition': {
    status: 409,
    message: 'Không thể thực hiện thao tác này với kết quả xếp loại ở trạng thái hiện tại.',
  },
  'classification.not_classifiable': { status: 422, message: 'Đối tượng này không thuộc diện xếp loại trong đợt kiểm điểm.' },
  'classification.no_tally': { status: 422, message: 'Chưa có kết quả biểu quyết của chi bộ; hãy chọn mức đề xuất.' },
  'classification.proposal_reason_required': {
    status: 422,
    message: 'Mức đề xuất khác với kết quả biểu quyết của chi bộ; cần ghi rõ lý do.',
  },
  'classification.override_reason_required': {
    status: 422,
    message: 'Có mức xếp loại trái với kết quả kiểm tra theo quy định; cần ghi rõ lý do cho từng trường hợp.',
  },
  'classification.mixed_batch': {
    status: 400,
    message: 'Một quyết định chỉ gồm các đối tượng cùng loại (đảng viên hoặc tổ chức đảng) thuộc thẩm quyền của cùng một cấp.',
  },
  'classification.not_published': { status: 409, message: 'Kết quả xếp loại chưa được công bố.' },
  'decision.not_found': { status: 404, message: 'Không tìm thấy quyết định xếp loại.' },
  'decision.invalid_transition': { status: 409, message: 'Quyết định đã được công bố.' },
  'complaint.not_found': { status: 404, message: 'Không tìm thấy đơn kiến nghị.' },
  'complaint.already_open': { status: 409, message: 'Đã có một kiến nghị về kết quả này đang được xem xét.' },
  'complaint.invalid_transition': { status: 409, message: 'Kiến nghị đã được giải quyết.' },
  'announcement.not_found': { status: 404, message: 'Không tìm thấy tin.' },
  'announcement.invalid': { status: 422, message: 'Tin chưa hợp lệ; chưa có thay đổi nào được ghi.' },
  'announcement.withdrawn': { status: 409, message: 'Tin này đã được gỡ; không thể thay đổi. Vui lòng tải lại trang.' },
  'server.internal': { status: 500, message: 'Đã có lỗi ở máy chủ. Vui lòng thử lại sau.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
