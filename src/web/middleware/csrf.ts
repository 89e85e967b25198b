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

/** Multipart browser forms whose body is streamed after this middleware: their route checks the token. */
const DEFERRED = new Set(['/datasets/new']);

function deferred(req: Request): boolean {
  return req.method === 'POST' && DEFERRED.has(req.path) && /^multipart\/form-data/i.test(req.get('content-type') ?? '');
}

/** Checks a token read by the route itself (a multipart form's `_csrf` field); true when it holds or none is needed. */
export type DeferredCsrfCheck = (token: string | undefined) => boolean;

/**
 * Double-submit CSRF tokens for browser forms, tied to the workspace cookie. The token is read from
 * the `_csrf` form field or the `x-csrf-token` header, never from the URL (a token in the address bar
 * ends up in history and logs). A multipart form's body is streamed after this check, so its route
 * reads the `_csrf` field (sent before the file) and calls `res.locals.checkCsrf`. Requests
 * authenticated by a bearer token carry no ambient cookie credentials, so they skip it. A
 * cookie-carrying /api call needs the token too, unless its Origin names this very host (a page of
 * ours calling fetch; cross-site Origins were refused before).
 */
export function csrf(secret: string, secure: boolean) {
  const { doubleCsrfProtection, generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => String((req.res?.locals.workspace as string | undefined) ?? ''),
    cookieName: 'capexlens.csrf',
    cookieOptions: { sameSite: 'lax', secure, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      return fromBody ?? req.get('x-csrf-token');
    },
    skipCsrfProtection: (req) => skip(req) || deferred(req),
  });
  function skip(req: Request): boolean {
    return Boolean(req.res?.locals.viaToken) || (req.path.startsWith('/api/') && sameHostOrigin(req));
  }
  return [
    (req: Request, res: Response, next: NextFunction) => {
      doubleCsrfProtection(req, res, (err?: unknown) => {
        if (err) return next(new ForbiddenError('The form expired or came from another site; reload the page and try again.', 'csrf'));
        next();
      });
    },
    (req: Request, res: Response, next: NextFunction) => {
      res.locals.csrfToken = generateCsrfToken(req, res);
      const check: DeferredCsrfCheck = (token) => {
        if (skip(req)) return true;
        const saved: unknown = req.body;
        req.body = { _csrf: token ?? '' };
        try {
          return validateRequest(req);
        } finally {
          req.body = saved;
        }
      };
      res.locals.checkCsrf = check;
      next();
    },
  ];
}
