/**
 * The one place where text becomes a number. Every upload value goes through `parseNumber`,
 * never through `parseFloat` (which reads `12abc` as 12).
 */

/** How a file writes decimals: `1,234.5` (dot) or `1.234,5` (comma, semicolon-separated files). */
export type DecimalStyle = 'dot' | 'comma';

/** A parsed number and how it was written. */
export interface ParsedNumber {
  value: number;
  /** The value carried its own magnitude (`45.2bn`, `450M`, `53조`): header and upload units do not apply. */
  explicitScale: boolean;
  /** Written as a percentage (`12%`): already divided by 100. */
  percent: boolean;
}

const MISSING = new Set(['', 'n/a', 'na', 'n.a.', 'n.a', '-', '--', '—', '–', 'null', 'none', '#n/a', 'nan']);

/** Spellings of "no value": empty, `n/a`, `NA`, `-`, `—` (and a few cousins). Input is trimmed. */
export function isMissing(trimmed: string): boolean {
  return trimmed.length <= 5 && MISSING.has(trimmed.toLowerCase());
}

const SUFFIX: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mil: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
  trillions: 1e12,
  천: 1e3,
  만: 1e4,
  백만: 1e6,
  억: 1e8,
  십억: 1e9,
  조: 1e12,
};

const PLAIN_DOT = /^-?\d+(?:\.\d+)?$/;
const PLAIN_COMMA = /^-?\d+(?:,\d+)?$/;
const CORE_DOT = /^(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const CORE_COMMA = /^(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)?(?:,\d+)?(?:[eE][+-]?\d+)?$/;
const CURRENCY_PREFIX = /^(?:US\$|USD|KRW|EUR|[$€₩£¥￦])\s*/i;
const CURRENCY_SUFFIX = /\s*(?:USD|KRW|EUR|원|[$€₩£¥￦])$/i;
const SUFFIX_RE = /^(.*?\d\.?)\s*(%|[a-zA-Z]+|천|만|백만|억|십억|조)$/;
const KOREAN = /[조억만]/;
const KOREAN_RE = /^(?:([\d.,]+)\s*조)?\s*(?:([\d.,]+)\s*억)?\s*(?:([\d.,]+)\s*만)?\s*([\d.,]+)?$/;

/** Reads the digits of a number (no sign, no suffix) in the file's decimal style, or NaN. */
function core(text: string, decimal: DecimalStyle): number {
  if (text === '' || !/\d/.test(text)) return NaN;
  if (decimal === 'dot') {
    if (!CORE_DOT.test(text)) return NaN;
    return Number(text.replace(/[, \u00a0\u202f]/g, ''));
  }
  if (CORE_COMMA.test(text)) return Number(text.replace(/[. \u00a0\u202f]/g, '').replace(',', '.'));
  // In a decimal-comma file `1.5` is still one and a half: a dot not followed by a group of three.
  if (/^\d+\.\d+(?:[eE][+-]?\d+)?$/.test(text)) return Number(text);
  return NaN;
}

/**
 * Parses one trimmed, non-missing cell: `1,234.5`, `$52.5B`, `45.2bn`, `(1,200)`, `-1,200`, `12%`,
 * `1.2e9`, `₩`/`$`/`€` signs, `53조 1,139억`, and `1.234,5` when `decimal` is 'comma'.
 * Returns null when the text is not a number.
 * @example parseNumber('$52.5B', 'dot') // { value: 52.5e9, explicitScale: true, percent: false }
 */
export function parseNumber(text: string, decimal: DecimalStyle): ParsedNumber | null {
  if (decimal === 'dot' ? PLAIN_DOT.test(text) : PLAIN_COMMA.test(text)) {
    return { value: Number(decimal === 'dot' ? text : text.replace(',', '.')), explicitScale: false, percent: false };
  }
  let s = text;
  let negative = false;
  const unwrap = (): void => {
    if (s.startsWith('(') && s.endsWith(')')) {
      negative = !negative;
      s = s.slice(1, -1).trim();
    }
    const c = s.charAt(0);
    if (c === '-' || c === '−' || c === '+') {
      if (c !== '+') negative = !negative;
      s = s.slice(1).trim();
    }
  };
  unwrap();
  const before = s;
  s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  if (s !== before) unwrap();
  if (s === '') return null;

  let value: number;
  let explicitScale = false;
  let percent = false;
  if (KOREAN.test(s)) {
    const m = KOREAN_RE.exec(s);
    if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
    value = 0;
    const units = [1e12, 1e8, 1e4, 1];
    for (let i = 0; i < 4; i++) {
      const part = m[i + 1];
      if (part === undefined) continue;
      const n = core(part, 'dot');
      if (Number.isNaN(n)) return null;
      value += n * (units[i] ?? 1);
    }
    explicitScale = true;
  } else {
    const m = SUFFIX_RE.exec(s);
    let digits = s;
    if (m && m[1] !== undefined && m[2] !== undefined) {
      const suffix = m[2];
      if (suffix === '%') {
        percent = true;
      } else {
        const mult = SUFFIX[suffix.toLowerCase()];
        if (mult === undefined) return null;
        explicitScale = true;
        digits = m[1];
        value = core(digits.trim(), decimal);
        if (Number.isNaN(value)) return null;
        value *= mult;
        return finish(value, negative, explicitScale, percent);
      }
      digits = m[1];
    }
    value = core(digits.trim(), decimal);
    if (Number.isNaN(value)) return null;
    if (percent) value /= 100;
  }
  return finish(value, negative, explicitScale, percent);
}

function finish(value: number, negative: boolean, explicitScale: boolean, percent: boolean): ParsedNumber | null {
  if (!Number.isFinite(value)) return null;
  return { value: negative ? -value : value, explicitScale, percent };
}

/** A fiscal year, optionally with a quarter. */
export interface Period {
  year: number;
  quarter: number | null;
}

const YEAR_RE = /^(?:FY\s*'?)?(\d{4})(?:\.0+)?(?:년)?$/i;
const FY2_RE = /^FY\s*'?(\d{2})$/i;
const YQ_RE = /^(?:FY\s*)?(\d{4})\s*[-/ ]?\s*Q([1-4])$/i;
const QY_RE = /^Q([1-4])\s*[-/ ]?\s*(?:FY\s*)?(\d{4})$/i;
const KQ_RE = /^(\d{4})\s*년?\s*([1-4])\s*분기$/;

/**
 * Reads `2024`, `FY2024`, `FY24`, `2024년`, and quarters `2024Q3`, `2024-Q3`, `Q3 2024`, `2024년 3분기`.
 * Years outside 1900–2200 are refused (null).
 * @example parsePeriod('2024-Q3') // { year: 2024, quarter: 3 }
 */
export function parsePeriod(text: string): Period | null {
  let year: number;
  let quarter: number | null = null;
  let m = YEAR_RE.exec(text);
  if (m) year = Number(m[1]);
  else if ((m = FY2_RE.exec(text))) year = 2000 + Number(m[1]);
  else if ((m = YQ_RE.exec(text)) || (m = KQ_RE.exec(text))) {
    year = Number(m[1]);
    quarter = Number(m[2]);
  } else if ((m = QY_RE.exec(text))) {
    year = Number(m[2]);
    quarter = Number(m[1]);
  } else return null;
  if (year < 1900 || year > 2200) return null;
  return { year, quarter };
}
