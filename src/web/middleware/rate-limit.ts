import type { NextFunction, Request, Response } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import type { Config } from '../../config';
import { AppError } from '../errors';

/**
 * Where the limiters keep their counts. The default is this process's memory; several instances
 * behind one proxy share counts by passing a shared store (the server plugs in the store-backed one, so several instances share counts).
 */
export type LimiterStoreFactory = (name: 'uploads-per-workspace' | 'uploads-per-address') => Store | undefined;

/** Uploads one client address may make per minute, whatever workspaces or tokens it rotates through. */
export const ADDRESS_FACTOR = 4;

/**
 * The upload rate limits, built in this one place: UPLOADS_PER_MINUTE per workspace (a token's or
 * a browser cookie's, so teams behind one address each get their own), and four times that per
 * client address, so minting new tokens or cookies does not get around it. The address is the
 * socket's unless TRUST_PROXY names the proxy in front (app.ts sets `trust proxy` from it), so a
 * rotating X-Forwarded-For from anyone else counts as one client.
 */
export function uploadLimiters(config: Pick<Config, 'uploadsPerMinute'>, storeFor: LimiterStoreFactory = () => undefined) {
  const perMinute = config.uploadsPerMinute;
  const refuse = (what: string, limit: number) => (_req: Request, _res: Response, next: NextFunction) =>
    next(new AppError(429, 'rate_limited', `Too many uploads: at most ${limit} a minute ${what}. Wait a minute and try again.`, { limit }));
  const common = { windowMs: 60_000, standardHeaders: 'draft-8' as const, legacyHeaders: false };
  const perWorkspace = rateLimit({
    ...common,
    limit: perMinute,
    keyGenerator: (_req, res) => String(res.locals.workspace),
    handler: refuse('per workspace', perMinute),
    store: storeFor('uploads-per-workspace'),
    identifier: 'uploads-per-workspace',
  });
  const perAddress = rateLimit({
    ...common,
    limit: perMinute * ADDRESS_FACTOR,
    handler: refuse('from one address', perMinute * ADDRESS_FACTOR),
    store: storeFor('uploads-per-address'),
    identifier: 'uploads-per-address',
    // X-Forwarded-For is ignored unless TRUST_PROXY is set; that is the point, not a mistake to warn about.
    validate: { xForwardedForHeader: false, trustProxy: false },
  });
  return [perAddress, perWorkspace];
}
