import type { RouteDef } from '../route.js';

export const memberYearRoutes: RouteDef[] = [];
