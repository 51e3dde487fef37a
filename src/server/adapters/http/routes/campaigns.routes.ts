// Campaigns (issue 3 item 2) and their cockpit (item 8).
import { z } from 'zod';
import { id, okBody } from '../../../../shared/contracts/common.js';
import {
  campaignDetail,
  changePopulationBody,
  cockpitQuery,
  cockpitResponse,
  createCampaignBody,
  listCampaignsResponse,
  listPopulationQuery,
  populationMemberView,
  updateCampaignBody,
} from '../../../../shared/contracts/campaigns.js';
import { changePopulation } from '../../../features/campaigns/change-population.js';
import { createCampaign } from '../../../features/campaigns/create-campaign.js';
import { getCampaign } from '../../../features/campaigns/get-campaign.js';
import { getCockpit } from '../../../features/campaigns/get-cockpit.js';
import { listCampaigns } from '../../../features/campaigns/list-campaigns.js';
import { listPopulation } from '../../../features/campaigns/list-population.js';
import { snapshotPopulation } from '../../../features/campaigns/snapshot-population.js';
import { updateCampaign } from '../../../features/campaigns/update-campaign.js';
import { route, type RouteDef } from '../route.js';

const byId = z.object({ id });

export const campaignsRoutes: RouteDef[] = [
  route({
    operationId: 'campaigns.list',
    method: 'get',
    path: '/campaigns',
    summary: 'Các đợt kiểm điểm mà người dùng tham gia',
    tag: 'campaigns',
    response: listCampaignsResponse,
    errors: [],
    handler: ({ app, auth }) => listCampaigns(app, auth.principal),
  }),
  route({
    operationId: 'campaigns.create',
    method: 'post',
    path: '/campaigns',
    summary: 'Mở đợt kiểm điểm cho một năm',
    tag: 'campaigns',
    body: createCampaignBody,
    response: z.object({ id: z.string() }),
    errors: ['org_unit.not_found', 'campaign.exists', 'campaign.invalid_owner'],
    handler: ({ app, auth, body }) => createCampaign(app, auth.principal, body),
  }),
  route({
    operationId: 'campaigns.get',
    method: 'get',
    path: '/campaigns/:id',
    summary: 'Thông tin đợt kiểm điểm, mốc thời gian, số lượng',
    tag: 'campaigns',
    params: byId,
    response: campaignDetail,
    errors: ['campaign.not_found'],
    handler: ({ app, auth, params }) => getCampaign(app, auth.principal, params.id),
  }),
  route({
    operationId: 'campaigns.update',
    method: 'patch',
    path: '/campaigns/:id',
    summary: 'Sửa đợt kiểm điểm (tên, điều chỉnh quy định, mốc thời gian, kết thúc)',
    tag: 'campaigns',
    params: byId,
    body: updateCampaignBody,
    response: okBody,
    errors: ['campaign.not_found', 'campaign.closed', 'campaign.snapshot_exists', 'conflict.version'],
    async handler({ app, auth, params, body }) {
      await updateCampaign(app, auth.principal, params.id, body);
      return { ok: true as const };
    },
  }),
  route({
    operationId: 'campaigns.snapshot',
    method: 'post',
    path: '/campaigns/:id/snapshot',
    summary: 'Chốt danh sách đơn vị và đảng viên thuộc đợt kiểm điểm',
    tag: 'campaigns',
    params: byId,
    response: z.object({ units: z.number(), members: z.number(), excluded: z.number(), notClassified: z.number() }),
    errors: ['campaign.not_found', 'campaign.snapshot_exists', 'campaign.closed'],
    handler: ({ app, auth, params }) => snapshotPopulation(app, auth.principal, params.id),
  }),
  route({
    operationId: 'campaigns.population',
    method: 'get',
    path: '/campaigns/:id/population',
    summary: 'Danh sách đảng viên của đợt: được kiểm điểm, không xếp loại, không kiểm điểm (kèm lý do)',
    tag: 'campaigns',
    params: byId,
    query: listPopulationQuery,
    response: z.object({ items: z.array(populationMemberView), total: z.number() }),
    errors: ['campaign.not_found', 'org_unit.not_found'],
    handler: ({ app, auth, params, query }) => listPopulation(app, auth.principal, params.id, query),
  }),
  route({
    operationId: 'campaigns.population-change',
    method: 'post',
    path: '/campaigns/:id/population',
    summary: 'Điều chỉnh danh sách sau khi chốt (từng đảng viên, có ghi chú)',
    tag: 'campaigns',
    params: byId,
    body: changePopulationBody,
    response: okBody,
    errors: [
      'campaign.not_found',
      'campaign.no_snapshot',
      'campaign.closed',
      'member.not_found',
      'member.invalid_unit',
      'org_unit.not_found',
    ],
    async handler({ app, auth, params, body }) {
      await changePopulation(app, auth.principal, params.id, body);
      return { ok: true as const };
    },
  }),
  route({
    operationId: 'campaigns.cockpit',
    method: 'get',
    path: '/campaigns/:id/cockpit',
    summary: 'Bảng điều hành: tiến độ từng đơn vị, số liệu, đơn vị chậm mốc',
    tag: 'campaigns',
    params: byId,
    query: cockpitQuery,
    response: cockpitResponse,
    errors: ['campaign.not_found'],
    handler: ({ app, auth, params, query }) => getCockpit(app, auth.principal, params.id, query),
  }),
];
