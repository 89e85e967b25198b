import type { IncrementResponse, Options, Store as RateLimitStore } from 'express-rate-limit';
import type { Store } from './types';

/**
 * express-rate-limit's store, kept in the app's Store: every instance on one database counts into
 * the same windows, so a limit of 30 uploads a minute stays 30 behind a load balancer (the default
 * memory store would give each of N instances its own 30). Plug it into any limiter:
 * @example rateLimit({ windowMs: 60_000, limit: 30, store: new SharedRateLimitStore(deps.store, 'upload:') })
 */
export class SharedRateLimitStore implements RateLimitStore {
  /** Counts are shared between instances (express-rate-limit uses this to spot double counting). */
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly store: Store,
    /** Keeps one limiter's keys apart from another's in the shared table. */
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const { hits, resetAt } = await this.store.countHit(this.prefix + key, this.windowMs);
    return { totalHits: hits, resetTime: new Date(resetAt) };
  }

  async decrement(key: string): Promise<void> {
    await this.store.uncountHit(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await this.store.resetHits(this.prefix + key);
  }
}
