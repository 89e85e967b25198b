/**
 * How far each browser upload has come, so the upload page can show "184,000 rows read" while the
 * server reads a large file (the browser knows the bytes it sent, not what happens after).
 *
 * In this process's memory only: bounded (at most MAX_UPLOADS entries, least recently started
 * dropped first) and expiring (TTL_MS after the last change of phase). Keyed by workspace AND the
 * page's random upload id, so one workspace can neither read nor overwrite another's progress.
 * Behind several instances a poll may reach another instance and find nothing: the page then
 * simply shows no count (progress is a courtesy, the upload itself does not depend on it).
 */
import { LRUCache } from 'lru-cache';
import { textIn, type Lang } from './i18n';

/** An upload id as the page makes it: 16 to 64 URL-safe characters (the script sends 32 hex digits). */
export const UPLOAD_ID = /^[A-Za-z0-9_-]{16,64}$/;

const MAX_UPLOADS = 1000;
/** Long enough for a 50 MB file over a slow line plus its import; refreshed at each phase. */
const TTL_MS = 30 * 60 * 1000;
/** Reading progress is recorded at most this often (ingest reports per 64 KiB chunk). */
const THROTTLE_MS = 200;

export type UploadPhase = 'receiving' | 'reading' | 'storing' | 'done' | 'failed';

/** What the progress endpoint answers: plain numbers, no workspace. */
export interface UploadProgressView {
  phase: UploadPhase;
  /** Data rows read so far; from `storing` on, the rows to store (duplicates dropped, quarters summed). */
  rows: number;
  /** Rows stored so far (counted in steps of 10,000; a synchronous store shows none until done). */
  stored: number;
  /** Bytes of the file read by ingest so far, and the file's size (0 until it is received). */
  bytesRead: number;
  bytes: number;
}

/** The one upload's handle the route updates. */
export interface UploadTracker {
  reading(bytes: number): void;
  /** Per chunk of ingest: kept only if THROTTLE_MS have passed since the last kept one. */
  read(rows: number, bytesRead: number): void;
  /** Reading is done and `rows` rows go to the store. */
  storing(rows: number): void;
  stored(rows: number): void;
  done(rows: number): void;
  failed(): void;
}

const key = (workspace: string, id: string): string => `${workspace}\n${id}`;

export class UploadProgressBoard {
  private readonly entries: LRUCache<string, UploadProgressView>;

  constructor(
    private readonly now: () => number = Date.now,
    options: { max?: number; ttlMs?: number } = {},
  ) {
    this.entries = new LRUCache({ max: options.max ?? MAX_UPLOADS, ttl: options.ttlMs ?? TTL_MS, updateAgeOnGet: false, ttlResolution: 0, perf: { now } });
  }

  /**
   * Starts tracking an upload; null (nothing tracked) when the id is not one the page would make.
   * @example board.start(res.locals.workspace, req.get('x-upload-id'))?.reading(file.size)
   */
  start(workspace: string, id: string | undefined): UploadTracker | null {
    if (id === undefined || !UPLOAD_ID.test(id)) return null;
    const k = key(workspace, id);
    const entry: UploadProgressView = { phase: 'receiving', rows: 0, stored: 0, bytesRead: 0, bytes: 0 };
    this.entries.set(k, entry);
    let keptAt = this.now();
    // A phase change re-sets the entry, which refreshes its TTL (unless it was dropped meanwhile:
    // then the upload goes on untracked rather than taking the place of a newer one).
    const phase = (p: UploadPhase): void => {
      entry.phase = p;
      if (this.entries.peek(k) === entry) this.entries.set(k, entry);
    };
    return {
      reading: (bytes) => {
        entry.bytes = bytes;
        phase('reading');
      },
      read: (rows, bytesRead) => {
        const t = this.now();
        if (t - keptAt < THROTTLE_MS) return;
        keptAt = t;
        entry.rows = rows;
        entry.bytesRead = bytesRead;
      },
      storing: (rows) => {
        entry.rows = rows;
        entry.bytesRead = entry.bytes;
        phase('storing');
      },
      stored: (rows) => {
        entry.stored = rows;
      },
      done: (rows) => {
        entry.rows = rows;
        entry.stored = rows;
        entry.bytesRead = entry.bytes;
        phase('done');
      },
      failed: () => phase('failed'),
    };
  }

  /** The progress of that workspace's upload, or null (unknown, expired, or another workspace's). */
  get(workspace: string, id: string): UploadProgressView | null {
    if (!UPLOAD_ID.test(id)) return null;
    const entry = this.entries.get(key(workspace, id));
    return entry ? { ...entry } : null;
  }
}

/** A message with a count: the form for exactly one (English) and for any other number. */
interface Plural {
  one: string;
  other: string;
}

/** The texts the page's script shows, with `{sent}`, `{total}`, `{rows}`, `{status}` for it to fill in. */
export interface UploadProgressText {
  sent: string;
  waiting: string;
  read: Plural;
  storing: Plural;
  imported: Plural;
  cancelled: string;
  lostSending: string;
  lostImporting: string;
  failed: string;
}

/**
 * The progress texts in `lang`, for a `<script type="application/json">` block (the CSP forbids
 * inline script, and numbers are formatted by the browser in the page's language).
 * @example progressText('ko').sent // '{total} 중 {sent} 보냄'
 */
export function progressText(lang: Lang): UploadProgressText {
  const t = textIn(lang);
  const plural = (key: string): Plural => ({ one: t(key, { count: 1, rows: '{rows}' }), other: t(key, { count: 2, rows: '{rows}' }) });
  return {
    sent: t('upload.progress.sent', { sent: '{sent}', total: '{total}' }),
    waiting: t('upload.progress.waiting'),
    read: plural('upload.progress.read'),
    storing: plural('upload.progress.storing'),
    imported: plural('upload.progress.imported'),
    cancelled: t('upload.progress.cancelled'),
    lostSending: t('upload.progress.lostSending'),
    lostImporting: t('upload.progress.lostImporting'),
    failed: t('upload.progress.failed', { status: '{status}' }),
  };
}
