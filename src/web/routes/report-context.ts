import type { Request, Response } from 'express';
import type { DatasetMeta, Row } from '../../store/types';
import type { AppDeps } from '../deps';

/** What a report handler receives once its dataset is loaded and visible to the caller. */
export interface ReportContext {
  req: Request;
  res: Response;
  deps: AppDeps;
  dataset: DatasetMeta;
  rows: Row[];
  format: 'html' | 'csv' | 'json';
}

export type ReportHandler = (ctx: ReportContext) => Promise<void>;
