import type { NextFunction, Request, Response } from 'express';
import { asLang, type Lang } from './index';
import type { WonStyle } from '../../report/number-text';

export const LANG_COOKIE = 'capexlens.lang';
export const WON_COOKIE = 'capexlens.won';

const YEAR_MS = 365 * 24 * 3600 * 1000;

function asWon(v: unknown): WonStyle | null {
  return v === 'exact' || v === 'short' ? v : null;
}

/** The current URL with one query key set (for the language and won-style switches). */
function withQuery(req: Request, key: string, value: string): string {
  const url = new URL(req.originalUrl, 'http://local');
  url.searchParams.set(key, value);
  return url.pathname + url.search;
}

/**
 * The reader's language and won style on res.locals (`lang`, `won`, and links to switch): from
 * `?lang=ko|en` / `?won=exact|short` (remembered in a cookie), else the cookie, else (language
 * only) the browser's Accept-Language; English and exact won by default.
 */
export function locale(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure, maxAge: YEAR_MS };
    const asked = asLang(req.query.lang);
    if (asked) res.cookie(LANG_COOKIE, asked, cookieOptions);
    const fromHeader: Lang = req.acceptsLanguages('en', 'ko') === 'ko' ? 'ko' : 'en';
    const lang: Lang = asked ?? asLang(req.cookies?.[LANG_COOKIE]) ?? fromHeader;
    const askedWon = asWon(req.query.won);
    if (askedWon) res.cookie(WON_COOKIE, askedWon, cookieOptions);
    const won: WonStyle = askedWon ?? asWon(req.cookies?.[WON_COOKIE]) ?? 'exact';
    res.vary('Accept-Language');
    res.locals.lang = lang;
    res.locals.won = won;
    res.locals.switchLang = { en: withQuery(req, 'lang', 'en'), ko: withQuery(req, 'lang', 'ko') };
    res.locals.switchWon = { exact: withQuery(req, 'won', 'exact'), short: withQuery(req, 'won', 'short') };
    next();
  };
}
