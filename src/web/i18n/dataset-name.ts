import path from 'node:path';
import { hasMessage, plain, type Lang } from '../../i18n';
import type { DatasetMeta } from '../../store/types';

/**
 * A dataset as its reader sees it: a built-in dataset (named by the app, not by a user) carries
 * the name of its file's `builtin.<file>` message in the reader's language; an upload keeps the
 * name it was given. Stored names, ids and revisions (cache keys) are untouched.
 * @example shownDataset(hyperscalers, 'ko').name // '하이퍼스케일러 설비투자 2022–2026'
 */
export function shownDataset<T extends Pick<DatasetMeta, 'name' | 'builtIn' | 'sourceName'>>(meta: T, lang: Lang): T {
  if (!meta.builtIn || !meta.sourceName) return meta;
  const key = `builtin.${path.basename(meta.sourceName, '.csv')}`;
  return hasMessage(lang, key) ? { ...meta, name: plain(lang, key) } : meta;
}
