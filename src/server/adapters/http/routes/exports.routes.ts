// Excel exports of a campaign (issue 5 item 2): members by level, totals by level and sector, the
// unit progress board and remediation tracking, streamed as .xlsx. Who may download each follows
// design §2 (row "Documents, register" and the row of the data: see features/exports/export-scope.ts).
import { Readable } from 'node:stream';
import type { ErrorCode } from '../../../../shared/errors.js';
import { EXPORT_LABELS, exportParams, exportQuery, type ExportKind } from '../../../../shared/contracts/exports.js';
import type { AppContext } from '../../../features/context.js';
import { exportLevelTotals } from '../../../features/exports/export-level-totals.js';
import { exportMemberLevels } from '../../../features/exports/export-member-levels.js';
import { exportRemediationTracking } from '../../../features/exports/export-remediation-tracking.js';
import { exportUnitProgress } from '../../../features/exports/export-unit-progress.js';
import { XLSX_MIME } from '../../../features/imports/import-members.js';
import type { Principal } from '../../../domain/policy.js';
import { route, type RouteDef } from '../route.js';
import { contentDisposition } from './imports.routes.js';

type Exporter = (
  ctx: AppContext,
  principal: Principal,
  input: { campaignId: string; unitId?: string | null },
) => Promise<{ fileName: string; stream: Readable }>;

const errors: ErrorCode[] = ['campaign.not_found', 'org_unit.not_found', 'rule_set.not_found'];

function exportRoute(kind: ExportKind, summary: string, exporter: Exporter): RouteDef {
  return route({
    operationId: `exports.${kind}`,
    method: 'get',
    path: `/campaigns/:campaignId/exports/${kind}`,
    summary: `${EXPORT_LABELS[kind].title} (tệp Excel): ${summary}`,
    tag: 'exports',
    params: exportParams,
    query: exportQuery,
    response: { mediaType: XLSX_MIME },
    errors,
    async handler({ app, auth, params, query }) {
      const out = await exporter(app, auth.principal, { campaignId: params.campaignId, unitId: query.unitId ?? null });
      return new Response(Readable.toWeb(out.stream) as ReadableStream<Uint8Array>, {
        headers: {
          'content-type': XLSX_MIME,
          'content-disposition': contentDisposition(out.fileName),
          // Names, levels and shortcomings are personal data: no shared or stored copies along the way.
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  });
}

export const exportsRoutes: RouteDef[] = [
  exportRoute('member-levels', 'đảng viên theo chi bộ với mức xếp loại đã công bố', exportMemberLevels),
  exportRoute('level-totals', 'số lượng, tỷ lệ theo mức xếp loại và loại hình, chỉ tính kết quả đã công bố', exportLevelTotals),
  exportRoute('unit-progress', 'giai đoạn, các mốc ngày và đơn vị quá hạn', exportUnitProgress),
  exportRoute('remediation-tracking', 'biện pháp khắc phục, thời hạn, tiến độ, quá hạn', exportRemediationTracking),
];
