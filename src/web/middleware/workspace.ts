import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { UnauthorizedError } from '../errors';

export const WORKSPACE_COOKIE = 'capexlens.ws';
/**
 * Token-less, cookie-less API reads land here: it holds nothing but sees the built-in datasets.
 * Nothing can be written to it (writes without a token or a browser workspace are refused).
 */
export const ANONYMOUS_WORKSPACE = 'anonymous';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** `Bearer <token>`: one token of 8 to 512 visible characters, nothing else on the line. */
const BEARER = /^Bearer +([\x21-\x7e]{8,512})$/i;

/** How to send a token, said by every 401 (and shown to scripts in the JSON body). */
export const TOKEN_HELP =
  'Send "Authorization: Bearer <token>" with a token of 8 or more visible characters and no spaces ' +
  '(for example one made by `openssl rand -hex 16`). The token names your private workspace; keep it ' +
  'secret and send the same one on every call. Example: curl -H "Authorization: Bearer $TOKEN" -F file=@capex.csv http://localhost:3000/api/datasets';

/**
 * Resolves the caller's workspace: a bearer token names its own workspace (a hash of the token, so
 * tokens are never stored); a browser gets a signed random cookie. A malformed Authorization header
 * is refused (401) rather than ignored, so a mistyped token never lands data somewhere shared; an
 * API write with neither token nor cookie is refused the same way. Token-less API reads see only the
 * built-in datasets.
 */
export function workspace(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const auth = req.get('authorization');
    if (auth !== undefined) {
      const bearer = BEARER.exec(auth.trim());
      if (!bearer?.[1]) return next(new UnauthorizedError(`The Authorization header is not a well-formed bearer token. ${TOKEN_HELP}`, 'bad_token'));
      res.locals.workspace = workspaceOfToken(bearer[1]);
      res.locals.viaToken = true;
      return next();
    }
    const signed = req.signedCookies?.[WORKSPACE_COOKIE];
    if (typeof signed === 'string' && /^ws:[a-f0-9]{24}$/.test(signed)) {
      res.locals.workspace = signed;
      return next();
    }
    if (req.path.startsWith('/api/')) {
      if (!SAFE.has(req.method)) return next(new UnauthorizedError(`This call changes data, so it needs your workspace token. ${TOKEN_HELP}`, 'token_required'));
      res.locals.workspace = ANONYMOUS_WORKSPACE;
      return next();
    }
    const id = 'ws:' + crypto.randomBytes(12).toString('hex');
    res.cookie(WORKSPACE_COOKIE, id, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: 365 * 24 * 3600 * 1000,
    });
    res.locals.workspace = id;
    next();
  };
}

/** The workspace a token names: a hash, so the token itself is never stored. */
export function workspaceOfToken(token: string): string {
  return 'tok:' + crypto.createHash('sha256').update(token).digest('hex').slice(0, 24);
}
