import { Router } from 'express';
import type { AppDeps } from '../deps';

/** Placeholder router: the pages of this area land with their issue. */
export function gpuRoutes(_deps: AppDeps): Router {
  return Router();
}
