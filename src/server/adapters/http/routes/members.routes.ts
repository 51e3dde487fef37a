import type { RouteDef } from '../route.js';

export const memberRoutes: RouteDef[] = [];
