import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { engine } from 'express-handlebars';
import helmet from 'helmet';
import cookieParser from 'cookie-parser';
import { ROOT } from '../config';
import { UncomputableError } from '../report/finite';
import { ReportLimitError } from '../report/pool';
import { UnstorableValueError } from '../store/values';
import type { AppDeps } from './deps';
import { AppError, NotFoundError, ValidationError } from './errors';
import { helpers } from './helpers';
import { workspace } from './middleware/workspace';
import { sameOrigin } from './middleware/same-origin';
import { csrf } from './middleware/csrf';
import { locale } from './i18n/middleware';
import { hasMessage, plain, type Lang } from './i18n';
import { datasetRoutes } from './routes/datasets';
import { datasetApiRoutes } from './routes/dataset-api';
import { uploadRoutes } from './routes/upload';
import { industryRoutes } from './routes/industry';
import { scenarioRoutes } from './routes/scenarios';
import { gpuRoutes } from './routes/gpus';

export type { AppDeps } from './deps';

/** Where Chart.js's UMD build lives; its package `exports` map hides dist/, so resolve the main file. */
const CHART_JS_DIR = path.dirname(require.resolve('chart.js'));

/**
 * Builds the Express app without listening, so tests drive it with supertest.
 * @example const app = createApp({ store, config }); app.listen(config.port);
 */
export function createApp(deps: AppDeps): express.Express {
  const { config } = deps;
  const app = express();
  const secure = false;
  app.disable('x-powered-by');
  // X-Forwarded-For counts only from proxies TRUST_PROXY names; otherwise the socket's address is the client.
  app.set('trust proxy', config.trustProxy);

  app.engine(
    'hbs',
    engine({
      extname: '.hbs',
      defaultLayout: 'main',
      layoutsDir: path.join(ROOT, 'views', 'layouts'),
      partialsDir: path.join(ROOT, 'views', 'partials'),
      helpers,
    }),
  );
  app.set('view engine', 'hbs');
  app.set('views', path.join(ROOT, 'views'));
  // express-handlebars caches compiled templates only when this is set (about 5× throughput).
  if (config.env === 'production') app.enable('view cache');

  app.use(
    helmet({
      // Helmet's default `no-referrer` makes browsers send `Origin: null` on same-site form posts,
      // which the cross-site check must refuse; `same-origin` keeps the Origin for our own forms.
      referrerPolicy: { policy: 'same-origin' },
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.use('/static/chartjs', express.static(CHART_JS_DIR, { maxAge: '1d', index: false, fallthrough: false }));
  // Static files live under their own prefixes, so dynamic pages never pay for a failed file lookup.
  const staticOptions = { maxAge: config.env === 'production' ? '1h' : 0, index: false, fallthrough: false };
  app.use('/css', express.static(path.join(ROOT, 'public', 'css'), staticOptions));
  app.use('/js', express.static(path.join(ROOT, 'public', 'js'), staticOptions));
  app.get('/favicon.svg', (_req, res) => res.sendFile(path.join(ROOT, 'public', 'favicon.svg'), { maxAge: '1d' }));
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'));

  app.use(cookieParser(config.sessionSecret));
  // Cross-site posts are refused before anything else is said about them.
  app.use(sameOrigin);
  app.use(locale(secure));
  app.use(workspace(secure));
  app.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }));
  app.use(express.json({ limit: '256kb' }));
  app.use(csrf(config.sessionSecret, secure));
  app.use((req, res, next) => {
    res.locals.path = req.path;
    next();
  });

  app.use(uploadRoutes(deps));
  app.use(datasetRoutes(deps));
  app.use(datasetApiRoutes(deps));
  app.use(industryRoutes(deps));
  app.use(scenarioRoutes(deps));
  app.use(gpuRoutes(deps));

  app.use((req: Request, _res: Response, next: NextFunction) => next(new NotFoundError(`No page at ${req.path}`)));
  app.use(errorHandler(config.env === 'production'));
  return app;
}

function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.path.endsWith('.json') || req.path.endsWith('.csv');
}

/** One error middleware: JSON for API and data URLs, an HTML page otherwise; no stack in production. */
function errorHandler(production: boolean) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = toAppError(err);
    // 503 busy is the server's load, not a fault to log.
    if (known.status >= 500 && known.status !== 503) console.error(err);
    const body: Record<string, unknown> = { error: { code: known.code, message: known.message, ...(known.details ?? {}) } };
    if (known instanceof ValidationError) {
      body.problems = known.problems;
      body.problemCount = known.problemCount;
    }
    const stack = !production && known.status >= 500 && err instanceof Error ? err.stack : undefined;
    if (res.headersSent) return;
    res.status(known.status);
    if (known.status === 401) res.set('WWW-Authenticate', 'Bearer realm="capexlens"');
    if (known.status === 503) res.set('Retry-After', String(known.details?.retryAfterSeconds ?? 5));
    if (wantsJson(req)) {
      res.json(stack ? { ...body, stack } : body);
      return;
    }
    const view = [400, 401, 403, 404, 413, 422, 429].includes(known.status) ? `errors/${known.status}` : 'errors/500';
    res.render(view, { title: titleFor(known.status), titleKey: `errors.${view.slice('errors/'.length)}.title`, error: known, detail: detailFor(known, res.locals.lang as Lang), problems: body.problems, problemCount: body.problemCount, stack });
  };
}

/**
 * The error's one-line detail in the reader's language. English readers get the message the code
 * wrote (it names the thing: "No dataset 42"). Other languages get `errors.detail.<code>` with the
 * details as values (`reduce`, `limit`); an empty message means the page's title and body say it
 * all (a 404). A code with no message in that language still shows the English message: better
 * than nothing, and the Korean page walk finds it.
 */
function detailFor(err: AppError, lang: Lang): string {
  if (lang === 'en') return err.message;
  const key = `errors.detail.${err.code}`;
  if (!hasMessage(lang, key)) return err.message;
  const d = err.details ?? {};
  const reduce = Array.isArray(d.reduce) && d.reduce.length ? d.reduce.join(', ') : plain(lang, 'errors.smallerData');
  return plain(lang, key, { ...d, reduce });
}

function titleFor(status: number): string {
  return ({ 400: 'Bad request', 401: 'Token needed', 503: 'Busy', 403: 'Forbidden', 404: 'Not found', 413: 'Too large', 429: 'Too many requests', 422: 'Cannot accept this input' } as Record<number, string>)[status] ?? 'Something went wrong';
}

/** Maps library errors with a status (body-parser's 413, malformed JSON's 400) onto AppError. */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // The stores refuse what they cannot keep unchanged (NUL, lone surrogates): a 422, never a 500.
  if (err instanceof UnstorableValueError) {
    return new ValidationError('Nothing was stored: a value cannot be kept as written.', [{ code: 'unstorable_value', line: null, column: err.column, value: null, message: err.message }]);
  }
  if (err instanceof UncomputableError) return new AppError(422, 'uncomputable', err.message, { reduce: err.reduce });
  // A full report queue is the server's state (503, retry shortly); a report over its time or memory
  // budget is the query's weight (422 saying what to reduce).
  if (err instanceof ReportLimitError) {
    return err.reason === 'busy' ? new AppError(503, 'busy', err.message, { retryAfterSeconds: err.retryAfterSeconds }) : new AppError(422, err.reason, err.message, { reduce: err.reduce });
  }
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413) return new AppError(413, 'payload_too_large', 'The request body is too large.');
  if (status === 404) return new NotFoundError('No such file');
  if (status >= 400 && status < 500) return new AppError(status, typeof e.type === 'string' ? e.type : 'bad_request', 'The request could not be read.');
  return new AppError(500, 'internal', 'Something went wrong on our side. The error has been logged.');
}
