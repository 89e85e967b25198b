/**
 * Bytes → text without asking the user: BOMs first (UTF-8, UTF-16 LE/BE), then valid UTF-8, then
 * Korean Excel's CP949 (EUC-KR superset), else Windows-1252. Binary files are told apart from text.
 */
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'cp949' | 'win1252';

export interface Detected {
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/** Why a file is not text, or null when it looks like text. */
export function notTextReason(head: Uint8Array): string | null {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    return 'This is a ZIP archive or an Excel workbook (.xlsx), not a CSV file: in Excel use File › Save As › CSV.';
  }
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    return 'This is an old Excel workbook (.xls), not a CSV file: in Excel use File › Save As › CSV.';
  }
  if (b.length >= 4 && b.toString('latin1', 0, 4) === '%PDF') return 'This is a PDF document, not a CSV file.';
  // A stray NUL in text is reported with its line later; many of them, or other control bytes, mean binary.
  let control = 0;
  let nul = 0;
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = b[i] as number;
    if (c === 0) nul++;
    else if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  if ((control > 0 && control * 100 > n) || nul * 10 > n) return 'This file is not text (it contains binary data); upload a CSV file.';
  return null;
}

/** Length of a complete-character prefix of UTF-8 bytes: a multi-byte character cut at the end is held back. */
export function completeUtf8Length(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = b[n - back] as number;
    if ((c & 0xc0) === 0x80) continue;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
    return n;
  }
  return n;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] as number;
    let need = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c < 0xe0) need = 1;
    else if (c >= 0xe0 && c < 0xf0) need = 2;
    else if (c >= 0xf0 && c < 0xf5) need = 3;
    else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if (!isUtf8(b.subarray(i, i + need + 1))) return i;
    i += need + 1;
  }
  return -1;
}

/** Share of high bytes that pair up as KS X 1001 Hangul (lead 0xB0–0xC8, trail 0xA1–0xFE). */
function looksLikeEucKr(b: Uint8Array): boolean {
  let high = 0;
  let hangul = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    if (c < 0x80) continue;
    high++;
    const t = b[i + 1];
    if (c >= 0x81 && c <= 0xfe && t !== undefined && t >= 0x41 && t <= 0xfe) {
      if (c >= 0xb0 && c <= 0xc8 && t >= 0xa1) hangul += 2;
      else hangul += 1;
      high++;
      i++;
    }
  }
  return high > 0 && hangul * 2 >= high;
}

/**
 * Picks the encoding from the first bytes of a file (`final` when they are the whole file, so a
 * multi-byte character is not cut at the end).
 */
export function detectEncoding(head: Uint8Array, final: boolean): Detected {
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xef && b1 === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf16be', bomLength: 2 };
  const whole = final ? head : head.subarray(0, completeUtf8Length(head));
  if (isUtf8(whole)) return { encoding: 'utf8', bomLength: 0 };
  return { encoding: looksLikeEucKr(head) ? 'cp949' : 'win1252', bomLength: 0 };
}

/** Name for messages. */
export function encodingLabel(e: Encoding): string {
  return { utf8: 'UTF-8', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE', cp949: 'CP949 (Korean)', win1252: 'Windows-1252' }[e];
}
