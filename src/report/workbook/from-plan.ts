import type { CompanyPlan } from '../company-model';
import type { WorkbookCompany } from './build';

/** What the workbook reads of the company model's plan (the data as the model reads it). */
export type PlanForWorkbook = Pick<CompanyPlan, 'company' | 'timeline' | 'dates' | 'basis' | 'lastDataIndex' | 'capexUsd' | 'dataShares' | 'lives' | 'reportedRevenueUsd' | 'dataPowerMw' | 'notes'>;

/**
 * A company of the workbook from the model's plan: the data's values as the model reads them, a
 * vintage life that is the scenario's written as a reference to the Assumptions sheet (so changing
 * it there follows) and any other life as the data's value.
 * @example workbookCompany(planCompany('Acme', rows, a)!, a.gpuUsefulLifeYears).timeline
 */
export function workbookCompany(plan: PlanForWorkbook, scenarioLifeYears: number): WorkbookCompany {
  return {
    company: plan.company,
    timeline: [...plan.timeline],
    dates: [...plan.dates],
    basis: [...plan.basis],
    lastDataIndex: plan.lastDataIndex,
    capexUsd: [...plan.capexUsd],
    dataShares: [...plan.dataShares],
    dataLives: plan.lives.map((life, t) => (t <= plan.lastDataIndex && life !== scenarioLifeYears ? life : null)),
    reportedRevenueUsd: [...plan.reportedRevenueUsd],
    dataPowerMw: [...plan.dataPowerMw],
    notes: [...plan.notes],
  };
}
