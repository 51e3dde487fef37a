// Every operation of the API, in one list: the OpenAPI document and the authorization tests walk it.
import type { RouteDef } from '../route.js';
import { authRoutes } from './auth.routes.js';
import { orgUnitRoutes } from './org-units.routes.js';
import { memberRoutes } from './members.routes.js';
import { importRoutes } from './imports.routes.js';
import { accountRoutes } from './accounts.routes.js';
import { auditRoutes } from './audit.routes.js';

export function allRoutes(): RouteDef[] {
  return [...authRoutes, ...orgUnitRoutes, ...memberRoutes, ...importRoutes, ...accountRoutes, ...auditRoutes] as RouteDef[];
}
