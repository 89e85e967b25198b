/**
 * Where accepted rows wait until the caller stores them: in memory for ordinary files, and in a
 * temporary JSON-lines file beyond a threshold, so a million-row upload keeps memory bounded.
 * The spooled rows are read back synchronously, because the store consumes them inside one
 * synchronous transaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Row } from '../store/types';

const live = new Set<string>();
let exitHook = false;

function removeDir(dir: string): void {
  live.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

export class RowSink {
  private mem: Row[] = [];
  private dir: string | null = null;
  private fd: number | null = null;
  private pending: string[] = [];
  private pendingChars = 0;
  count = 0;

  constructor(private readonly memoryLimit = 5000) {}

  push(row: Row): void {
    this.count++;
    if (this.dir === null) {
      this.mem.push(row);
      if (this.mem.length > this.memoryLimit) this.spill();
      return;
    }
    const line = JSON.stringify(row);
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars > 1 << 18) this.flush();
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
    this.fd = fs.openSync(path.join(this.dir, 'rows.jsonl'), 'w');
    for (const r of this.mem) this.pending.push(JSON.stringify(r));
    this.mem = [];
    this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    fs.writeSync(this.fd, this.pending.join('\n') + '\n');
    this.pending = [];
    this.pendingChars = 0;
  }

  /** Throws the rows away (the upload was refused). */
  discard(): void {
    this.mem = [];
    this.pending = [];
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
    return readSpool(dir);
  }
}

function readSpool(dir: string): Iterable<Row> {
  let used = false;
  return {
    *[Symbol.iterator](): Iterator<Row> {
      if (used) throw new Error('spooled upload rows can be read once');
      used = true;
      const fd = fs.openSync(path.join(dir, 'rows.jsonl'), 'r');
      try {
        const buf = Buffer.allocUnsafe(1 << 18);
        const decoder = new StringDecoder('utf8');
        let carry = '';
        for (;;) {
          const n = fs.readSync(fd, buf, 0, buf.length, null);
          if (n === 0) break;
          const text = carry + decoder.write(buf.subarray(0, n));
          let start = 0;
          for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
            yield JSON.parse(text.slice(start, nl)) as Row;
            start = nl + 1;
          }
          carry = text.slice(start);
        }
      } finally {
        fs.closeSync(fd);
        removeDir(dir);
      }
    },
  };
}
