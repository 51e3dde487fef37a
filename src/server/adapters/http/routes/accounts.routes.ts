import type { RouteDef } from '../route.js';

export const accountRoutes: RouteDef[] = [];
