/**
 * Separator and decimal style, guessed from the first records of a file.
 */
import type { DecimalStyle } from './numbers';

export type Delimiter = ',' | ';' | '\t' | '|';
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];

/** Splits the start of a file into records (quote-aware), at most `max`; the last may be cut. */
function headRecords(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) {
      if (i > start) out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (out.length < max && start < text.length && !quoted) out.push(text.slice(start));
  return out.filter((r) => r.trim() !== '');
}

function countOutsideQuotes(record: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === d) n++;
  }
  return n;
}

/**
 * The separator that splits the header and the following records into the same number of fields.
 * Ties go to the one giving more fields, then to comma, semicolon, tab, pipe.
 * @example sniffDelimiter('a;b;c\n1,5;2;3\n') // ';'
 */
export function sniffDelimiter(text: string): Delimiter {
  // Title lines above the header (Korean Excel and filing exports) often hold no separator at all.
  const all = headRecords(text, 30);
  const first = all.findIndex((r) => CANDIDATES.some((d) => countOutsideQuotes(r, d) > 0));
  const records = first === -1 ? all : all.slice(first);
  const header = records[0];
  if (header === undefined) return ',';
  let best: Delimiter = ',';
  let bestScore = -1;
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const h = countOutsideQuotes(header, d);
    if (h === 0) continue;
    let agree = 0;
    for (let i = 1; i < records.length; i++) if (countOutsideQuotes(records[i] as string, d) === h) agree++;
    if (agree > bestScore || (agree === bestScore && h > bestCount)) {
      best = d;
      bestScore = agree;
      bestCount = h;
    }
  }
  return best;
}

/**
 * Decimal style. Semicolon-separated files (European Excel) use decimal commas unless the first
 * records show a dot decimal such as `12.5` and no `1,5`. Tab-separated files (Excel "Unicode
 * text") use them only when a value can only be read that way (`1,5`, `1.234,56`). Comma-separated
 * files cannot.
 */
export function sniffDecimal(text: string, delimiter: Delimiter): DecimalStyle {
  if (delimiter !== ';' && delimiter !== '\t') return 'dot';
  const records = headRecords(text, 50).slice(1);
  let comma = 0;
  let surelyComma = 0;
  let dot = 0;
  for (const r of records) {
    for (const raw of r.split(delimiter)) {
      const f = raw.replace(/^"|"$/g, '').trim();
      if (/^[-(]?[$€₩]?\d{1,3}(?:\.\d{3})*,\d+\)?$/.test(f) || /^[-(]?[$€₩]?\d+,\d+/.test(f)) {
        comma++;
        if (/^[-(]?[$€₩]?\d+(?:\.\d{3})*,(?:\d{1,2}|\d{4,})\)?$/.test(f) || /^[-(]?[$€₩]?\d{1,3}(?:\.\d{3})+,\d+\)?$/.test(f)) surelyComma++;
      } else if (/^[-(]?[$€₩]?\d+\.(?:\d{1,2}|\d{4,})(?:[eE][+-]?\d+)?\)?[a-zA-Z%]*$/.test(f) || /^[-(]?[$€₩]?\d{1,3}(?:,\d{3})+\.\d+/.test(f)) dot++;
    }
  }
  if (delimiter === '\t') return surelyComma > 0 && dot === 0 ? 'comma' : 'dot';
  return dot > 0 && comma === 0 ? 'dot' : 'comma';
}

/** Excel's `sep=;` first line, which names the separator: the separator, or null. */
export function sepLine(text: string): { delimiter: string; length: number } | null {
  const m = /^sep=([^"\r\n])\r?\n/i.exec(text);
  return m && m[1] ? { delimiter: m[1], length: m[0].length } : null;
}
