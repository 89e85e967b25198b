import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const WORKSPACE_COOKIE = 'capexlens.ws';
/** Scripts calling /api without a bearer token share this workspace. */
export const PUBLIC_WORKSPACE = 'public';

/**
 * Resolves the caller's workspace: a bearer token names its own workspace (a hash of the token,
 * so tokens are never stored); a browser gets a signed random cookie; token-less /api calls share
 * the public workspace. Datasets and scenarios of one workspace are invisible to others.
 */
export function workspace(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const auth = req.get('authorization');
    const bearer = auth && /^Bearer\s+(\S{8,})$/i.exec(auth);
    if (bearer?.[1]) {
      res.locals.workspace = 'tok:' + crypto.createHash('sha256').update(bearer[1]).digest('hex').slice(0, 24);
      res.locals.viaToken = true;
      return next();
    }
    const signed = req.signedCookies?.[WORKSPACE_COOKIE];
    if (typeof signed === 'string' && /^ws:[a-f0-9]{24}$/.test(signed)) {
      res.locals.workspace = signed;
      return next();
    }
    if (req.path.startsWith('/api/')) {
      res.locals.workspace = PUBLIC_WORKSPACE;
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
