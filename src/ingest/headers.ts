/**
 * Header row → what each column means: its canonical field, the unit written in the header
 * (`CapEx (USD bn)`, `capex_usd_m`, `매출액(억원)`), or "kept as text" when not recognised.
 */
import type { DatasetKind } from '../store/types';
import { aliasesOf, fieldsOf, MODEL_ALIASES, COMPANY_ALIASES, normaliseKey, type FieldDef, type FieldType } from './fields';

/** What the header says about a column's unit. */
export interface HeaderUnit {
  scale: number | null;
  scaleWord: string | null;
  currency: string | null;
  percent: boolean;
}

/** One source column, resolved. */
export interface ColumnSpec {
  index: number;
  /** Header as written (trimmed). */
  source: string;
  /** Output key: canonical field, `score_*`, or a slug for text kept as written; null when ignored. */
  key: string | null;
  type: FieldType;
  def: FieldDef | null;
  /** Magnitude of one written unit, from the header or the alias (null: not said by the header). */
  headerScale: number | null;
  headerUnitText: string | null;
  currency: string | null;
  percent: boolean;
  /** Description for the mapping table, completed once the upload unit is known. */
  aliasUnit: string | null;
}

const SCALE_WORDS: Record<string, [number, string]> = {
  k: [1e3, 'thousands'],
  thousand: [1e3, 'thousands'],
  thousands: [1e3, 'thousands'],
  '000s': [1e3, 'thousands'],
  m: [1e6, 'millions'],
  mm: [1e6, 'millions'],
  mn: [1e6, 'millions'],
  mil: [1e6, 'millions'],
  million: [1e6, 'millions'],
  millions: [1e6, 'millions'],
  b: [1e9, 'billions'],
  bn: [1e9, 'billions'],
  billion: [1e9, 'billions'],
  billions: [1e9, 'billions'],
  t: [1e12, 'trillions'],
  tn: [1e12, 'trillions'],
  trillion: [1e12, 'trillions'],
  trillions: [1e12, 'trillions'],
  units: [1, 'units'],
  천: [1e3, '천 (10^3)'],
  만: [1e4, '만 (10^4)'],
  백만: [1e6, '백만 (10^6)'],
  억: [1e8, '억 (10^8)'],
  십억: [1e9, '십억 (10^9)'],
  조: [1e12, '조 (10^12)'],
};
const CURRENCY_WORDS: Record<string, string> = { usd: 'USD', $: 'USD', us$: 'USD', krw: 'KRW', '₩': 'KRW', 원: 'KRW', eur: 'EUR', '€': 'EUR' };
const PERCENT_WORDS = new Set(['%', 'pct', 'percent', '퍼센트']);
const FILLER_WORDS = new Set(['in', 'of', '단위', 'unit']);

function tokens(header: string): string[] {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/([$₩€%])/g, ' $1 ')
    .split(/[^\p{L}\p{N}$₩€%]+/u)
    .flatMap((t) => {
      // `억원`, `백만원`: a Korean magnitude glued to the currency word.
      const m = /^(천|만|백만|억|십억|조)원$/.exec(t);
      return m && m[1] ? [m[1], '원'] : [t];
    })
    .filter((t) => t !== '');
}

/** Splits trailing unit words off a header: `capex_usd_bn` → base `capex`, 10^9, USD. */
export function splitHeaderUnit(header: string): { base: string; unit: HeaderUnit } {
  const toks = tokens(header);
  const unit: HeaderUnit = { scale: null, scaleWord: null, currency: null, percent: false };
  while (toks.length > 1) {
    const last = toks[toks.length - 1] as string;
    const scale = SCALE_WORDS[last];
    if (scale && unit.scale === null) {
      unit.scale = scale[0];
      unit.scaleWord = scale[1];
    } else if (CURRENCY_WORDS[last] && unit.currency === null) {
      unit.currency = CURRENCY_WORDS[last] ?? null;
    } else if (PERCENT_WORDS.has(last)) {
      unit.percent = true;
    } else if (!FILLER_WORDS.has(last)) {
      break;
    }
    toks.pop();
  }
  return { base: toks.join(''), unit };
}

/** A column key for text kept as written: lower case, words joined by `_`. */
export function slug(header: string): string {
  const s = header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return s === '' ? 'column' : s;
}

/** Which canonical fields a header row names for a kind (used to guess the kind). */
export function recognisedFields(headers: readonly string[], kind: DatasetKind): Set<string> {
  const out = new Set<string>();
  for (const h of headers) {
    const spec = resolveHeader(h, 0, kind);
    if (spec.def) out.add(spec.def.field);
  }
  return out;
}

/** Resolves one header cell for a kind. */
export function resolveHeader(header: string, index: number, kind: DatasetKind): ColumnSpec {
  const source = header.trim();
  const base: ColumnSpec = {
    index,
    source,
    key: null,
    type: 'text',
    def: null,
    headerScale: null,
    headerUnitText: null,
    currency: null,
    percent: false,
    aliasUnit: null,
  };
  if (source === '') return base;
  const table = aliasesOf(kind);
  const defs = fieldsOf(kind);
  const full = table.get(normaliseKey(source));
  const split = full ? null : splitHeaderUnit(source);
  const alias = full ?? (split ? table.get(split.base) : undefined);
  if (alias) {
    const d = defs.find((f) => f.field === alias.field) ?? null;
    if (d) {
      const unit = split?.unit;
      const headerScale = unit?.scale ?? alias.sourceScale ?? null;
      const words = unit ? [unit.currency, unit.scaleWord].filter((x): x is string => x !== null).join(' ') : '';
      return {
        ...base,
        key: d.field,
        type: d.type,
        def: d,
        headerScale,
        headerUnitText: words !== '' ? `${words} (from header)` : null,
        currency: unit?.currency ?? null,
        percent: unit?.percent ?? false,
        aliasUnit: alias.unit ?? null,
      };
    }
  }
  const key = normaliseKey(source);
  if (kind === 'models' && key.startsWith('score')) {
    return { ...base, key: slug(source), type: 'number' };
  }
  return { ...base, key: slug(source), type: 'text' };
}

/** True when a header row looks like a models file rather than company financials. */
export function looksLikeModels(headers: readonly string[]): boolean {
  let model = 0;
  let company = 0;
  for (const h of headers) {
    const k = normaliseKey(h);
    if (MODEL_ALIASES.has(k)) model++;
    if (COMPANY_ALIASES.has(k) || COMPANY_ALIASES.has(splitHeaderUnit(h).base)) company++;
  }
  const m = recognisedFields(headers, 'models');
  const c = recognisedFields(headers, 'company');
  if (m.has('model') && !(c.has('company') && c.has('capex'))) return true;
  if (c.has('company') || c.has('capex')) return false;
  return model > company;
}
