import type { RouteDef } from '../route.js';

export const importRoutes: RouteDef[] = [];
