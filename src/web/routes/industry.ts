import { Router } from 'express';
import type { AppDeps } from '../deps';

/** Placeholder router: the pages of this area land with their issue. */
export function industryRoutes(_deps: AppDeps): Router {
  return Router();
}
