import type { NextFunction, Request, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { ForbiddenError } from '../errors';

/** True when the request's Origin header is this host's own. */
function sameHostOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

/**
 * Double-submit CSRF tokens for browser forms, tied to the workspace cookie. The token is read from
 * the `_csrf` form field, the `_csrf` query parameter (multipart forms, whose body is streamed after
 * the check) or the `x-csrf-token` header. Requests authenticated by a bearer token carry no ambient
 * cookie credentials, so they skip it. A cookie-carrying /api call needs the token too, unless its
 * Origin names this very host (a page of ours calling fetch; cross-site Origins were refused before).
 */
export function csrf(secret: string, secure: boolean) {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => String((req.res?.locals.workspace as string | undefined) ?? ''),
    cookieName: 'capexlens.csrf',
    cookieOptions: { sameSite: 'lax', secure, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      const fromQuery = typeof req.query._csrf === 'string' ? req.query._csrf : undefined;
      return fromBody ?? fromQuery ?? req.get('x-csrf-token');
    },
    skipCsrfProtection: (req) => Boolean(req.res?.locals.viaToken) || (req.path.startsWith('/api/') && sameHostOrigin(req)),
  });
  return [
    (req: Request, res: Response, next: NextFunction) => {
      doubleCsrfProtection(req, res, (err?: unknown) => {
        if (err) return next(new ForbiddenError('The form expired or came from another site; reload the page and try again.', 'csrf'));
        next();
      });
    },
    (req: Request, res: Response, next: NextFunction) => {
      res.locals.csrfToken = generateCsrfToken(req, res);
      next();
    },
  ];
}
