import type { RouteDef } from '../route.js';

export const planningRoutes: RouteDef[] = [];
