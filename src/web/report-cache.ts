import { LRUCache } from 'lru-cache';
import type { Config } from '../config';
import type { ReportLimits } from '../report/pool';

/**
 * Every cached piece of the report pages, in one least-recently-used cache per store bounded by
 * bytes (CACHE_MB), so no sequence of distinct queries can grow the process without bound.
 * Keys hold the dataset's revision (id + version, which a rename bumps; a deleted dataset 404s
 * before any lookup), so a cache never serves a renamed or deleted dataset, and each store (each
 * app) has its own cache: two stores may both have a dataset 3 with different rows.
 *
 * Sizes are estimates: a string counts two bytes a character, a Buffer its length, a report the
 * size its worker measured.
 */
export class ReportCache {
  private readonly lru: LRUCache<string, { value: unknown; bytes: number }> | null;
  /** Computations in flight by key: concurrent requests for one report share one job. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(maxBytes: number) {
    this.lru = maxBytes >= 1 ? new LRUCache({ maxSize: Math.floor(maxBytes), sizeCalculation: (e) => Math.max(1, e.bytes) }) : null;
  }

  get<T>(key: string): T | undefined {
    return this.lru?.get(key)?.value as T | undefined;
  }

  /** Stores a value of known size; one larger than the whole budget is simply not kept. */
  set(key: string, value: unknown, bytes: number): void {
    this.lru?.set(key, { value, bytes });
  }

  /** A cached text or bytes, or compute, keep and return it. */
  text<T extends string | Buffer>(key: string, compute: () => T): T {
    const hit = this.get<T>(key);
    if (hit !== undefined) return hit;
    const v = compute();
    this.set(key, v, typeof v === 'string' ? v.length * 2 : v.byteLength);
    return v;
  }

  /** A cached value, or run `compute` once for all concurrent callers and keep its result. */
  async sized<T>(key: string, compute: () => Promise<{ value: T; bytes: number }>): Promise<T> {
    const hit = this.get<T>(key);
    if (hit !== undefined) return hit;
    const running = this.pending.get(key) as Promise<T> | undefined;
    if (running) return running;
    const p = compute().then(({ value, bytes }) => {
      this.set(key, value, bytes);
      return value;
    });
    this.pending.set(key, p);
    try {
      return await p;
    } finally {
      this.pending.delete(key);
    }
  }

  /** Bytes held now (for tests and the soak bench). */
  get bytes(): number {
    return this.lru?.calculatedSize ?? 0;
  }
}

const caches = new WeakMap<object, ReportCache>();

/** The report cache of a store, made on first use with the app's CACHE_MB budget. */
export function reportCacheFor(store: object, config: Pick<Config, 'cacheMb'>): ReportCache {
  let c = caches.get(store);
  if (!c) {
    c = new ReportCache(config.cacheMb * 1024 * 1024);
    caches.set(store, c);
  }
  return c;
}

/** The report pool's limits from the app's config. */
export function reportLimits(config: Config): ReportLimits {
  return { timeLimitMs: config.reportTimeLimitMs, threads: config.reportThreads, maxQueue: config.reportQueue, workerHeapMb: config.reportWorkerHeapMb };
}
