// Every operation of the API, in one list: the OpenAPI document and the authorization tests walk it.
import type { RouteDef } from '../route.js';
import { authRoutes } from './auth.routes.js';
import { orgUnitRoutes } from './org-units.routes.js';
import { memberRoutes } from './members.routes.js';
import { importRoutes } from './imports.routes.js';
import { accountRoutes } from './accounts.routes.js';
import { auditRoutes } from './audit.routes.js';
import { ruleSetsRoutes } from './rule-sets.routes.js';
import { campaignsRoutes } from './campaigns.routes.js';
import { planningRoutes } from './planning.routes.js';
import { memberYearRoutes } from './member-year.routes.js';
import { reviewsRoutes } from './reviews.routes.js';
import { dossiersRoutes } from './dossiers.routes.js';
import { conferencesRoutes } from './conferences.routes.js';
import { notificationsRoutes } from './notifications.routes.js';
import { remediationRoutes } from './remediation.routes.js';
import { classificationRoutes } from './classification.routes.js';
import { documentsRoutes } from './documents.routes.js';
import { announcementsRoutes } from './announcements.routes.js';
import { exportsRoutes } from './exports.routes.js';
import { reportsRoutes } from './reports.routes.js';

export function allRoutes(): RouteDef[] {
  // Fixed paths before parameterized ones: /members/export must not be taken for /members/:id.
  return [
    ...authRoutes,
    ...importRoutes,
    ...orgUnitRoutes,
    ...memberRoutes,
    ...accountRoutes,
    ...auditRoutes,
    ...ruleSetsRoutes,
    ...notificationsRoutes,
    ...announcementsRoutes,
    ...planningRoutes,
    ...memberYearRoutes,
    ...reviewsRoutes,
    ...dossiersRoutes,
    ...conferencesRoutes,
    ...remediationRoutes,
    ...classificationRoutes,
    ...documentsRoutes,
    ...exportsRoutes,
    ...reportsRoutes,
    ...campaignsRoutes,
  ] as RouteDef[];
}
