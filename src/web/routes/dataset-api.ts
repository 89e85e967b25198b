import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { NotFoundError, ValidationError } from '../errors';

const renameBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'give the dataset a name')
    .max(200, 'at most 200 characters')
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters'),
});

function datasetId(req: Request): number {
  const raw = String(req.params.id ?? '');
  return /^[0-9]{1,12}$/.test(raw) ? Number(raw) : NaN;
}

/**
 * Scripts rename and delete their own datasets: `PATCH /api/datasets/:id` with `{"name": "…"}`
 * answers the new metadata; `DELETE /api/datasets/:id` answers 204. Built-ins and other workspaces'
 * datasets are 404, as if absent. Whichever instance answers, the change is in the shared store.
 */
export function datasetApiRoutes(deps: AppDeps): Router {
  const r = Router();

  r.patch('/api/datasets/:id', async (req, res) => {
    const parsed = renameBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ code: 'invalid_field', line: null, column: i.path.join('.') || 'name', value: null, message: i.message }));
      throw new ValidationError('The dataset was not renamed.', problems);
    }
    const id = datasetId(req);
    const meta = Number.isSafeInteger(id) ? await deps.store.renameDataset(id, res.locals.workspace as string, parsed.data.name) : null;
    if (!meta) throw new NotFoundError(`No dataset ${req.params.id} of yours to rename (built-in datasets cannot be renamed)`);
    const { kind, name, rowCount, version, updatedAt } = meta;
    res.json({ id: meta.id, kind, name, rowCount, version, updatedAt });
  });

  r.delete('/api/datasets/:id', async (req, res) => {
    const id = datasetId(req);
    const ok = Number.isSafeInteger(id) && (await deps.store.deleteDataset(id, res.locals.workspace as string));
    if (!ok) throw new NotFoundError(`No dataset ${req.params.id} of yours to delete (built-in datasets cannot be deleted)`);
    res.status(204).end();
  });

  return r;
}
