/**
 * Korean and English, for pages (web) and for the text report builders write (titles, notes,
 * summaries, chart labels). Messages live in locales/<lang>.json and in locales/<lang>/<ns>.json,
 * whose keys sit under `<ns>.` (one file per report, so each page's messages stay together).
 * i18next's JSON format, with its plural suffixes `_one` / `_other`; Korean has only `_other`.
 * Locale text is ours and may hold simple markup; values interpolated into it are HTML-escaped, so
 * `translate` output is safe to insert into HTML as is. Text bound for CSV, JSON or chart labels
 * uses `plain` (no escaping).
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** The project root (this file is src/i18n/index.ts, or dist/i18n/index.js once built). */
const ROOT = path.resolve(__dirname, '..', '..');

type Messages = Record<string, unknown>;

let instance: i18n | null = null;

/** The locale files of one language as loaded and merged (for tests that compare their keys). */
export function messages(lang: Lang): Messages {
  const dir = path.join(ROOT, 'locales');
  const merged = JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Messages;
  const nsDir = path.join(dir, lang);
  const files = fs.existsSync(nsDir) ? fs.readdirSync(nsDir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const f of files) {
    const ns = path.basename(f, '.json');
    if (ns in merged) throw new Error(`locales/${lang}/${f}: the key "${ns}" is already in locales/${lang}.json`);
    merged[ns] = JSON.parse(fs.readFileSync(path.join(nsDir, f), 'utf8')) as Messages;
  }
  return merged;
}

function translator(): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGS],
    initAsync: false,
    resources: { en: { translation: messages('en') }, ko: { translation: messages('ko') } },
    interpolation: { escapeValue: true },
    returnNull: false,
    showSupportNotice: false,
  });
  instance = created;
  return created;
}

/**
 * A message in `lang` with `vars` interpolated (HTML-escaped); `count` picks the plural form.
 * A missing key falls back to English, then to the key itself (tests list every key used).
 * @example translate('ko', 'nav.datasets') // '데이터'
 * @example translate('en', 'datasets.rows', { count: 1 }) // '1 row'
 */
export function translate(lang: Lang, key: string, vars: Record<string, unknown> = {}): string {
  return translator().t(key, { ...vars, lng: lang });
}

/**
 * A message as plain text, values not escaped: for CSV cells, JSON, chart titles and axis labels,
 * and report text that a view escapes itself (`{{title}}`). Locale text for these keys holds no markup.
 * @example plain('ko', 'company.chart.capex') // '연도별 설비투자'
 */
export function plain(lang: Lang, key: string, vars: Record<string, unknown> = {}): string {
  return translator().t(key, { ...vars, lng: lang, interpolation: { escapeValue: false } });
}

/** `plain` bound to one language, for builders that write many messages. */
export function textIn(lang: Lang): (key: string, vars?: Record<string, unknown>) => string {
  return (key, vars = {}) => plain(lang, key, vars);
}

/** True when the message exists in that language's file (no fallback). */
export function hasMessage(lang: Lang, key: string, vars: Record<string, unknown> = {}): boolean {
  return translator().exists(key, { ...vars, lng: lang, fallbackLng: false });
}

/** Picks a supported language from a query value, a cookie or an Accept-Language choice. */
export function asLang(v: unknown): Lang | null {
  return v === 'ko' || v === 'en' ? v : null;
}
