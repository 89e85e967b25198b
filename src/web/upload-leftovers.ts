import fs from 'node:fs';
import path from 'node:path';
import { UPLOAD_TMP_PREFIX } from './routes/upload';

/** The ingest spool's temporary folders (src/ingest/spool.ts) are leftovers too after a crash. */
const PREFIXES = [UPLOAD_TMP_PREFIX, 'capexlens-ingest-'];

/** Newest modification time of a folder or anything directly inside it, ms. */
function lastTouched(dir: string): number {
  let newest = fs.statSync(dir).mtimeMs;
  for (const name of fs.readdirSync(dir)) {
    try {
      newest = Math.max(newest, fs.statSync(path.join(dir, name)).mtimeMs);
    } catch {
      // removed meanwhile
    }
  }
  return newest;
}

/**
 * Removes temporary upload folders a crashed or killed process left behind. Only folders untouched
 * for `olderThanMs` go, so uploads in progress in another instance sharing the folder stay.
 * Returns how many were removed.
 * @example sweepUploadLeftovers(2 * config.requestTimeoutMs, config.tmpDir)
 */
export function sweepUploadLeftovers(olderThanMs: number, tmpDir: string, now = Date.now()): number {
  let removed = 0;
  for (const name of fs.readdirSync(tmpDir)) {
    if (!PREFIXES.some((p) => name.startsWith(p))) continue;
    const dir = path.join(tmpDir, name);
    try {
      if (now - lastTouched(dir) < olderThanMs) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed++;
    } catch {
      // another instance swept it first
    }
  }
  return removed;
}
