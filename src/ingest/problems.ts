import { MAX_PROBLEMS, type Problem, type ProblemCode } from './types';

/** Collects problems in file order: the first 100 in full, then only a count. */
export class Problems {
  readonly list: Problem[] = [];
  count = 0;

  add(code: ProblemCode, line: number | null, column: string | null, value: string | null, message: string): void {
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push({ code, line, column: clip(column), value: clip(value), message });
  }
}

/** A value or header quoted in a problem is cut at 200 characters, so a runaway field cannot bloat the answer. */
function clip(text: string | null): string | null {
  return text !== null && text.length > 200 ? text.slice(0, 199) + '…' : text;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Mixes a number's bits into a running 32-bit hash (for spotting duplicate rows with different values). */
export function mixNumber(h: number, v: number): number {
  f64[0] = v;
  h = Math.imul(h ^ (u32[0] as number), 0x01000193);
  h = Math.imul(h ^ (u32[1] as number), 0x01000193);
  return h >>> 0;
}

/** Mixes a string into a running 32-bit hash. */
export function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0xff, 0x01000193) >>> 0;
}
