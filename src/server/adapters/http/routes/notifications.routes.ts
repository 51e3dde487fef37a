// The caller's own notifications, their preferences, and "việc cần làm" (issue 3 items 8 and 9).
// Every operation acts on the caller's own account only; there is nothing to authorize beyond
// being logged in, and another account's notice answers 404.
import {
  inboxResponse,
  listNotificationsQuery,
  listNotificationsResponse,
  notificationIdParams,
  notificationPreferences,
  notificationView,
  readAllResponse,
  saveNotificationPreferencesBody,
  unreadCountResponse,
} from '../../../../shared/contracts/notifications.js';
import { getInbox } from '../../../features/inbox/get-inbox.js';
import { getNotificationPreferences } from '../../../features/notifications/get-notification-preferences.js';
import { getUnreadCount } from '../../../features/notifications/get-unread-count.js';
import { listNotifications } from '../../../features/notifications/list-notifications.js';
import { readAllNotifications } from '../../../features/notifications/read-all-notifications.js';
import { readNotification } from '../../../features/notifications/read-notification.js';
import { saveNotificationPreferences } from '../../../features/notifications/save-notification-preferences.js';
import { route, type RouteDef } from '../route.js';

export const notificationsRoutes: RouteDef[] = [
  route({
    operationId: 'notifications.list',
    method: 'get',
    path: '/notifications',
    summary: 'Thông báo của tôi (mới nhất trước; unread=1: chỉ thông báo chưa đọc)',
    tag: 'notifications',
    query: listNotificationsQuery,
    response: listNotificationsResponse,
    errors: [],
    handler: ({ app, auth, query }) => listNotifications(app, auth.principal, query),
  }),
  route({
    operationId: 'notifications.unread-count',
    method: 'get',
    path: '/notifications/unread-count',
    summary: 'Số thông báo chưa đọc',
    tag: 'notifications',
    response: unreadCountResponse,
    errors: [],
    handler: ({ app, auth }) => getUnreadCount(app, auth.principal),
  }),
  route({
    operationId: 'notifications.read-all',
    method: 'post',
    path: '/notifications/read-all',
    summary: 'Đánh dấu tất cả thông báo là đã đọc',
    tag: 'notifications',
    response: readAllResponse,
    errors: [],
    handler: ({ app, auth }) => readAllNotifications(app, auth.principal),
  }),
  route({
    operationId: 'notifications.preferences',
    method: 'get',
    path: '/notifications/preferences',
    summary: 'Tùy chọn nhận thông báo (tổng hợp hằng ngày, thư điện tử)',
    tag: 'notifications',
    response: notificationPreferences,
    errors: [],
    handler: ({ app, auth }) => getNotificationPreferences(app, auth.principal),
  }),
  route({
    // operationIds are unique in the OpenAPI document: the PUT of the preferences has its own.
    operationId: 'notifications.save-preferences',
    method: 'put',
    path: '/notifications/preferences',
    summary: 'Lưu tùy chọn nhận thông báo',
    tag: 'notifications',
    body: saveNotificationPreferencesBody,
    response: notificationPreferences,
    errors: [],
    handler: ({ app, auth, body }) => saveNotificationPreferences(app, auth.principal, body),
  }),
  route({
    operationId: 'notifications.read',
    method: 'post',
    path: '/notifications/:id/read',
    summary: 'Đánh dấu một thông báo là đã đọc',
    tag: 'notifications',
    params: notificationIdParams,
    response: notificationView,
    errors: ['notification.not_found'],
    handler: ({ app, auth, params }) => readNotification(app, auth.principal, params.id),
  }),
  route({
    operationId: 'inbox.get',
    method: 'get',
    path: '/inbox',
    summary: 'Việc cần làm: những việc đang chờ tôi trong các đợt kiểm điểm',
    tag: 'notifications',
    response: inboxResponse,
    errors: [],
    handler: ({ app, auth }) => getInbox(app, auth.principal),
  }),
];
