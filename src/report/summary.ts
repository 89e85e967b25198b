/**
 * Plain-language summaries generated from the computed numbers: every sentence states figures from
 * the model, and its wording changes with them (pays back or not, IRR found or why not, EPS up or
 * down, price above or below a target multiple).
 */
import type { Assumptions } from './assumptions';
import type { CompanyModel, IrrResult } from './company-model';
import type { CompanyMonteCarlo } from './monte-carlo';
import type { DepreciationLens } from './depreciation-lens';
import type { Valuation } from './valuation';
import { describeMoney as money, describeMultiple, describePercent, describePrice as price } from './words';

function yearsText(y: number): string {
  return `${Number(y.toFixed(1))} years`;
}

/** Why an IRR is what it is, in words. */
export function irrWords(r: IrrResult): string {
  switch (r.kind) {
    case 'ok':
      return `an IRR of ${describePercent(r.rate)}`;
    case 'multiple':
      return `several IRRs (${r.rates.map(describePercent).join(', ')}) because the cash flows change sign more than once, so IRR cannot rank it`;
    case 'no-sign-change':
      return 'no IRR, because the cash flows never change sign';
    case 'no-convergence':
      return 'no IRR that could be found, although the cash flows change sign';
  }
}

function span(m: CompanyModel): string {
  return m.firstYear === m.lastDataYear ? `FY${m.firstYear}` : `FY${m.firstYear}-FY${m.lastDataYear}`;
}

function paybackSentence(m: CompanyModel, a: Assumptions): string {
  const describeMoney = (x: number) => money(x, m.currency);
  const head = `At ${describePercent(a.wacc)} WACC, ${m.company}'s ${span(m)} AI capex of ${describeMoney(m.totalAiCapexUsd)}`;
  const npvPart = `NPV ${describeMoney(m.npvUsd)} and ${irrWords(m.irr)}`;
  if (m.paybackYears === null) {
    return `${head} does not pay back within the ${m.years.length}-year horizon (${npvPart}).`;
  }
  const disc =
    m.discountedPaybackYears === null
      ? 'not within the horizon once discounted'
      : `${yearsText(m.discountedPaybackYears)} discounted`;
  return `${head} pays back in ${yearsText(m.paybackYears)} (${disc}), with ${npvPart}.`;
}

function breakEvenSentence(m: CompanyModel, a: Assumptions): string | null {
  const describeMoney = (x: number) => money(x, m.currency);
  if (m.breakEvenAiRevenueUsd === null) return null;
  const last = m.years.find((y) => y.fiscalYear === m.lastDataYear);
  if (!last) return null;
  const basis = last.aiRevenueBasis === 'reported' ? 'reported' : 'modelled';
  const cover = last.aiRevenueUsd >= m.breakEvenAiRevenueUsd ? 'which covers it' : `${describePercent(last.aiRevenueUsd / m.breakEvenAiRevenueUsd)} of it`;
  return `Covering depreciation and the cost of capital at a ${describePercent(a.aiEbitdaMargin)} margin takes ${describeMoney(m.breakEvenAiRevenueUsd)} of AI revenue a year; the ${basis} FY${m.lastDataYear} figure is ${describeMoney(last.aiRevenueUsd)}, ${cover}.`;
}

function lensSentence(l: DepreciationLens | null, currency: string): string | null {
  const describeMoney = (x: number) => money(x, currency);
  if (!l) return null;
  const shorter = l.rows.find((r) => r.usefulLifeYears === l.referenceLifeYears - 1);
  const longer = l.rows.find((r) => r.usefulLifeYears === l.referenceLifeYears + 1);
  const move = (c: number) => (c < 0 ? `cuts FY${l.fiscalYear} EPS by ${describePercent(-c)}` : `raises FY${l.fiscalYear} EPS by ${describePercent(c)}`);
  if (shorter?.epsChange != null) {
    const tail = longer?.epsChange != null ? `; a one-year longer life ${longer.epsChange >= 0 ? 'adds' : 'takes'} ${describePercent(Math.abs(longer.epsChange))}` : '';
    return `Putting every AI server on a one-year shorter life (${shorter.usefulLifeYears} years instead of the ${l.referenceLifeYears} behind FY${l.fiscalYear}'s reported figures) ${move(shorter.epsChange)}${tail}.`;
  }
  if (shorter) {
    return `Putting every AI server on a one-year shorter life (${shorter.usefulLifeYears} years instead of ${l.referenceLifeYears}) adds ${describeMoney(shorter.depreciationChangeUsd)} of FY${l.fiscalYear} depreciation.`;
  }
  return null;
}

function valuationSentence(v: Valuation | null, company: string, currency: string): string {
  const describeMoney = (x: number) => money(x, currency);
  const describePrice = (x: number) => price(x, currency);
  if (!v) return `The data has no share price or market cap for ${company}, so no valuation multiples.`;
  if (v.pe === null || !v.compression || v.sharePriceUsd === null) {
    return `${company}'s FY${v.fiscalYear} market cap is ${describeMoney(v.marketCapUsd)}; without positive earnings per share there is no P/E.`;
  }
  const c = v.compression;
  const dir = c.drawdown < 0 ? `a drawdown of ${describePercent(-c.drawdown)}` : `a gain of ${describePercent(c.drawdown)}`;
  const ai =
    v.aiRevenueToJustifyUsd === null
      ? ''
      : v.aiRevenueToJustifyUsd === 0
        ? ` Today's earnings at ${describeMultiple(c.toPe)} already cover the market cap.`
        : ` Justifying the rest of the market cap at ${describeMultiple(c.toPe)} takes ${describeMoney(v.aiRevenueToJustifyUsd)} of AI revenue a year.`;
  return `At ${describePrice(v.sharePriceUsd)} (FY${v.fiscalYear}) the shares trade at ${describeMultiple(v.pe)} earnings; moving to ${describeMultiple(c.toPe)} would be ${dir}.${ai}`;
}

/** The Monte Carlo in one sentence: the NPV range, how often it is positive, how often it pays back. */
export function monteCarloSentence(mc: CompanyMonteCarlo, currency: string): string | null {
  if (mc.npv.p10 === null || mc.npv.p90 === null || mc.probNpvPositive === null) return null;
  const payback = mc.probPaybackWithinHorizon === null ? '' : `, and it pays back within ${mc.horizonYears} years in ${describePercent(mc.probPaybackWithinHorizon)}`;
  return `Over ${mc.trials.toLocaleString('en-US')} Monte Carlo trials (seed ${mc.seed}) of growth, margin, AI share of capex and WACC, NPV runs from ${money(mc.npv.p10, currency)} (P10) to ${money(mc.npv.p90, currency)} (P90) and is positive in ${describePercent(mc.probNpvPositive)} of them${payback}.`;
}

/** Three to five sentences for one company. */
export function companySummary(m: CompanyModel, l: DepreciationLens | null, v: Valuation | null, a: Assumptions, mc?: CompanyMonteCarlo): string[] {
  return [paybackSentence(m, a), mc ? monteCarloSentence(mc, m.currency) : null, breakEvenSentence(m, a), lensSentence(l, m.currency), valuationSentence(v, m.company, m.currency)].filter(
    (s): s is string => s !== null,
  );
}

/** The token-price clause, only when prices are assumed to fall. */
function deflation(a: Assumptions): string {
  if (a.tokenPriceDeflation <= 0) return '';
  const net = (1 + a.aiRevenueGrowth) * Math.pow(1 - a.tokenPriceDeflation, 1 - a.volumeElasticity) - 1;
  return `, token prices falling ${describePercent(a.tokenPriceDeflation)} a year at a volume elasticity of ${a.volumeElasticity}, so projected AI revenue ${net < 0 ? 'shrinks' : 'grows'} ${describePercent(Math.abs(net))} a year`;
}

/** The currency clause, only when amounts are not in USD. */
function currencyClause(a: Assumptions): string {
  if (a.reportingCurrency === 'USD') return '';
  const drift = a.fxDriftPerYear === 0 ? '' : `, the won ${a.fxDriftPerYear > 0 ? 'weakening' : 'strengthening'} ${describePercent(Math.abs(a.fxDriftPerYear))} a year`;
  return `, amounts in KRW at ₩${a.fxKrwPerUsd.toLocaleString('en-US')} per dollar in the first year${drift}`;
}

/** Sentences over all companies of the report. */
export function overallSummary(models: CompanyModel[], a: Assumptions): string[] {
  if (models.length === 0) return ['The dataset has no company with capex, so there is nothing to evaluate.'];
  const paying = models.filter((m) => m.paybackYears !== null);
  const describeMoney = (x: number) => money(x, a.reportingCurrency);
  const total = models.reduce((s, m) => s + m.totalAiCapexUsd, 0);
  const out = [
    `Under these assumptions (${describePercent(a.wacc)} WACC, ${a.gpuUsefulLifeYears}-year server life, ${describePercent(a.aiCapexShare)} of capex going to AI unless the data says otherwise${deflation(a)}${currencyClause(a)}), ${paying.length} of ${models.length} companies' AI capex pays back within the horizon, on ${describeMoney(total)} of AI capex in all.`,
  ];
  if (paying.length > 0) {
    const fastest = paying.reduce((x, y) => ((y.paybackYears as number) < (x.paybackYears as number) ? y : x));
    out.push(`${fastest.company} pays back soonest, in ${yearsText(fastest.paybackYears as number)}.`);
  }
  const best = models.reduce((x, y) => (y.npvUsd > x.npvUsd ? y : x));
  const worst = models.reduce((x, y) => (y.npvUsd < x.npvUsd ? y : x));
  out.push(
    best === worst
      ? `Its NPV is ${describeMoney(best.npvUsd)}.`
      : `NPV ranges from ${describeMoney(worst.npvUsd)} (${worst.company}) to ${describeMoney(best.npvUsd)} (${best.company}).`,
  );
  return out;
}
