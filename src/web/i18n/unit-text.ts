import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../config';
import type { Lang } from '../../i18n';

/**
 * Column units ("USD billions (from header)", "fraction (12% → 0.12)") in the reader's language.
 * Ingest writes them in English from a small vocabulary and stores them with the dataset, so they
 * are put into other languages phrase by phrase (locales/phrases/<lang>.json, longest phrase
 * first, whole words only). A phrase not in the list stays as written. This is for unit labels
 * only: sentences have messages of their own.
 */
type Phrasebook = { re: RegExp; to: string }[];
const books = new Map<Lang, Phrasebook | null>();

function phrasebook(lang: Lang): Phrasebook | null {
  if (books.has(lang)) return books.get(lang) ?? null;
  const file = path.join(ROOT, 'locales', 'phrases', `${lang}.json`);
  const entries = fs.existsSync(file) ? Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : [];
  const book = entries.length
    ? entries
        .sort((a, b) => b[0].length - a[0].length)
        .map(([from, to]) => ({ re: new RegExp(`(?<![A-Za-z])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`, 'g'), to }))
    : null;
  books.set(lang, book);
  return book;
}

/**
 * @example unitText('USD billions (from header)', 'ko') // 'USD 십억 (머리글에서)'
 */
export function unitText(unit: string, lang: Lang): string {
  const book = lang === 'en' ? null : phrasebook(lang);
  if (!book) return unit;
  // Each phrase is replaced once, longest first; what a phrase wrote is Korean, so shorter English
  // phrases cannot match inside it.
  let out = unit;
  for (const { re, to } of book) out = out.replace(re, to);
  return out.replace(/\s{2,}/g, ' ').trim();
}
