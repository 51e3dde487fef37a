import type { RouteDef } from '../route.js';

export const auditRoutes: RouteDef[] = [];
