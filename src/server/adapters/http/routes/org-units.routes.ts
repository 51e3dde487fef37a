import type { RouteDef } from '../route.js';

export const orgUnitRoutes: RouteDef[] = [];
