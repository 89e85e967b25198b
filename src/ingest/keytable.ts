/**
 * Remembers which company-year keys were seen, with a hash of their values and the line, in one
 * one typed array: a million rows cost about 22 MB instead of the hundreds a Map of strings would take.
 * Keys are two independent 32-bit hashes (64 bits); two different keys sharing both is about a
 * 1-in-10^7 chance at a million rows.
 */

const STRIDE = 4;
const MAX_LOAD = 0.75;

/** Two 32-bit hashes (FNV-1a with different offsets, then a final mix) of the parts of a key. */
export class KeyHasher {
  h1 = 0;
  h2 = 0;

  reset(): void {
    this.h1 = 0x811c9dc5;
    this.h2 = 0x9e3779b9;
  }

  string(s: string): void {
    let a = this.h1;
    let b = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    // A separator, so ("ab", "c") and ("a", "bc") differ.
    this.h1 = Math.imul(a ^ 0x1f, 0x01000193);
    this.h2 = Math.imul(b ^ 0x1f, 0x5bd1e995);
  }

  number(n: number): void {
    this.h1 = Math.imul(this.h1 ^ (n | 0), 0x01000193);
    this.h2 = Math.imul(this.h2 ^ (n | 0), 0x5bd1e995);
    this.h2 ^= this.h2 >>> 13;
  }

  /** Final avalanche; h1 is never 0 (0 marks an empty slot). */
  finish(): void {
    let a = this.h1;
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    this.h1 = (a | 1) >>> 0;
    let b = this.h2;
    b ^= b >>> 16;
    b = Math.imul(b, 0xc2b2ae35);
    b ^= b >>> 16;
    this.h2 = b >>> 0;
  }
}

export interface Seen {
  valueHash: number;
  line: number;
}

/**
 * Open addressing with linear probing in one flat array. Reserve the expected size up front when
 * it is known (an upload's byte count): growing holds two copies of the table for a moment, and at
 * a million keys that transient is most of the ingest's memory.
 */
export class KeyTable {
  private cap = 4096;
  private size = 0;
  private slots = new Uint32Array(this.cap * STRIDE);

  /** Makes room for about `keys` entries without growing. */
  reserve(keys: number): void {
    const cap = Math.ceil(keys / MAX_LOAD) + 1;
    if (cap > this.cap) this.resize(cap);
  }

  /** Records the key (h1, h2 from KeyHasher); returns the earlier entry if it was already there. */
  add(h1: number, h2: number, valueHash: number, line: number): Seen | null {
    const s = this.slots;
    let i = (h2 % this.cap) * STRIDE;
    const end = s.length;
    while (s[i] !== 0) {
      if (s[i] === h1 && s[i + 1] === h2) return { valueHash: s[i + 2] as number, line: s[i + 3] as number };
      i += STRIDE;
      if (i === end) i = 0;
    }
    s[i] = h1;
    s[i + 1] = h2;
    s[i + 2] = valueHash;
    s[i + 3] = line;
    this.size++;
    if (this.size > this.cap * MAX_LOAD) this.resize(Math.ceil(this.cap * 1.5));
    return null;
  }

  private resize(cap: number): void {
    const old = this.slots;
    const s = new Uint32Array(cap * STRIDE);
    const end = s.length;
    for (let j = 0; j < old.length; j += STRIDE) {
      if (old[j] === 0) continue;
      let i = ((old[j + 1] as number) % cap) * STRIDE;
      while (s[i] !== 0) {
        i += STRIDE;
        if (i === end) i = 0;
      }
      s[i] = old[j] as number;
      s[i + 1] = old[j + 1] as number;
      s[i + 2] = old[j + 2] as number;
      s[i + 3] = old[j + 3] as number;
    }
    this.cap = cap;
    this.slots = s;
  }
}
