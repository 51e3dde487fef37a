// Reports and statistics of a campaign (issue 5 item 4): the figures behind the dashboards and
// the summary report (reports.statistics). Who reads them: design §2 rows "Documents, register,
// announcements" and "Classification after publication" (domain/campaign-statistics.ts).
import { campaignStatisticsResponse, statisticsParams, statisticsQuery } from '../../../../shared/contracts/reports.js';
import { campaignStatistics } from '../../../features/reports/campaign-statistics.js';
import { route, type RouteDef } from '../route.js';

export const reportsRoutes: RouteDef[] = [
  route({
    operationId: 'reports.statistics',
    method: 'get',
    path: '/campaigns/:campaignId/statistics',
    summary:
      'Số liệu thống kê của đợt kiểm điểm trong phạm vi được xem (hoặc của một đơn vị): tiến độ theo giai đoạn, kết quả xếp loại đã công bố của tổ chức đảng và đảng viên, theo khối, so sánh các năm, tỷ lệ HTXS, việc chậm, quá hạn và tiến độ khắc phục',
    tag: 'reports',
    params: statisticsParams,
    query: statisticsQuery,
    response: campaignStatisticsResponse,
    errors: ['campaign.not_found', 'campaign.not_in_population', 'auth.forbidden', 'rule_set.not_found'],
    handler: ({ app, auth, params, query }) =>
      campaignStatistics(app, auth.principal, { campaignId: params.campaignId, unitId: query.unitId }),
  }),
];
