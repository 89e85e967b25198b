import { NotFoundError } from '../errors';
import type { ReportContext } from './report-context';

/** Placeholder until the model economics report lands. */
export async function modelsReport(ctx: ReportContext): Promise<void> {
  throw new NotFoundError(`No report yet for ${ctx.dataset.name}`);
}
