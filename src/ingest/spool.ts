/**
 * Where accepted rows wait until the caller stores them: in memory for ordinary files, and in a
 * temporary file beyond a threshold, so a million-row upload keeps memory bounded. The spooled
 * rows are read back synchronously, because the store consumes them inside one synchronous
 * transaction.
 *
 * The file holds values only, in a small binary form (JSON lines cost about 5 s per million rows
 * to write and read back): every row of a dataset carries the same keys in the same order, as
 * ingest builds them so, and the keys are kept once. Per value: a tag byte, then 8 bytes of
 * float64 for a number, or a uint32 byte length and UTF-8 bytes for a string.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Row } from '../store/types';

const NULL = 0;
const NUMBER = 1;
const STRING = 2;
const BLOCK = 1 << 18;

const live = new Set<string>();
let exitHook = false;

function removeDir(dir: string): void {
  live.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

export class RowSink {
  private mem: Row[] = [];
  private keys: string[] = [];
  private dir: string | null = null;
  private fd: number | null = null;
  private out = Buffer.allocUnsafe(BLOCK);
  private pos = 0;
  count = 0;

  constructor(private readonly memoryLimit = 5000) {}

  push(row: Row): void {
    this.count++;
    if (this.dir === null) {
      this.mem.push(row);
      if (this.mem.length > this.memoryLimit) this.spill();
      return;
    }
    this.write(row);
  }

  private write(row: Row): void {
    const keys = this.keys;
    for (let k = 0; k < keys.length; k++) {
      const v = row[keys[k] as string];
      if (typeof v === 'number') {
        this.room(9);
        this.out[this.pos] = NUMBER;
        this.out.writeDoubleLE(v, this.pos + 1);
        this.pos += 9;
      } else if (typeof v === 'string') {
        this.room(5 + v.length * 3);
        this.out[this.pos] = STRING;
        const n = this.out.write(v, this.pos + 5, 'utf8');
        this.out.writeUInt32LE(n, this.pos + 1);
        this.pos += 5 + n;
      } else {
        this.room(1);
        this.out[this.pos++] = NULL;
      }
    }
  }

  /** Makes room for `n` more bytes in the write buffer, flushing (or growing it for a huge text). */
  private room(n: number): void {
    if (this.pos + n <= this.out.length) return;
    this.flush();
    if (n > this.out.length) this.out = Buffer.allocUnsafe(n);
  }

  private spill(): void {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-ingest-'));
    live.add(this.dir);
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => {
        for (const d of live) fs.rmSync(d, { recursive: true, force: true });
      });
    }
    this.fd = fs.openSync(path.join(this.dir, 'rows.bin'), 'w');
    this.keys = Object.keys(this.mem[0] ?? {});
    for (const r of this.mem) this.write(r);
    this.mem = [];
  }

  private flush(): void {
    if (this.fd === null || this.pos === 0) return;
    fs.writeSync(this.fd, this.out, 0, this.pos);
    this.pos = 0;
  }

  /** Throws the rows away (the upload was refused). */
  discard(): void {
    this.mem = [];
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    if (this.dir !== null) removeDir(this.dir);
    this.dir = null;
  }

  /** The rows, in order: an array when small, else a once-readable iterable over the spool file. */
  finish(): Iterable<Row> {
    if (this.dir === null) return this.mem;
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    const dir = this.dir;
    this.dir = null;
    return readSpool(dir, this.keys, this.count);
  }
}

function readSpool(dir: string, keys: readonly string[], count: number): Iterable<Row> {
  let used = false;
  return {
    *[Symbol.iterator](): Iterator<Row> {
      if (used) throw new Error('spooled upload rows can be read once');
      used = true;
      const fd = fs.openSync(path.join(dir, 'rows.bin'), 'r');
      try {
        let buf = Buffer.allocUnsafe(BLOCK);
        let start = 0;
        let end = 0;
        /** Ensures `n` unread bytes are in `buf` from `start`. */
        const need = (n: number): void => {
          if (end - start >= n) return;
          if (n > buf.length) {
            const bigger = Buffer.allocUnsafe(n);
            buf.copy(bigger, 0, start, end);
            buf = bigger;
          } else {
            buf.copy(buf, 0, start, end);
          }
          end -= start;
          start = 0;
          while (end < n) {
            const got = fs.readSync(fd, buf, end, buf.length - end, null);
            if (got === 0) throw new Error('the upload spool file ended early');
            end += got;
          }
        };
        for (let r = 0; r < count; r++) {
          const row: Row = {};
          for (let k = 0; k < keys.length; k++) {
            need(1);
            const tag = buf[start++];
            let v: string | number | null = null;
            if (tag === NUMBER) {
              need(8);
              v = buf.readDoubleLE(start);
              start += 8;
            } else if (tag === STRING) {
              need(4);
              const n = buf.readUInt32LE(start);
              start += 4;
              need(n);
              v = buf.toString('utf8', start, start + n);
              start += n;
            }
            row[keys[k] as string] = v;
          }
          yield row;
        }
      } finally {
        fs.closeSync(fd);
        removeDir(dir);
      }
    },
  };
}
