/**
 * Korean and English: messages live in locales/<lang>.json (i18next's JSON format, with its plural
 * suffixes `_one` / `_other`; Korean has only `_other`). Locale text is ours and may hold simple
 * markup; values interpolated into it are HTML-escaped, so `t` output is safe to insert as is.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';
import { ROOT } from '../../config';
import type { Lang } from '../../report/number-text';

export type { Lang } from '../../report/number-text';
export const LANGS: readonly Lang[] = ['en', 'ko'];

type Messages = Record<string, unknown>;

let instance: i18n | null = null;

/** The locale files as loaded (for tests that compare their keys). */
export function messages(lang: Lang): Messages {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', `${lang}.json`), 'utf8')) as Messages;
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

/** True when the message exists in that language's file (no fallback). */
export function hasMessage(lang: Lang, key: string, vars: Record<string, unknown> = {}): boolean {
  return translator().exists(key, { ...vars, lng: lang, fallbackLng: false });
}

/** Picks a supported language from a query value, a cookie or an Accept-Language choice. */
export function asLang(v: unknown): Lang | null {
  return v === 'ko' || v === 'en' ? v : null;
}
