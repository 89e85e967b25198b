import { NotFoundError } from '../errors';
import type { ReportContext } from './report-context';

/** Placeholder until the company report lands. */
export async function companyReport(ctx: ReportContext): Promise<void> {
  throw new NotFoundError(`No report yet for ${ctx.dataset.name}`);
}
