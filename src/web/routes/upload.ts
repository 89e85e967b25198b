import fs from 'node:fs';
import path from 'node:path';
import busboy from 'busboy';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ingestStream, type IngestResult, type Problem } from '../../ingest';
import { boundedRows, shapeProblems, UploadBoundsError } from '../../ingest/bounds';
import { uploadLimiters } from '../middleware/rate-limit';
import type { DatasetMeta, Row } from '../../store/types';
import { progressText, UploadProgressBoard, type UploadProgressView, type UploadTracker } from '../upload-progress';
import type { Lang } from '../i18n';
import type { AppDeps } from '../deps';
import type { DeferredCsrfCheck } from '../middleware/csrf';
import { AppError, BadRequestError, ForbiddenError, NotFoundError, PayloadTooLargeError, ValidationError } from '../errors';

/** Temporary upload folders start with this, so leftovers of a crash can be found and swept at start. */
export const UPLOAD_TMP_PREFIX = 'capexlens-upload-';

/** Room for the multipart envelope and the small fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());

const uploadFields = z.object({
  name: z.string().trim().max(200, 'at most 200 characters').regex(NO_CONTROL, 'no control characters').optional(),
  /** The company of every row, for a one-company file with no company column. */
  company: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(200, 'at most 200 characters').regex(NO_CONTROL, 'no control characters').optional(),
  ),
  kind: optionalEnum(['company', 'models'] as const),
  unit: optionalEnum(['units', 'thousands', 'millions', 'billions', 'krw-thousands', 'krw-millions', 'krw-hundred-millions'] as const),
  currency: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toUpperCase()) : v),
    z.string().regex(/^[A-Z]{3}$/, 'a three-letter code such as USD or KRW').optional(),
  ),
});
type UploadFields = z.infer<typeof uploadFields>;

interface Received {
  fields: Record<string, string>;
  file: { path: string; filename: string } | null;
  cleanup: () => void;
}

/**
 * Streams a multipart upload to a temporary file with every busboy limit set explicitly (its and
 * multer's defaults are unlimited). Over the size limit it stops reading at once and answers 413.
 * The file goes to disk rather than straight into ingest because the kind and unit fields may
 * arrive after it. With a guard (the browser form), the `_csrf` field must arrive before the file
 * and hold, or the upload is refused (403) before a byte of the file is written.
 */
function receive(req: Request, res: Response, maxBytes: number, tmpDir: string, guard?: DeferredCsrfCheck): Promise<Received> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data/i.test(type)) {
      reject(new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data with a field named "file".'));
      return;
    }
    const length = Number(req.headers['content-length']);
    if (Number.isFinite(length) && length > maxBytes + ENVELOPE_BYTES) {
      reject(tooLarge(req, res, maxBytes));
      return;
    }
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxBytes, fields: 8, fieldSize: 1024, parts: 10, fieldNameSize: 64, headerPairs: 20 },
      });
    } catch {
      reject(new BadRequestError('The upload is not valid multipart/form-data.'));
      return;
    }
    const dir = fs.mkdtempSync(path.join(tmpDir, UPLOAD_TMP_PREFIX));
    const cleanup = (): void => fs.rmSync(dir, { recursive: true, force: true });
    const fields: Record<string, string> = {};
    let file: Received['file'] = null;
    let out: fs.WriteStream | null = null;
    let writing: Promise<boolean> = Promise.resolve(true);
    let failed = false;
    let passed = false;
    const passes = (): boolean => (passed ||= !guard || guard(fields._csrf ?? req.get('x-csrf-token')));
    const fail = (err: AppError): void => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      // Close the temporary file at once (an abandoned body never ends it) and remove it once closed.
      out?.destroy();
      void writing.then(cleanup);
      reject(err);
    };

    bb.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) return fail(new BadRequestError(`The form field "${name.slice(0, 64)}" is too long.`));
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || file !== null) {
        stream.resume();
        return;
      }
      if (!passes()) {
        stream.resume();
        return fail(csrfRefused(req, res));
      }
      const target = path.join(dir, 'upload.csv');
      file = { path: target, filename: info.filename ?? '' };
      const sink = fs.createWriteStream(target);
      out = sink;
      writing = new Promise((settle) => {
        sink.on('close', () => settle(sink.writableFinished));
        sink.on('error', () => settle(false));
      });
      stream.on('limit', () => {
        stream.unpipe(sink);
        fail(tooLarge(req, res, maxBytes));
      });
      stream.pipe(sink);
    });
    bb.on('filesLimit', () => fail(new BadRequestError('Send one file per upload.')));
    bb.on('partsLimit', () => fail(new BadRequestError('The upload has too many parts.')));
    bb.on('fieldsLimit', () => fail(new BadRequestError('The upload has too many form fields.')));
    bb.on('error', () => fail(new BadRequestError('The upload is not valid multipart/form-data.')));
    bb.on('close', () => {
      if (failed) return;
      if (!passes()) return fail(csrfRefused(req, res));
      void writing.then((ok) => {
        if (failed) return;
        if (ok) resolve({ fields, file, cleanup });
        else fail(new AppError(500, 'upload_write', 'The upload could not be saved for reading.'));
      });
    });
    // A client that goes away (or a request timeout that ends the socket) before the body is complete.
    const interrupted = (): void => {
      if (!req.complete) fail(new BadRequestError('The upload was interrupted.'));
    };
    req.on('aborted', interrupted);
    req.on('close', interrupted);
    req.pipe(bb);
  });
}

/** 403 before the file is read: like a 413, stop reading and close the connection once the answer is sent. */
function csrfRefused(req: Request, res: Response): ForbiddenError {
  res.set('Connection', 'close');
  res.on('finish', () => req.socket.destroySoon());
  return new ForbiddenError('The form expired or came from another site; reload the page and try again.', 'csrf');
}

/** 413 at once: stop reading and close the connection once the answer is sent. */
function tooLarge(req: Request, res: Response, maxBytes: number): PayloadTooLargeError {
  res.set('Connection', 'close');
  res.on('finish', () => req.socket.destroySoon());
  const limit = maxBytes >= 1024 * 1024 ? `${+(maxBytes / (1024 * 1024)).toFixed(1)} MB` : `${+(maxBytes / 1024).toFixed(1)} KB`;
  return new PayloadTooLargeError(`The file is larger than the upload limit of ${limit}.`);
}

function fieldProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({
    code: 'bad_field' as const,
    line: null,
    column: String(i.path[0] ?? ''),
    value: null,
    message: `The form field "${String(i.path[0] ?? '')}" must be ${i.message}.`,
  }));
}

/** The dataset's name: the one given, else the file name without its extension. */
function datasetName(fields: UploadFields, filename: string): string {
  const given = fields.name;
  if (given) return given;
  const base = filename.replace(/\.[^.]*$/, '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base === '' ? 'Uploaded data' : base.slice(0, 200);
}

type Outcome = { ok: true; meta: DatasetMeta } | { ok: false; problems: Problem[]; problemCount: number };

/** Stored rows counted for the progress page (observable where the store is asynchronous, as PostgreSQL's COPY is). */
function* counted(rows: Iterable<Row>, tracker: UploadTracker): Generator<Row> {
  let n = 0;
  for (const row of rows) {
    yield row;
    if (++n % 10_000 === 0) tracker.stored(n);
  }
}

/** `upload` with its progress told to `tracker` (the browser form's upload id), if any. */
async function tracked(deps: AppDeps, req: Request, res: Response, tracker: UploadTracker | null, guard?: DeferredCsrfCheck): Promise<Outcome> {
  try {
    const outcome = await upload(deps, req, res, guard, tracker);
    if (outcome.ok) tracker?.done(outcome.meta.rowCount);
    else tracker?.failed();
    return outcome;
  } catch (e) {
    tracker?.failed();
    throw e;
  }
}

/** Receive → validate fields → ingest → store in one transaction; nothing is stored unless there are no problems. */
async function upload(deps: AppDeps, req: Request, res: Response, guard?: DeferredCsrfCheck, tracker: UploadTracker | null = null): Promise<Outcome> {
  const got = await receive(req, res, deps.config.maxUploadBytes, deps.config.tmpDir, guard);
  try {
    const parsed = uploadFields.safeParse(got.fields);
    if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error), problemCount: parsed.error.issues.length };
    if (!got.file) {
      const problem: Problem = { code: 'no_file', line: null, column: 'file', value: null, message: 'Choose a CSV file to upload (form field "file").' };
      return { ok: false, problems: [problem], problemCount: 1 };
    }
    const { kind, unit, currency, company } = parsed.data;
    const expectedBytes = fs.statSync(got.file.path).size;
    tracker?.reading(expectedBytes);
    const onProgress = tracker ? (read: { rows: number; bytes: number }) => tracker.read(read.rows, read.bytes) : undefined;
    const result: IngestResult = await ingestStream(fs.createReadStream(got.file.path), { kind, unit, currency, company, expectedBytes, onProgress });
    if (!result.ok) return result;
    const shape = shapeProblems(result.columns, result.rowCount, { maxRows: deps.config.maxUploadRows });
    if (shape.length > 0) return { ok: false, problems: shape, problemCount: shape.length };
    tracker?.storing(result.rowCount);
    const rows = boundedRows(result.rows);
    const meta = await deps.store.createDataset({
      kind: result.kind,
      name: datasetName(parsed.data, got.file.filename),
      builtIn: false,
      workspace: res.locals.workspace as string,
      sourceName: got.file.filename.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || null,
      columns: result.columns,
      warnings: result.warnings,
      warningMessages: result.warningMessages,
      rows: tracker ? counted(rows, tracker) : rows,
    });
    return { ok: true, meta };
  } catch (e) {
    // A cell over its bound, met while the store read the rows: its transaction stored nothing.
    if (e instanceof UploadBoundsError) return { ok: false, problems: [e.problem], problemCount: 1 };
    throw e;
  } finally {
    got.cleanup();
  }
}

/**
 * Upload page and API: GET/POST /datasets/new, POST /api/datasets, GET /api/datasets/:id, and
 * GET /datasets/uploads/:id/progress for the page's progress bar (the form's script sends its
 * random upload id in the X-Upload-Id header).
 */
export function uploadRoutes(deps: AppDeps): Router {
  const router = Router();
  const limiter = uploadLimiters(deps.config, deps.limiterStore);
  const progress = new UploadProgressBoard();

  router.get('/datasets/new', (_req, res) => {
    res.render('datasets/new', { title: 'Upload data', titleKey: 'upload.title', progressText: progressText(res.locals.lang as Lang) });
  });

  router.post('/datasets/new', ...limiter, async (req, res) => {
    const tracker = progress.start(res.locals.workspace as string, req.get('x-upload-id'));
    const outcome = await tracked(deps, req, res, tracker, res.locals.checkCsrf as DeferredCsrfCheck);
    if (outcome.ok) return res.redirect(303, `/datasets/${outcome.meta.id}`);
    res.status(422).render('datasets/problems', { title: 'Cannot accept this file', titleKey: 'problems.fileTitle', problems: outcome.problems, problemCount: outcome.problemCount });
  });

  router.get('/datasets/uploads/:id/progress', (req, res) => {
    res.set('Cache-Control', 'no-store');
    const view: UploadProgressView | null = progress.get(res.locals.workspace as string, req.params.id ?? '');
    if (!view) return res.status(404).json({ error: { code: 'not_found', message: 'No upload in progress with this id in your workspace.' } });
    res.json(view);
  });

  router.post('/api/datasets', ...limiter, async (req, res) => {
    const outcome = await upload(deps, req, res);
    if (!outcome.ok) throw new ValidationError('The file cannot be accepted; nothing was stored.', outcome.problems, outcome.problemCount);
    const { id, kind, name, rowCount, warnings } = outcome.meta;
    res.status(201).location(`/api/datasets/${id}`).json({ id, kind, name, rowCount, warnings });
  });

  router.get('/api/datasets/:id', async (req, res) => {
    const id = /^\d{1,15}$/.test(req.params.id ?? '') ? Number(req.params.id) : NaN;
    const meta = Number.isSafeInteger(id) ? await deps.store.getDataset(id, res.locals.workspace as string) : null;
    if (!meta) throw new NotFoundError(`No dataset ${req.params.id}`);
    const rows = await deps.store.getRows(meta.id);
    res.json({ id: meta.id, kind: meta.kind, name: meta.name, rowCount: meta.rowCount, rows });
  });

  return router;
}
