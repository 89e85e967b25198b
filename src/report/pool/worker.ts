/**
 * Worker-thread entry of the report pool (piscina loads the compiled dist/report/pool/worker.js).
 * Errors the caller must tell apart travel as plain data: structured clone keeps only an Error's
 * message, not its class.
 */
import { UncomputableError } from '../finite';
import { runJob, type JobName } from './jobs';

/** `bytes` estimates the value's size (UTF-16 JSON length) for byte-bounded caches, measured here rather than on the event loop. */
export type WorkerAnswer = { ok: true; value: unknown; bytes: number } | { ok: false; uncomputable: { message: string; reduce: string[] } };

/** Approximate bytes a value holds: twice its JSON length (strings are UTF-16 at worst). */
export function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length * 2;
  return (JSON.stringify(value)?.length ?? 0) * 2;
}

export default function run(task: { job: JobName; input: never }): WorkerAnswer {
  try {
    const value = runJob(task.job, task.input);
    return { ok: true, value, bytes: sizeOf(value) };
  } catch (e) {
    if (e instanceof UncomputableError) return { ok: false, uncomputable: { message: e.message, reduce: e.reduce } };
    throw e;
  }
}
