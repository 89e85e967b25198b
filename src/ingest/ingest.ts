/**
 * bytes → decoded text → CSV records → validated canonical rows, or a list of problems.
 * Push-based and synchronous per chunk, so a stream of any size passes through with bounded
 * memory: the decoder and csv-parse keep only a partial record, duplicates are remembered as
 * hashes, and accepted rows spill to a temporary file beyond a threshold.
 */
import { isUtf8 } from 'node:buffer';
import { Parser } from 'csv-parse';
import { Utf16Decoder } from './utf16';
import iconv from 'iconv-lite';
import type { ColumnMapping, DatasetKind, Row } from '../store/types';
import { completeUtf8Length, detectEncoding, encodingLabel, firstInvalidUtf8, notTextReason, type Encoding } from './decode';
import { normaliseKey, REQUIRED, type FieldDef } from './fields';
import { looksLikeModels, recognisedFields, resolveHeader, type ColumnSpec } from './headers';
import { KeyHasher, KeyTable } from './keytable';
import { isMissing, parseNumber, parsePeriod, type DecimalStyle } from './numbers';
import { mixNumber, mixString, Problems } from './problems';
import { QuarterRollUp } from './rollup';
import { costNote } from './cost-note';
import { fiscalYearEndOfQuarter, monthDayText, parseFiscalYearEnd, parseQuarter } from './fiscal-year-end';
import { sepLine, sniffDecimal, sniffDelimiter } from './sniff';
import { RowSink } from './spool';
import { UNIT_SCALE, UNIT_WORD, unitCurrency, type IngestOptions, type IngestResult } from './types';
import type { WarningMessage } from '../store/types';

/** Figures that make a company row worth keeping without capex (financials of a year whose capex is on another row). */
const FINANCIAL_FIELDS = ['revenue', 'ai_revenue', 'operating_income', 'net_income', 'depreciation', 'shares_outstanding', 'share_price', 'market_cap'] as const;

const SNIFF_BYTES = 64 * 1024;
const PLAIN = /^-?\d+(?:\.\d+)?$/;
/** Title and note lines above the header that are looked through before giving up on a header. */
const PREAMBLE_MAX = 10;
const UNIT_LINE_KO = /단위\s*[:：]?\s*(?:KRW|USD|\$|₩)?\s*(천|만|백만|억|십억|조)?\s*(원|달러|USD|KRW)/i;
const UNIT_LINE_EN = /\b(?:in|units?\s*[:：]?)\s*(?:(USD|KRW|EUR|US\$|\$|€|₩)\s*)?(thousands|millions|billions|trillions)\b/i;
const KO_SCALE: Record<string, [number, string]> = {
  천: [1e3, '천 (10^3)'],
  만: [1e4, '만 (10^4)'],
  백만: [1e6, '백만 (10^6)'],
  억: [1e8, '억 (10^8)'],
  십억: [1e9, '십억 (10^9)'],
  조: [1e12, '조 (10^12)'],
};
const EN_SCALE: Record<string, number> = { thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12 };
const CURRENCY_WORD: Record<string, string> = { 원: 'KRW', krw: 'KRW', '₩': 'KRW', 달러: 'USD', usd: 'USD', $: 'USD', us$: 'USD', eur: 'EUR', '€': 'EUR' };

/** The part of csv-parse's Parser that parses synchronously (what its sync API uses inside). */
interface CsvApi {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): (Error & { code?: string; column?: number }) | undefined;
  info: { bytes: number };
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

const SCALE_WORD: Record<number, string> = { 1: 'units', 1e3: 'thousands', 1e6: 'millions', 1e8: '억 (10^8)', 1e9: 'billions' };

/** Multiplies without leaving float dust: 23.886 × 10^9 is 23,886,000,000, not …999.996. */
function scaled(v: number, factor: number): number {
  return factor === 1 ? v : Number((v * factor).toPrecision(15));
}

/** In `u` mode a well-formed pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export class Ingestor {
  private readonly problems = new Problems();
  private readonly warnings: string[] = [];
  private readonly warningMessages: (WarningMessage | null)[] = [];
  private stopped = false;

  // Decoding
  private head: Buffer[] = [];
  private headLength = 0;
  private encoding: Encoding | null = null;
  private decoder: { write(b: Buffer): string; end(): string | undefined } | null = null;
  private carry: Buffer | null = null;
  private bomToSkip = 0;

  // Parsing and line counting
  private api: CsvApi | null = null;
  private delimiter = ',';
  private skipSepLine = false;
  private decimal: DecimalStyle = 'dot';
  private fed: { start: number; buf: Buffer }[] = [];
  private fedBytes = 0;
  private countedTo = 0;
  private linesBefore = 0;

  // Records
  private specs: ColumnSpec[] | null = null;
  private headerWidth = 0;
  private kind: DatasetKind = 'company';
  private readonly sink = new RowSink();
  private readonly seen = new KeyTable();
  private readonly hasher = new KeyHasher();
  private rollUp: QuarterRollUp | null = null;
  private exactDuplicates = 0;
  private firstExactDuplicateLine = 0;
  private dataRows = 0;
  private noCostRoute = 0;
  private yearSpec: ColumnSpec | null = null;
  private periodSpec: ColumnSpec | null = null;
  private companySpec: ColumnSpec | null = null;
  private basisSpec: ColumnSpec | null = null;
  private fyeSpec: ColumnSpec | null = null;
  private fileCurrency: string | null = null;
  private readonly uploadScale: number;
  private preamble: { record: string[]; line: number }[] | null = null;
  /** A unit line above the header (`(단위: 억원)`, `USD in millions`): scales bare money like a header unit. */
  private fileScale: number | null = null;
  private fileScaleWord: string | null = null;

  constructor(private readonly opts: IngestOptions = {}) {
    this.uploadScale = UNIT_SCALE[opts.unit ?? 'units'];
  }

  /** Feeds the next bytes; returns false once the file is refused and further bytes are ignored. */
  push(chunk: Uint8Array): boolean {
    if (this.stopped) return false;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.encoding === null) {
      this.head.push(buf);
      this.headLength += buf.length;
      if (this.headLength >= SNIFF_BYTES) this.start(false);
      return !this.stopped;
    }
    this.decodeAndParse(buf, false);
    return !this.stopped;
  }

  /** Data rows read so far (the header and lines above it not counted), for progress reports. */
  get rowsRead(): number {
    return this.dataRows;
  }

  /** Ends the input and returns the verdict. */
  finish(): IngestResult {
    if (!this.stopped && this.encoding === null) this.start(true);
    if (!this.stopped) this.decodeAndParse(null, true);
    if (!this.stopped && this.api) this.feed(undefined, true);
    if (!this.stopped) this.conclude();
    if (this.problems.count > 0) {
      this.sink.discard();
      return { ok: false, problems: this.problems.list, problemCount: this.problems.count };
    }
    return {
      ok: true,
      kind: this.kind,
      rows: this.sink.finish(),
      rowCount: this.sink.count,
      columns: this.mapping(),
      warnings: this.warnings,
      warningMessages: this.warningMessages,
    };
  }

  /**
   * A warning: its English text, and the key and values of the same message in other languages
   * (locales/<lang>/ingest.json, read as `ingest.<key>`; English is the text written here).
   */
  private warn(text: string, key: string, vars: Record<string, string | number> = {}): void {
    this.warnings.push(text);
    this.warningMessages.push({ key: `ingest.${key}`, vars });
  }

  private stop(): void {
    this.stopped = true;
  }

  // ---- decoding ------------------------------------------------------------------------------

  private start(final: boolean): void {
    const head = Buffer.concat(this.head, this.headLength);
    this.head = [];
    if (head.length === 0) {
      this.problems.add('empty_file', null, null, null, 'The file is empty: upload a CSV file with a header row and at least one data row.');
      return this.stop();
    }
    const detected = detectEncoding(head, final);
    if (detected.encoding !== 'utf16le' && detected.encoding !== 'utf16be') {
      const reason = notTextReason(head);
      if (reason) {
        this.problems.add('not_text', null, null, null, reason);
        return this.stop();
      }
    }
    this.encoding = detected.encoding;
    this.bomToSkip = detected.bomLength;
    if (this.encoding !== 'utf8') {
      // UTF-16 by our own decoder, which keeps a lone surrogate for the check below (iconv writes U+FFFD).
      this.decoder =
        this.encoding === 'utf16le' || this.encoding === 'utf16be'
          ? new Utf16Decoder(this.encoding === 'utf16be')
          : iconv.getDecoder(this.encoding === 'win1252' ? 'win1252' : 'cp949');
      this.warn(`The file was read as ${encodingLabel(this.encoding)} text.`, `encoding.${this.encoding}`);
    }
    const sample =
      this.encoding === 'utf8'
        ? head.toString('utf8', detected.bomLength, detected.bomLength + completeUtf8Length(head.subarray(detected.bomLength)))
        : iconv.decode(head.subarray(detected.bomLength), this.encoding === 'utf16be' ? 'utf16-be' : this.encoding === 'cp949' ? 'cp949' : this.encoding === 'win1252' ? 'win1252' : 'utf16le');
    if (final && sample.trim() === '') {
      this.problems.add('empty_file', null, null, null, 'The file has no text: upload a CSV file with a header row and at least one data row.');
      return this.stop();
    }
    const sep = sepLine(sample);
    const body = sep ? sample.slice(sep.length) : sample;
    const sniffed = sniffDelimiter(body);
    this.delimiter = sep ? sep.delimiter : sniffed;
    const expected = this.opts.expectedBytes;
    if (expected !== undefined && expected > head.length && this.opts.kind !== 'models') {
      // Rows in the whole file ≈ its size × the records per byte of the first 64 KB, plus a margin.
      const perByte = (sample.split('\n').length - 1) / Math.max(1, Buffer.byteLength(sample));
      this.seen.reserve(Math.ceil(expected * perByte * 1.1));
    }
    this.skipSepLine = sep !== null;
    this.decimal = sniffDecimal(body, sniffed);
    if (this.decimal === 'comma') {
      const separator = sniffed === ';' ? 'semicolon' : 'tab';
      this.warn(`Numbers were read with decimal commas (1.234,5 = 1234.5), as the file is ${separator}-separated and writes them so.`, `decimalComma.${separator}`);
    }
    const parser = new Parser({
      delimiter: this.delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      bom: false,
      encoding: 'utf8',
    });
    this.api = (parser as unknown as { api: CsvApi }).api;
    this.decodeAndParse(head, final);
  }

  private decodeAndParse(chunk: Buffer | null, final: boolean): void {
    if (this.encoding === 'utf8') return this.utf8(chunk, final);
    if (!this.decoder) return;
    let text = chunk ? this.decoder.write(this.skipBom(chunk)) : this.decoder.end() ?? '';
    if (text.length === 0) return;
    const lone = LONE_SURROGATE.exec(text);
    if (lone) {
      const before = Buffer.from(text.slice(0, lone.index), 'utf8');
      const unit = text.charCodeAt(lone.index).toString(16).toUpperCase();
      this.problems.add('bad_encoding', this.lineAt(before, before.length), null, `U+${unit}`, 'The file is UTF-16, but here is half of a character pair (a lone surrogate): the file is damaged. Save it again as CSV UTF-8.');
      return this.stop();
    }
    const nul = text.indexOf('\u0000');
    if (nul !== -1) {
      text = text.slice(0, nul);
      const before = Buffer.from(text, 'utf8');
      this.problems.add('nul_character', this.lineAt(before, before.length), null, null, 'The text contains a NUL character (byte 0), which no text column may hold: the file is damaged or not a CSV file.');
      return this.stop();
    }
    this.feed(Buffer.from(text, 'utf8'), false);
  }

  private skipBom(chunk: Buffer): Buffer {
    if (this.bomToSkip === 0) return chunk;
    const skip = Math.min(this.bomToSkip, chunk.length);
    this.bomToSkip -= skip;
    return chunk.subarray(skip);
  }

  private utf8(chunk: Buffer | null, final: boolean): void {
    let buf: Buffer;
    if (chunk === null) {
      if (this.carry === null) return;
      buf = this.carry;
    } else {
      const c = this.skipBom(chunk);
      buf = this.carry ? Buffer.concat([this.carry, c]) : c;
    }
    this.carry = null;
    if (!final) {
      const cut = completeUtf8Length(buf);
      if (cut < buf.length) {
        this.carry = Buffer.from(buf.subarray(cut));
        buf = buf.subarray(0, cut);
      }
    }
    const nul = buf.indexOf(0);
    const bad = firstInvalidUtf8Fast(buf);
    if (bad !== -1 && (nul === -1 || bad < nul)) {
      const byte = buf[bad] as number;
      this.problems.add(
        'bad_encoding',
        this.lineAt(buf, bad),
        null,
        `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        'The file mixes encodings: this byte is not UTF-8, although the start of the file is. Save the whole file again as CSV UTF-8.',
      );
      return this.stop();
    }
    if (nul !== -1) {
      this.problems.add('nul_character', this.lineAt(buf, nul), null, null, 'The text contains a NUL character (byte 0), which no text column may hold: the file is damaged or not a CSV file.');
      return this.stop();
    }
    if (buf.length > 0) this.feed(buf, false);
  }

  /** Editor line of a byte offset in a buffer about to be fed. */
  private lineAt(next: Buffer, offset: number): number {
    let n = this.linesBefore;
    for (const f of this.fed) n += countNewlines(f.buf, Math.max(0, this.countedTo - f.start), f.buf.length);
    return 1 + n + countNewlines(next, 0, offset);
  }

  // ---- parsing -------------------------------------------------------------------------------

  private feed(buf: Buffer | undefined, end: boolean): void {
    const api = this.api;
    if (!api || this.stopped) return;
    if (buf) {
      this.fed.push({ start: this.fedBytes, buf });
      this.fedBytes += buf.length;
    }
    const err = api.parse(buf, end, (record) => this.onRecord(record, api.info.bytes), () => undefined);
    if (err) {
      const line = this.recordStartLine();
      const column = typeof err.column === 'number' ? this.headerName(err.column) : null;
      if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
        this.problems.add('unclosed_quote', line, column, null, 'A quoted field starting in this record is never closed: add the closing " (a quote inside a quoted field is written "").');
      } else if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
        this.problems.add('bad_quote', line, column, null, 'A closing quote is followed by other text: a quote inside a quoted field must be doubled ("").');
      } else {
        this.problems.add('bad_csv', line, column, null, `The CSV structure cannot be read here (${err.message}).`);
      }
      return this.stop();
    }
  }

  /** Advances the line count to the end of the record just parsed; returns the line it started on. */
  private advance(endByte: number): number {
    const start = 1 + this.linesBefore;
    let i = 0;
    for (; i < this.fed.length; i++) {
      const f = this.fed[i] as { start: number; buf: Buffer };
      const from = Math.max(0, this.countedTo - f.start);
      const to = Math.min(f.buf.length, endByte - f.start);
      if (to > from) this.linesBefore += countNewlines(f.buf, from, to);
      if (f.start + f.buf.length > endByte) break;
    }
    if (i > 0) this.fed.splice(0, i);
    this.countedTo = endByte;
    return start;
  }

  private recordStartLine(): number {
    return 1 + this.linesBefore;
  }

  private headerName(index: number): string | null {
    const spec = this.specs?.[index];
    return spec ? spec.source : null;
  }

  private onRecord(record: string[], endByte: number): void {
    const line = this.advance(endByte);
    if (this.stopped) return;
    if (this.specs === null) {
      if (record.every((f) => f.trim() === '')) return;
      if (this.skipSepLine) {
        // Excel's `sep=;` line names the separator; the header follows it.
        this.skipSepLine = false;
        return;
      }
      this.headerCandidate(record, line);
      return;
    }
    this.onData(record, line);
  }

  /**
   * The header is the first record that names the required columns; title and note lines above it
   * (as Korean Excel and filing exports write them) are skipped, and a unit line among them is read.
   * Without such a record in the first few, the first one is the header and its problems are told.
   */
  private headerCandidate(record: string[], line: number): void {
    const pre = this.preamble ?? [];
    pre.push({ record, line });
    const at = pre.findIndex((r) => this.completeHeader(r.record));
    if (at === -1 && pre.length < PREAMBLE_MAX) {
      this.preamble = pre;
      return;
    }
    this.adoptHeader(pre, Math.max(at, 0));
  }

  private adoptHeader(pre: { record: string[]; line: number }[], at: number): void {
    this.preamble = null;
    for (let i = 0; i < at; i++) this.readUnitLine((pre[i] as { record: string[] }).record);
    if (at > 0) {
      const unit = this.fileScaleWord ? `; bare amounts are read in ${this.fileCurrency ? this.fileCurrency + ' ' : ''}${this.fileScaleWord} as the line above the header says` : '';
      const line = (pre[at] as { line: number }).line;
      const vars = { line, count: at, unit: `${this.fileCurrency ? this.fileCurrency + ' ' : ''}${this.fileScaleWord ?? ''}` };
      this.warn(`The header is on line ${line}: ${at} line${at === 1 ? '' : 's'} above it (title or notes) ${at === 1 ? 'was' : 'were'} skipped${unit}.`, this.fileScaleWord ? 'headerLineScaled' : 'headerLine', vars);
    }
    this.onHeader((pre[at] as { record: string[] }).record);
    for (let i = at + 1; i < pre.length && !this.stopped; i++) {
      const r = pre[i] as { record: string[]; line: number };
      this.onData(r.record, r.line);
    }
  }

  private completeHeader(record: string[]): boolean {
    const complete = (kind: DatasetKind): boolean => {
      const found = recognisedFields(record, kind);
      return REQUIRED[kind].every((f) => found.has(f) || (f === 'fiscal_year' && found.has('period')) || (f === 'company' && this.opts.company !== undefined));
    };
    return this.opts.kind ? complete(this.opts.kind) : complete('company') || complete('models');
  }

  private readUnitLine(record: string[]): void {
    const text = record.join(' ');
    const ko = UNIT_LINE_KO.exec(text);
    const en = ko ? null : UNIT_LINE_EN.exec(text);
    if (ko) {
      const scale = ko[1] ? KO_SCALE[ko[1]] : undefined;
      this.fileScale = scale ? scale[0] : 1;
      this.fileScaleWord = scale ? scale[1] : 'units';
      this.fileCurrency = CURRENCY_WORD[(ko[2] ?? '').toLowerCase()] ?? this.fileCurrency;
    } else if (en && en[2]) {
      const word = en[2].toLowerCase();
      this.fileScale = EN_SCALE[word] ?? null;
      this.fileScaleWord = this.fileScale === null ? null : word;
      if (en[1]) this.fileCurrency = CURRENCY_WORD[en[1].toLowerCase()] ?? this.fileCurrency;
    }
  }

  private onHeader(record: string[]): void {
    this.headerWidth = record.length;
    while (this.headerWidth > 0 && (record[this.headerWidth - 1] ?? '').trim() === '') this.headerWidth--;
    const headers = record.slice(0, this.headerWidth);
    this.kind = this.opts.kind ?? (looksLikeModels(headers) ? 'models' : 'company');
    const specs = headers.map((h, i) => resolveHeader(h, i, this.kind));
    const used = new Map<string, ColumnSpec>();
    for (const s of specs) {
      if (s.key === null) continue;
      let key = s.key;
      const prior = used.get(key);
      if (prior && s.def) {
        this.problems.add('duplicate_column', 1, s.source, s.source, `Two columns mean "${key}": "${prior.source}" and "${s.source}". Keep one, or rename the other.`);
        continue;
      }
      for (let n = 2; used.has(key); n++) key = `${s.key}_${n}`;
      s.key = key;
      used.set(key, s);
    }
    this.specs = specs;
    this.yearSpec = specs.find((s) => s.type === 'year') ?? null;
    this.periodSpec = specs.find((s) => s.type === 'period') ?? null;
    this.companySpec = specs.find((s) => s.key === 'company') ?? null;
    this.basisSpec = specs.find((s) => s.key === 'basis') ?? null;
    this.fyeSpec = this.kind === 'company' ? specs.find((s) => s.key === 'fiscal_year_end') ?? null : null;
    this.fileCurrency = specs.find((s) => s.currency !== null)?.currency ?? this.fileCurrency;
    const typed = this.opts.company;
    if (typed !== undefined && this.kind !== 'company') {
      this.problems.add('bad_field', null, 'company', typed, 'A company typed on the form fills the rows of a company financials file; this file reads as model costs. Leave the company field empty.');
    } else if (typed !== undefined && this.companySpec) {
      this.problems.add('bad_field', null, 'company', typed, `The file already names companies in its column "${this.companySpec.source}": leave the company field on the form empty, or remove that column.`);
    } else if (typed !== undefined) {
      this.warn(`The file has no company column: every row is "${typed}", as typed on the form.`, 'typedCompany', { company: typed });
    }
    for (const field of REQUIRED[this.kind]) {
      if (field === 'company' && typed !== undefined) continue;
      const present = field === 'fiscal_year' ? this.yearSpec ?? this.periodSpec : specs.find((s) => s.key === field);
      if (!present) {
        this.problems.add('missing_column', 1, field, null, missingColumnMessage(this.kind, field, headers));
      }
    }
    if (this.problems.count > 0) this.stop();
  }

  private onData(record: string[], line: number): void {
    const specs = this.specs as ColumnSpec[];
    let empty = true;
    for (const f of record) {
      if (f.trim() !== '') {
        empty = false;
        break;
      }
    }
    if (empty) return;
    this.dataRows++;
    if (record.length < this.headerWidth) {
      this.problems.add('too_few_fields', line, specs[record.length]?.source ?? null, null, `Expected ${this.headerWidth} fields as in the header, found ${record.length}: is a separator missing, or a quote unbalanced?`);
      return;
    }
    if (record.length > this.headerWidth) {
      for (let i = this.headerWidth; i < record.length; i++) {
        const extra = (record[i] as string).trim();
        if (extra !== '') {
          this.problems.add('too_many_fields', line, null, extra, `Expected ${this.headerWidth} fields as in the header, found ${record.length}: a value with a separator in it must be quoted.`);
          return;
        }
      }
    }
    const row: Row = this.kind === 'company' && this.opts.company !== undefined ? { company: this.opts.company } : {};
    let valueHash = 0x811c9dc5;
    let year: number | null = null;
    let quarter: number | null = null;
    let bad = false;
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i] as ColumnSpec;
      if (spec.key === null) continue;
      const raw = (record[i] as string).trim();
      if (spec.type === 'text') {
        const v = isMissing(raw) ? null : raw;
        row[spec.key] = v;
        valueHash = v === null ? mixNumber(valueHash, 0.5) : mixString(valueHash, v);
        continue;
      }
      if (spec.type === 'year' || spec.type === 'period') {
        if (row.fiscal_year === undefined) row.fiscal_year = null;
        if (isMissing(raw)) continue;
        // A quarter column beside a year column (`year,quarter,capex` with Q3, 3, 3Q or 3분기).
        const q = spec.type === 'period' && this.yearSpec !== null ? parseQuarter(raw) : null;
        if (q !== null) {
          quarter = q;
          continue;
        }
        const p = parsePeriod(raw);
        if (!p) {
          if (spec.type === 'period' && this.yearSpec !== null) {
            this.problems.add('bad_quarter', this.fieldLine(record, i, line), spec.source, raw, `Expected a quarter such as Q3, 3, 3Q or 3분기 (the year is in "${this.yearSpec.source}"), or a period such as 2024Q3.`);
          } else {
            const quarterOnly = parseQuarter(raw) !== null;
            this.problems.add('bad_year', this.fieldLine(record, i, line), spec.source, raw, quarterOnly ? 'A quarter needs its year: write 2024Q3, or add a year column beside the quarter column.' : 'Expected a fiscal year such as 2024 or FY2024, or a quarter such as 2024Q3 or 2024-Q3.');
          }
          bad = true;
          continue;
        }
        if (spec.type === 'year' || year === null) year = p.year;
        if (p.quarter !== null) quarter = p.quarter;
        continue;
      }
      const v = this.number(raw, spec, record, i, line);
      if (v === undefined) {
        bad = true;
        continue;
      }
      row[spec.key] = v;
      valueHash = mixNumber(valueHash, v === null ? 0.5 : v);
    }
    if (bad) return;
    if (this.fyeSpec && typeof row.fiscal_year_end === 'string' && !this.fiscalYearEnd(row, record, line, year, quarter)) return;
    if (this.kind === 'company') this.companyRow(row, record, line, year, quarter, valueHash);
    else this.modelRow(row, line);
  }

  /**
   * Rewrites the row's fiscal_year_end as `MM-DD`; false after reporting a problem. On a quarter
   * row a `period end` column is the quarter's end, so the year's end is (4 − quarter) quarters on.
   */
  private fiscalYearEnd(row: Row, record: string[], line: number, year: number | null, quarter: number | null): boolean {
    const spec = this.fyeSpec as ColumnSpec;
    const raw = row.fiscal_year_end as string;
    const at = this.fieldLine(record, spec.index, line);
    const p = parseFiscalYearEnd(raw);
    if (!p.ok) {
      this.problems.add('bad_date', at, spec.source, raw, `Expected the day a fiscal year ends, such as 2024-06-30, 6/30/2024, June 30, 30 June, 06-30, 6월 30일 or 12월 결산 (${p.reason}).`);
      return false;
    }
    let { month, day } = p;
    let endYear = p.year;
    if (quarter !== null && normaliseKey(spec.source) === 'periodend') {
      const fy = fiscalYearEndOfQuarter(month, day, quarter);
      month = fy.month;
      day = fy.day;
      endYear = endYear === null ? null : endYear + fy.yearShift;
    }
    if (endYear !== null && year !== null && endYear !== year) {
      const yearSource = (this.yearSpec ?? this.periodSpec)?.source ?? 'fiscal_year';
      this.problems.add(
        'fiscal_year_mismatch',
        at,
        spec.source,
        raw,
        `This fiscal year ends in ${endYear}, but "${yearSource}" says ${year}: a fiscal year is named by the calendar year it ends in (Microsoft's FY2025 ends 2025-06-30), so write ${endYear} there or correct the date.`,
      );
      return false;
    }
    row.fiscal_year_end = monthDayText(month, day);
    return true;
  }

  /** A cell as a number in canonical units; null when missing; undefined after reporting a problem. */
  private number(raw: string, spec: ColumnSpec, record: string[], i: number, line: number): number | null | undefined {
    const def = spec.def;
    if (this.decimal === 'dot' && PLAIN.test(raw)) {
      // The common case (a bare number) without building a ParsedNumber: same result as below.
      const v = Number(raw);
      if (spec.type === 'money') return scaled(v, spec.headerScale ?? this.fileScale ?? this.uploadScale);
      if (spec.type === 'rate') return spec.percent ? v / 100 : v;
      const base = def?.baseUnit ?? 1;
      const factor = spec.headerScale ?? base;
      return factor === base ? v : scaled(scaled(v, factor), 1 / base);
    }
    if (isMissing(raw)) return null;
    const p = parseNumber(raw, this.decimal);
    if (!p) {
      this.problems.add('bad_number', this.fieldLine(record, i, line), spec.source, raw, expectedNumber(spec, this.decimal));
      return undefined;
    }
    switch (spec.type) {
      case 'money':
        if (p.percent) {
          this.problems.add('bad_number', this.fieldLine(record, i, line), spec.source, raw, 'Expected an amount of money, not a percentage.');
          return undefined;
        }
        return p.explicitScale ? p.value : scaled(p.value, spec.headerScale ?? this.fileScale ?? this.uploadScale);
      case 'rate':
        if (p.explicitScale) {
          this.problems.add('bad_number', this.fieldLine(record, i, line), spec.source, raw, 'Expected a fraction such as 0.12 or a percentage such as 12%.');
          return undefined;
        }
        return !p.percent && spec.percent ? p.value / 100 : p.value;
      default: {
        const base = def?.baseUnit ?? 1;
        const absolute = p.explicitScale || p.percent ? p.value : scaled(p.value, spec.headerScale ?? base);
        return scaled(absolute, 1 / base);
      }
    }
  }

  private fieldLine(record: string[], index: number, line: number): number {
    let n = line;
    for (let i = 0; i < index; i++) {
      const f = record[i] as string;
      if (f.indexOf('\n') !== -1) n += f.split('\n').length - 1;
    }
    return n;
  }

  private companyRow(row: Row, record: string[], line: number, year: number | null, quarter: number | null, valueHash: number): void {
    const company = row.company;
    if (company === null || company === undefined) {
      this.problems.add('missing_value', line, this.companySpec?.source ?? 'company', null, 'Every row needs a company name.');
      return;
    }
    if (year === null) {
      const spec = this.yearSpec ?? this.periodSpec;
      const raw = spec ? (record[spec.index] ?? '').trim() : '';
      this.problems.add('missing_value', line, spec?.source ?? 'fiscal_year', raw === '' ? null : raw, 'Every row needs a fiscal year such as 2024 or FY2024.');
      return;
    }
    // A row of reported financials may leave capex to another row of its year (guided capex on a
    // row of its own, DESIGN.md "vintages of capacity"); a row with no figures at all may not.
    const financials = row.capex === null || row.capex === undefined ? FINANCIAL_FIELDS.some((f) => row[f] !== null && row[f] !== undefined) : false;
    if ((row.capex === null || row.capex === undefined) && !financials) {
      const spec = this.specs?.find((s) => s.key === 'capex');
      const raw = spec ? (record[spec.index] ?? '').trim() : '';
      this.problems.add('missing_value', line, spec?.source ?? 'capex', raw === '' ? null : raw, 'Every row needs capex (capital expenditure); a missing value cannot be read as zero.');
      return;
    }
    if (row.currency === undefined || row.currency === null) row.currency = this.fileCurrency ?? this.opts.currency ?? unitCurrency(this.opts.unit) ?? 'USD';
    const basis = typeof row.basis === 'string' ? row.basis : 'reported';
    const h = this.hasher;
    h.reset();
    h.string(String(company));
    h.number(year);
    h.number(quarter ?? 0);
    h.string(basis);
    h.finish();
    const prior = this.seen.add(h.h1, h.h2, valueHash >>> 0, line);
    if (prior) {
      if (prior.valueHash === valueHash >>> 0) {
        this.exactDuplicates++;
        if (this.firstExactDuplicateLine === 0) this.firstExactDuplicateLine = line;
        return;
      }
      const when = quarter === null ? String(year) : `${year} Q${quarter}`;
      this.problems.add('duplicate_row', line, (this.yearSpec ?? this.periodSpec)?.source ?? 'fiscal_year', `${company} ${when}`, `${company} ${when} already appears on line ${prior.line} with different values: keep one row per company and year (or give them different basis).`);
      return;
    }
    if (this.problems.count > 0) return;
    if (quarter !== null) {
      if (!this.rollUp) this.rollUp = new QuarterRollUp(this.specs as ColumnSpec[]);
      this.rollUp.add(row, String(company), year, quarter, basis, line);
      return;
    }
    row.fiscal_year = year;
    this.sink.push(row);
  }

  private modelRow(row: Row, line: number): void {
    if (row.model === null || row.model === undefined) {
      const spec = this.specs?.find((s) => s.key === 'model');
      this.problems.add('missing_value', line, spec?.source ?? 'model', null, 'Every row needs a model name.');
      return;
    }
    if (this.problems.count > 0) return;
    const note = costNote(row);
    if (note !== null) this.noCostRoute++;
    if (row.cost_note === undefined || row.cost_note === null) row.cost_note = note;
    this.sink.push(row);
  }

  // ---- the end -------------------------------------------------------------------------------

  private conclude(): void {
    if (this.specs === null && this.preamble !== null) this.adoptHeader(this.preamble, 0);
    if (this.stopped) return;
    if (this.specs === null) {
      this.problems.add('empty_file', null, null, null, 'The file has no header row: upload a CSV file with a header row and at least one data row.');
      return;
    }
    if (this.dataRows === 0) {
      this.problems.add('no_rows', 2, null, null, 'The file has a header but no data rows.');
      return;
    }
    if (this.rollUp && this.problems.count === 0) {
      const r = this.rollUp;
      const h = this.hasher;
      for (const { row, line } of r.years()) {
        h.reset();
        h.string(String(row.company));
        h.number(Number(row.fiscal_year));
        h.number(0);
        h.string(typeof row.basis === 'string' ? row.basis : 'reported');
        h.finish();
        const prior = this.seen.add(h.h1, h.h2, 0, line);
        if (prior) {
          this.problems.add('duplicate_row', line, (this.yearSpec ?? this.periodSpec)?.source ?? 'fiscal_year', `${String(row.company)} ${String(row.fiscal_year)}`, `${String(row.company)} ${String(row.fiscal_year)} has both a yearly row (line ${prior.line}) and quarterly rows: keep one or the other.`);
          continue;
        }
        this.sink.push(row);
      }
      this.warn(r.summary(), 'rollup', { quarterRows: r.quarterRows, years: r.yearCount });
      const partial = r.partialYears();
      if (partial !== null) this.warn(partial.text, partial.more > 0 ? 'partialMore' : 'partial', { items: partial.items, more: partial.more });
    }
    if (this.exactDuplicates > 0) {
      this.warn(`${this.exactDuplicates} row${this.exactDuplicates === 1 ? '' : 's'} repeated an earlier row exactly (first on line ${this.firstExactDuplicateLine}) and ${this.exactDuplicates === 1 ? 'was' : 'were'} skipped.`, 'duplicates', { count: this.exactDuplicates, line: this.firstExactDuplicateLine });
    }
    if (this.kind === 'models' && this.noCostRoute > 0) {
      this.warn(
        `${this.noCostRoute} of ${this.sink.count} models have no usable way to a training cost (no reported cost, no GPU-hours, no FLOPs with training hardware): they are kept, and cost_note says what is missing.`,
        'noCost',
        { count: this.noCostRoute, total: this.sink.count },
      );
    }
    const kept = (this.specs ?? []).filter((s) => s.def === null && s.key !== null && s.type === 'text');
    if (kept.length > 0) {
      const columns = kept.map((s) => s.source).join(', ');
      this.warn(`${kept.length} column${kept.length === 1 ? ' was' : 's were'} not recognised and ${kept.length === 1 ? 'is' : 'are'} kept as text: ${columns}.`, 'unrecognised', { count: kept.length, columns });
    }
    const upload = this.opts.unit && this.opts.unit !== 'units' && this.fileScale === null ? (this.specs ?? []).filter((s) => s.type === 'money' && s.headerScale === null) : [];
    if (upload.length > 0) {
      const columns = upload.map((s) => s.source).join(', ');
      this.warn(`Bare numbers in ${columns} were read as ${UNIT_WORD[this.opts.unit ?? 'units']} (chosen on upload); values with their own suffix (45.2bn, 53조) keep it.`, 'bareUnit', { columns, unit: this.opts.unit ?? 'units' });
    }
  }

  private mapping(): ColumnMapping[] {
    const bare: BareUnit =
      this.fileScale !== null
        ? { scale: this.fileScale, word: this.fileScaleWord ?? 'units', where: 'from the line above the header' }
        : { scale: this.uploadScale, word: this.opts.unit ? UNIT_WORD[this.opts.unit] : 'units', where: this.uploadScale !== 1 ? 'chosen on upload' : 'as written' };
    // A currency column names each row's currency: the amounts are in it, not in one currency for the file.
    const perRow = (this.specs ?? []).some((s) => s.def?.field === 'currency');
    const fallback = this.opts.currency ?? unitCurrency(this.opts.unit) ?? 'USD';
    const currency = this.fileCurrency ?? (perRow ? `the row's currency (its currency column; ${fallback} where empty),` : fallback);
    return (this.specs ?? []).map((s) => describe(s, this.kind, bare, currency));
  }
}

/** Fast path: the native check, then the exact offset only when it fails. */
function firstInvalidUtf8Fast(buf: Buffer): number {
  return isUtf8(buf) ? -1 : firstInvalidUtf8(buf);
}

/** How bare amounts in money columns without a header unit are scaled, and who said so. */
interface BareUnit {
  scale: number;
  word: string;
  where: string;
}

function describe(s: ColumnSpec, kind: DatasetKind, bare: BareUnit, currency: string): ColumnMapping {
  if (s.key === null) return { source: s.source, field: null, unit: 'ignored (no header)' };
  const def: FieldDef | null = s.def;
  if (!def) {
    return s.type === 'number'
      ? { source: s.source, field: s.key, scale: 1, unit: 'number (benchmark score)' }
      : { source: s.source, field: s.key, unit: 'text (not recognised, kept as written)' };
  }
  if (s.aliasUnit) return { source: s.source, field: def.field, scale: (s.headerScale ?? def.baseUnit) / def.baseUnit, unit: s.aliasUnit };
  switch (def.type) {
    case 'text':
      if (def.field === 'fiscal_year_end') return { source: s.source, field: def.field, unit: 'month and day the fiscal year ends, stored as MM-DD' };
      return { source: s.source, field: def.field, unit: 'text' };
    case 'year':
      return { source: s.source, field: def.field, unit: 'fiscal year (quarters roll up to years)' };
    case 'period':
      return { source: s.source, field: 'fiscal_year', unit: 'period: year or quarter (quarters roll up to years)' };
    case 'money': {
      const cur = s.currency ?? (kind === 'models' ? 'USD' : currency);
      if (s.headerScale !== null) return { source: s.source, field: def.field, scale: s.headerScale, unit: `${cur} ${koreanOr(s, s.headerScale)} (from header)` };
      return { source: s.source, field: def.field, scale: bare.scale, unit: `${cur} ${bare.word} (${bare.where})` };
    }
    case 'rate':
      return { source: s.source, field: def.field, scale: s.percent ? 0.01 : 1, unit: s.percent ? 'percent → fraction (from header)' : 'fraction (12% → 0.12)' };
    default: {
      const scale = (s.headerScale ?? def.baseUnit) / def.baseUnit;
      return { source: s.source, field: def.field, scale, unit: s.headerUnitText ? `${def.unitLabel}; ${s.headerUnitText}` : def.unitLabel };
    }
  }
}

function koreanOr(s: ColumnSpec, scale: number): string {
  if (s.headerUnitText) return s.headerUnitText.replace(/ \(from header\)$/, '').replace(/^(USD|KRW|EUR) /, '');
  return SCALE_WORD[scale] ?? `× ${scale}`;
}

function expectedNumber(spec: ColumnSpec, decimal: DecimalStyle): string {
  const example = decimal === 'comma' ? '1.234,5' : '1,234.5';
  switch (spec.type) {
    case 'money':
      return `Expected an amount such as ${example}, $52.5B, 450M, (1,200) or 53조 1,139억.`;
    case 'rate':
      return 'Expected a fraction such as 0.12 or a percentage such as 12%.';
    default:
      return `Expected a number such as ${example}, 1.2e9 or 750K.`;
  }
}

function missingColumnMessage(kind: DatasetKind, field: string, headers: readonly string[]): string {
  const examples: Record<string, string> = {
    company: 'company, 회사, 회사명 or 기업명',
    fiscal_year: 'fiscal_year, year, FY, 연도, 회계연도, 사업연도, or period (2024Q3)',
    capex: 'capex, capital_expenditure, purchases of property and equipment, 설비투자 or 자본적지출',
    model: 'model, Model or System',
  };
  const what = kind === 'company' ? 'company financials' : 'model costs';
  return `Required column "${field}" was not found among ${headers.length} headers; a ${what} file needs a column named ${examples[field] ?? field}.`;
}
