import type { RouteDef } from '../route.js';

export const reviewsRoutes: RouteDef[] = [];
