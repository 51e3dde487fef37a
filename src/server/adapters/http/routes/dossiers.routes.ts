import type { RouteDef } from '../route.js';

export const dossiersRoutes: RouteDef[] = [];
