import type { RouteDef } from '../route.js';

export const campaignsRoutes: RouteDef[] = [];
