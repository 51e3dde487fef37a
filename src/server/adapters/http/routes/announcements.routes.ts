// Announcements, "tin mới cập nhật" (issue 5 item 5; design §2 row "Documents, register,
// announcements"). Every logged-in caller lists what their scope reads (the use case scopes it in
// SQL); posting, editing and withdrawing are for organizer, office and unit_committee over the
// posting unit (domain/announcement-policy.ts). Bodies are checked by the use cases against the
// contract's rules, so a bad field is a 422 naming it.
import {
  announcementIdParams,
  announcementView,
  listAnnouncementsQuery,
  listAnnouncementsResponse,
  postAnnouncementDraft,
  updateAnnouncementDraft,
  withdrawAnnouncementBody,
} from '../../../../shared/contracts/announcements.js';
import type { ErrorCode } from '../../../../shared/errors.js';
import { listAnnouncements } from '../../../features/announcements/list-announcements.js';
import { postAnnouncement } from '../../../features/announcements/post-announcement.js';
import { updateAnnouncement } from '../../../features/announcements/update-announcement.js';
import { withdrawAnnouncement } from '../../../features/announcements/withdraw-announcement.js';
import { route, type RouteDef } from '../route.js';

const change: ErrorCode[] = ['announcement.not_found', 'announcement.withdrawn', 'conflict.version'];

export const announcementsRoutes: RouteDef[] = [
  route({
    operationId: 'announcements.list',
    method: 'get',
    path: '/announcements',
    summary: 'Tin mới cập nhật trong phạm vi của tôi (mới nhất trước; limit: chỉ lấy vài tin đầu cho trang chủ)',
    tag: 'announcements',
    query: listAnnouncementsQuery,
    response: listAnnouncementsResponse,
    errors: [],
    handler: ({ app, auth, query }) => listAnnouncements(app, auth.principal, query),
  }),
  route({
    operationId: 'announcements.post',
    method: 'post',
    path: '/announcements',
    summary: 'Đăng tin mới cho một đơn vị (tiêu đề, nội dung, ngày đăng; mặc định là ngày làm việc)',
    tag: 'announcements',
    body: postAnnouncementDraft,
    response: announcementView,
    errors: ['announcement.invalid', 'org_unit.not_found', 'org_unit.inactive'],
    handler: ({ app, auth, body }) => postAnnouncement(app, auth.principal, body),
  }),
  route({
    operationId: 'announcements.update',
    method: 'patch',
    path: '/announcements/:id',
    summary: 'Sửa tiêu đề, nội dung hoặc ngày đăng của một tin',
    tag: 'announcements',
    params: announcementIdParams,
    body: updateAnnouncementDraft,
    response: announcementView,
    errors: [...change, 'announcement.invalid'],
    handler: ({ app, auth, params, body }) => updateAnnouncement(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'announcements.withdraw',
    method: 'post',
    path: '/announcements/:id/withdraw',
    summary: 'Gỡ một tin (tin không còn hiện ở đâu, lịch sử vẫn được giữ)',
    tag: 'announcements',
    params: announcementIdParams,
    body: withdrawAnnouncementBody,
    response: announcementView,
    errors: change,
    handler: ({ app, auth, params, body }) => withdrawAnnouncement(app, auth.principal, params.id, body),
  }),
];
