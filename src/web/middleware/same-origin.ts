import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests whose Origin (or Sec-Fetch-Site) says they come from another
 * site. A second line behind the CSRF token; requests without these headers (scripts) pass.
 */
export function sameOrigin(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  if (site === 'cross-site') return next(new ForbiddenError('Cross-site request refused', 'cross_site'));
  const origin = req.get('origin');
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return next(new ForbiddenError('Malformed Origin header', 'cross_site'));
    }
    if (host !== req.get('host')) return next(new ForbiddenError('Cross-site request refused', 'cross_site'));
  } else if (origin === 'null') {
    return next(new ForbiddenError('Cross-site request refused', 'cross_site'));
  }
  next();
}
