/**
 * Heavy report work runs here, off the event loop: `runReport(job, input, limits)` is the one
 * function routes (and later user formulas) call. It runs the job in a worker thread of a piscina
 * pool with a time budget; over the budget the worker is terminated (piscina replaces it), so the
 * job really stops, and the caller gets a ReportLimitError saying what to do. With `threads: 0`
 * the job runs inline on the calling thread (no budget): the baseline benches compare against.
 *
 * Workers load compiled JavaScript: from dist/ the pool finds worker.js beside this file; from
 * sources (ts-jest) it uses dist/report/pool/worker.js under the project root, which `npm test`
 * and `npm run bench` build first. A missing file is a clear error at the first call.
 */
import fs from 'node:fs';
import path from 'node:path';
import Piscina from 'piscina';
import { UncomputableError } from '../finite';
import { runJob, type JobInput, type JobName, type JobOutput } from './jobs';
import { sizeOf, type WorkerAnswer } from './worker';

export { COMPANY_GROWTH_DRIVERS, type JobName, type JobInput, type JobOutput } from './jobs';

/** How much a report may cost; from the app's config. */
export interface ReportLimits {
  /** Wall time a job may take from submission, ms; over it the job is stopped. */
  timeLimitMs: number;
  /** Worker threads; 0 runs jobs inline on the calling thread (no time budget). */
  threads: number;
  /** Jobs that may wait for a thread; more are refused at once as busy. */
  maxQueue: number;
  /** Old-generation heap a worker may use, MB; a job that needs more is stopped. */
  workerHeapMb: number;
}

/**
 * A job the pool refused or stopped: `busy` (queue full: try again shortly), `over_time` (the time
 * budget ran out), `too_big` (the worker ran out of memory). `reduce` names what to make smaller.
 */
export class ReportLimitError extends Error {
  constructor(
    readonly reason: 'busy' | 'over_time' | 'too_big',
    message: string,
    readonly retryAfterSeconds: number,
    /** Query keys whose smaller values make the report lighter (empty: a smaller dataset). */
    readonly reduce: string[] = [],
  ) {
    super(message);
    this.name = 'ReportLimitError';
  }
}

/** The compiled worker: beside this file when running from dist, else under the project's dist/. */
export function workerFile(): string {
  const here = path.join(__dirname, 'worker.js');
  if (__filename.endsWith('.js')) return here;
  return path.resolve(__dirname, '..', '..', '..', 'dist', 'report', 'pool', 'worker.js');
}

const pools = new Map<string, Piscina>();

function poolFor(limits: ReportLimits): Piscina {
  const key = `${limits.threads}|${limits.maxQueue}|${limits.workerHeapMb}`;
  let pool = pools.get(key);
  if (!pool) {
    const filename = workerFile();
    if (!fs.existsSync(filename)) throw new Error(`Report worker ${filename} is missing: run \`npm run build\` first (workers run compiled JavaScript).`);
    pool = new Piscina({
      filename,
      minThreads: 0,
      maxThreads: limits.threads,
      maxQueue: limits.maxQueue,
      // Idle workers leave, so a quiet server (or a finished test) holds no threads.
      idleTimeout: 5_000,
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb },
    });
    pools.set(key, pool);
  }
  return pool;
}

/** Stops every pool's workers (tests and a graceful shutdown). */
export async function closeReportPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}

/** Jobs now running or waiting, over all pools (for the soak bench and health checks). */
export function reportPoolLoad(): { running: number; queued: number } {
  let running = 0;
  let queued = 0;
  for (const p of pools.values()) {
    running += p.threads.length - p.idleThreads;
    queued += p.queueSize;
  }
  return { running, queued };
}

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;

/** A job's result and its approximate size in bytes (for byte-bounded caches). */
export interface Sized<T> {
  value: T;
  bytes: number;
}

/**
 * Runs a report job off the event loop within the time budget.
 * @throws UncomputableError when the inputs overflow the model (say what to reduce: a 422);
 *   ReportLimitError when busy, over time or over memory.
 * @example const { value: report } = await runReport('company', { datasetName, rows, parsed }, limits);
 */
export async function runReport<K extends JobName>(job: K, input: JobInput<K>, limits: ReportLimits, reduce: string[] = []): Promise<Sized<JobOutput<K>>> {
  if (limits.threads <= 0) {
    const value = runJob(job, input);
    return { value, bytes: sizeOf(value) };
  }
  const pool = poolFor(limits);
  if (pool.queueSize >= limits.maxQueue) {
    throw new ReportLimitError('busy', 'Every report worker is busy and the queue is full. Try again in a few seconds.', 5);
  }
  const signal = AbortSignal.timeout(limits.timeLimitMs);
  let answer: WorkerAnswer;
  try {
    answer = (await pool.run({ job, input }, { signal })) as WorkerAnswer;
  } catch (e) {
    const what = reduce.length ? ` Reduce ${reduce.join(', ')} (or use a smaller dataset) and try again.` : ' Use a smaller dataset or fewer inputs and try again.';
    if (signal.aborted) throw new ReportLimitError('over_time', `This report needs more than the ${seconds(limits.timeLimitMs)} a report may take, so it was stopped.${what}`, Math.ceil(limits.timeLimitMs / 1000), reduce);
    const err = e as { code?: unknown; message?: unknown };
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(String(err.message))) {
      throw new ReportLimitError('too_big', `This report needs more memory than a report may use (${limits.workerHeapMb} MB), so it was stopped.${what}`, 0, reduce);
    }
    if (/queue is at limit/i.test(String(err.message))) throw new ReportLimitError('busy', 'Every report worker is busy and the queue is full. Try again in a few seconds.', 5);
    throw e;
  }
  if (!answer.ok) throw new UncomputableError(answer.uncomputable.message, answer.uncomputable.reduce);
  return { value: answer.value as JobOutput<K>, bytes: answer.bytes };
}
