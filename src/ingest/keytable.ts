/**
 * Remembers which company-year keys were seen, with a hash of their values and the line, in typed
 * arrays: a million rows cost about 32 MB instead of the hundreds a Map of strings would take.
 * Keys are 64-bit hashes; two different keys sharing one is a 1-in-10^7 chance at a million rows.
 */

/** 32-bit FNV-1a over a string, with a seed so two independent hashes make a 64-bit key. */
export function hashString(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export interface Seen {
  valueHash: number;
  line: number;
}

export class KeyTable {
  private cap = 1 << 12;
  private size = 0;
  private h1 = new Uint32Array(this.cap);
  private h2 = new Uint32Array(this.cap);
  private vals = new Uint32Array(this.cap);
  private lines = new Uint32Array(this.cap);

  /** Records the key; returns the earlier entry if the key was already there. */
  add(key: string, valueHash: number, line: number): Seen | null {
    const a = hashString(key, 0) | 1;
    const b = hashString(key, 0x9e3779b9);
    const mask = this.cap - 1;
    let i = (a ^ Math.imul(b, 0x27d4eb2d)) & mask;
    while (this.h1[i] !== 0) {
      if (this.h1[i] === a >>> 0 && this.h2[i] === b) return { valueHash: this.vals[i] as number, line: this.lines[i] as number };
      i = (i + 1) & mask;
    }
    this.h1[i] = a;
    this.h2[i] = b;
    this.vals[i] = valueHash;
    this.lines[i] = line;
    this.size++;
    if (this.size * 2 > this.cap) this.grow();
    return null;
  }

  private grow(): void {
    const old = [this.h1, this.h2, this.vals, this.lines] as const;
    this.cap *= 2;
    this.h1 = new Uint32Array(this.cap);
    this.h2 = new Uint32Array(this.cap);
    this.vals = new Uint32Array(this.cap);
    this.lines = new Uint32Array(this.cap);
    const mask = this.cap - 1;
    for (let j = 0; j < old[0].length; j++) {
      const a = old[0][j] as number;
      if (a === 0) continue;
      const b = old[1][j] as number;
      let i = (a ^ Math.imul(b, 0x27d4eb2d)) & mask;
      while (this.h1[i] !== 0) i = (i + 1) & mask;
      this.h1[i] = a;
      this.h2[i] = b;
      this.vals[i] = old[2][j] as number;
      this.lines[i] = old[3][j] as number;
    }
  }
}
