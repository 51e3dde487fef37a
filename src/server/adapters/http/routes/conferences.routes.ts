// The review meeting and its votes (issue 4 items 1–2). Scheduling (conferences.schedule) is a
// dossier step and lives with the dossier routes; everything from the start of the meeting to its
// close is here, one operation per step.
import { z } from 'zod';
import type { ErrorCode } from '../../../../shared/errors.js';
import { id } from '../../../../shared/contracts/common.js';
import {
  completeAgendaItemBody,
  conferenceParams,
  conferenceVersionBody,
  conferenceView,
  entryView,
  listConferencesQuery,
  listConferencesResponse,
  saveAttendanceBody,
  saveEntryBody,
  saveGuestsBody,
  saveMinutesBody,
  saveTallyBody,
} from '../../../../shared/contracts/conferences.js';
import { closeConference } from '../../../features/conferences/close-conference.js';
import { completeAgendaItem } from '../../../features/conferences/complete-agenda-item.js';
import { getConference } from '../../../features/conferences/get-conference.js';
import { listConferences } from '../../../features/conferences/list-conferences.js';
import { saveAttendance } from '../../../features/conferences/save-attendance.js';
import { saveEntry } from '../../../features/conferences/save-entry.js';
import { saveGuests } from '../../../features/conferences/save-guests.js';
import { saveMinutes } from '../../../features/conferences/save-minutes.js';
import { saveTally } from '../../../features/conferences/save-tally.js';
import { startConference } from '../../../features/conferences/start-conference.js';
import { route, type RouteDef } from '../route.js';

const CONFERENCE = '/conferences/:conferenceId';
const found: ErrorCode[] = ['conference.not_found'];
const write: ErrorCode[] = [...found, 'auth.forbidden', 'campaign.closed', 'conference.invalid_state'];

export const conferencesRoutes: RouteDef[] = [
  route({
    operationId: 'conferences.list',
    method: 'get',
    path: '/campaigns/:campaignId/conferences',
    summary: 'Các hội nghị kiểm điểm của đợt mà người dùng được xem (lọc theo đơn vị, trạng thái)',
    tag: 'conferences',
    params: z.object({ campaignId: id }),
    query: listConferencesQuery,
    response: listConferencesResponse,
    errors: ['campaign.not_found'],
    handler: ({ app, auth, params, query }) => listConferences(app, auth.principal, params.campaignId, query),
  }),
  route({
    operationId: 'conferences.get',
    method: 'get',
    path: CONFERENCE,
    summary: 'Hội nghị kiểm điểm: chương trình, điểm danh và số lượng hợp lệ, khách mời, biên bản, kết quả biểu quyết',
    tag: 'conferences',
    params: conferenceParams,
    response: conferenceView,
    errors: found,
    handler: ({ app, auth, params }) => getConference(app, auth.principal, params.conferenceId),
  }),
  route({
    operationId: 'conferences.start',
    method: 'post',
    path: `${CONFERENCE}/start`,
    summary: 'Bắt đầu hội nghị: lập chương trình theo thứ tự (tập thể, người đứng đầu, cấp phó, đảng viên) và danh sách khách mời',
    tag: 'conferences',
    params: conferenceParams,
    body: conferenceVersionBody,
    response: conferenceView,
    errors: [...write, 'conflict.version'],
    handler: ({ app, auth, params, body }) => startConference(app, auth.principal, params.conferenceId, body),
  }),
  route({
    operationId: 'conferences.complete-agenda-item',
    method: 'post',
    path: `${CONFERENCE}/agenda/complete`,
    summary: 'Kết thúc phần kiểm điểm của một đối tượng (chỉ khi các phần trước đã xong)',
    tag: 'conferences',
    params: conferenceParams,
    body: completeAgendaItemBody,
    response: conferenceView,
    errors: [...write, 'conference.agenda_order'],
    handler: ({ app, auth, params, body }) => completeAgendaItem(app, auth.principal, params.conferenceId, body),
  }),
  route({
    operationId: 'conferences.save-minutes',
    method: 'put',
    path: `${CONFERENCE}/minutes`,
    summary: 'Lưu phần chung của biên bản: chủ trì, thư ký, khai mạc, diễn biến chung, bế mạc',
    tag: 'conferences',
    params: conferenceParams,
    body: saveMinutesBody,
    response: conferenceView,
    errors: [...write, 'conflict.version'],
    handler: ({ app, auth, params, body }) => saveMinutes(app, auth.principal, params.conferenceId, body),
  }),
  route({
    operationId: 'conferences.save-attendance',
    method: 'put',
    path: `${CONFERENCE}/attendance`,
    summary: 'Điểm danh đảng viên: có mặt, hoặc vắng mặt kèm lý do',
    tag: 'conferences',
    params: conferenceParams,
    body: saveAttendanceBody,
    response: conferenceView,
    errors: write,
    handler: ({ app, auth, params, body }) => saveAttendance(app, auth.principal, params.conferenceId, body),
  }),
  route({
    operationId: 'conferences.save-guests',
    method: 'put',
    path: `${CONFERENCE}/guests`,
    summary: 'Ghi thành phần cấp trên dự hội nghị: đồng chí phụ trách, chỉ đạo có mặt và khách mời khác',
    tag: 'conferences',
    params: conferenceParams,
    body: saveGuestsBody,
    response: conferenceView,
    errors: write,
    handler: ({ app, auth, params, body }) => saveGuests(app, auth.principal, params.conferenceId, body),
  }),
  route({
    operationId: 'conferences.save-entry',
    method: 'post',
    path: `${CONFERENCE}/entries`,
    summary:
      'Ghi một nội dung biên bản (ý kiến góp ý, giải trình, kết luận, ghi chép); ghi theo mã bản ghi do trình duyệt tạo nên gửi lại không bị trùng',
    tag: 'conferences',
    params: conferenceParams,
    body: saveEntryBody,
    response: entryView,
    errors: [...write, 'conflict.version', 'conflict.duplicate', 'conference.agenda_order', 'conference.entry_not_found'],
    handler: ({ app, auth, params, body }) => saveEntry(app, auth.principal, params.conferenceId, body),
  }),
  route({
    operationId: 'votes.save',
    method: 'put',
    path: `${CONFERENCE}/tallies`,
    summary: 'Ghi kết quả kiểm phiếu biểu quyết xếp loại một đảng viên (số có mặt, phiếu hợp lệ, không hợp lệ, phiếu từng mức)',
    tag: 'conferences',
    params: conferenceParams,
    body: saveTallyBody,
    response: conferenceView,
    errors: [...write, 'conflict.version', 'conference.agenda_order', 'vote.invalid_tally', 'vote.not_votable'],
    // A tally: no session, grant, unit, stage or review status changes.
    keepsCaches: true,
    handler: ({ app, auth, params, body }) => saveTally(app, auth.principal, params.conferenceId, body),
  }),
  route({
    operationId: 'conferences.close',
    method: 'post',
    path: `${CONFERENCE}/close`,
    summary:
      'Kết thúc hội nghị: cần biên bản và đủ số lượng hợp lệ; ghi các hạn chế, khuyết điểm hội nghị chỉ ra và chuyển đơn vị sang «Đã họp kiểm điểm»',
    tag: 'conferences',
    params: conferenceParams,
    body: conferenceVersionBody,
    response: conferenceView,
    errors: [...write, 'conflict.version', 'conference.minutes_incomplete', 'conference.no_quorum', 'dossier.invalid_transition'],
    handler: ({ app, auth, params, body }) => closeConference(app, auth.principal, params.conferenceId, body),
  }),
];
