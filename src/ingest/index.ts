/**
 * CSV ingest: bytes as investors have them (any encoding, separator and number style) →
 * canonical rows, or every problem with its line, column and value. Nothing here stores anything.
 */
import type { Readable } from 'node:stream';
import { Ingestor } from './ingest';
import type { IngestOptions, IngestResult } from './types';

export type { IngestOptions, IngestProgress, IngestResult, Problem, ProblemCode, Unit } from './types';
export { MAX_PROBLEMS, UNIT_SCALE, UNIT_WORD } from './types';
export { parseNumber, parsePeriod, isMissing } from './numbers';

/**
 * Ingests a whole file held in memory (small files, built-in data).
 * @example ingestBuffer(Buffer.from('company,fiscal_year,capex\nAcme,2024,$1.5B\n')) // ok, capex 1.5e9
 */
export function ingestBuffer(bytes: Uint8Array, opts?: IngestOptions): IngestResult {
  const ing = new Ingestor(opts);
  ing.push(bytes);
  return ing.finish();
}

/**
 * Ingests a stream chunk by chunk with bounded memory. After a fatal problem the rest of the
 * stream is read and dropped, so an HTTP upload can still be answered cleanly. `opts.onProgress`
 * hears how far it has read after each chunk.
 */
export async function ingestStream(source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream | Readable, opts?: IngestOptions): Promise<IngestResult> {
  const ing = new Ingestor(opts);
  const report = opts?.onProgress;
  let open = true;
  let bytes = 0;
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buf.byteLength;
    if (open) open = ing.push(buf);
    if (open && report) report({ rows: ing.rowsRead, bytes });
  }
  return ing.finish();
}
