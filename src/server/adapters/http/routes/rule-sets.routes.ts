import type { RouteDef } from '../route.js';

export const ruleSetsRoutes: RouteDef[] = [];
