/**
 * capexlens finance core: pure cash-flow math with spreadsheet parity. No I/O, no clock, no global
 * randomness. Every function documents its units and convention.
 */
export { cagr } from './cagr';
export { roi } from './roi';
export { npv } from './npv';
export { irr } from './irr';
export type { IrrOptions, IrrResult } from './types';
export { paybackYears } from './paybackYears';
export { discountedPaybackYears } from './discountedPaybackYears';
export { pmt } from './pmt';
export { pv } from './pv';
export { fv } from './fv';
export type { PaymentTiming } from './internal/annuity';
export { straightLineDepreciation } from './straightLineDepreciation';
export type { DepreciationOptions, DepreciationSchedule } from './straightLineDepreciation';
export { xnpv } from './xnpv';
export { xirr } from './xirr';
export type { DateInput } from './internal/dates';
export { mirr } from './mirr';
export { createRng } from './rng';
export type { Rng } from './rng';
export { normal, lognormal, triangular, uniform, pert, pertMoments, discrete } from './distributions';
export type { Distribution } from './distributions';
export { percentile, percentiles } from './percentile';
export { summarize, probability } from './summarize';
export type { Summary } from './summarize';
export { monteCarlo } from './monteCarlo';
export type { AchievedCorrelation, MonteCarloOptions, MonteCarloResult } from './monteCarlo';
export { sensitivityGrid } from './sensitivityGrid';
export type { SensitivityGrid, SensitivityGridOptions } from './sensitivityGrid';
export { tornado } from './tornado';
export type { Tornado, TornadoBar } from './tornado';
export { spearman } from './spearman';
export { correlationMatrixProblem } from './correlationMatrixProblem';
export type { CorrelationProblem } from './correlationMatrixProblem';
export { imanConover, rankCorrelationMatrix } from './imanConover';
export type { ImanConoverResult } from './imanConover';
export { varianceContribution } from './varianceContribution';
export type { VarianceContribution } from './varianceContribution';
export { convergenceSeries } from './convergenceSeries';
export type { ConvergencePoint } from './convergenceSeries';
