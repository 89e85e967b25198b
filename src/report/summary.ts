/**
 * Plain-language summaries generated from the computed numbers: every sentence states figures from
 * the model, and its wording changes with them (pays back or not, IRR found or why not, EPS up or
 * down, price above or below a target multiple). English here; Korean is written from the same
 * numbers by its own sentence builders (summary-ko.ts), chosen by the report's language.
 */
import type { UnitEconomics } from '../finance';
import type { Assumptions } from './assumptions';
import type { CompanyModel, IrrResult } from './company-model';
import type { CompanyMonteCarlo } from './monte-carlo';
import type { DepreciationLens } from './depreciation-lens';
import type { Valuation } from './valuation';
import type { Lang } from '../i18n';
import { yearsText as yearsNumber, type WonStyle } from './number-text';
import { companySummaryKo, overallSummaryKo } from './summary-ko';
import { describeMoney as money, describeMultiple, describePercent, describePrice as price } from './words';

function yearsText(y: number): string {
  return `${yearsNumber(y)} years`;
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
  const npvPart = `NPV ${describeMoney(m.npvUsd)} at ${m.valuationDate} and ${irrWords(m.irr)}`;
  if (m.paybackYears === null) {
    const until = m.capacityAfterData === 'run-off' ? `by FY${m.lastYear}, when its last compute retires` : `within the ${m.years.length}-year horizon`;
    return `${head} does not pay back ${until} (${npvPart}).`;
  }
  const disc =
    m.discountedPaybackYears === null
      ? m.capacityAfterData === 'run-off' ? `never once discounted, by FY${m.lastYear}` : 'not within the horizon once discounted'
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
  return `For the vintages in service in FY${m.lastDataYear} to earn their cost of capital at a ${describePercent(a.aiEbitdaMargin)} margin, after power and tax, takes ${describeMoney(m.breakEvenAiRevenueUsd)} of AI revenue that year; the ${basis} figure is ${describeMoney(last.aiRevenueUsd)}, ${cover}.`;
}

/** Which years are guidance or partial, so no one reads them as reported. */
function dataSentence(m: CompanyModel): string | null {
  const parts: string[] = [];
  if (m.guidanceYears.length) parts.push(`FY${m.guidanceYears.join(', FY')} ${m.guidanceYears.length > 1 ? 'are' : 'is'} guidance (capex the company guided, not reported), counted as ${m.guidanceYears.length > 1 ? 'vintages' : 'a vintage'}`);
  if (m.excludedGuidanceYears.length) parts.push(`guidance for FY${m.excludedGuidanceYears.join(', FY')} is left out`);
  if (m.partialYears.length) parts.push(`FY${m.partialYears.join(', FY')} ${m.partialYears.length > 1 ? 'are partial years' : 'is a partial year'} (fewer than four quarters in the data)`);
  if (!parts.length) return null;
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
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
  const when = v.sharePriceDate === 'typed' ? `typed on the form, against FY${v.fiscalYear} EPS` : v.sharePriceDate ? `on ${v.sharePriceDate}, against FY${v.fiscalYear} EPS` : `FY${v.fiscalYear}`;
  return `At ${describePrice(v.sharePriceUsd)} (${when}) the shares trade at ${describeMultiple(v.pe)} earnings; moving to ${describeMultiple(c.toPe)} would be ${dir}.${ai}`;
}

/** The Monte Carlo in one sentence: the NPV range, how often it is positive, how often it pays back. */
export function monteCarloSentence(mc: CompanyMonteCarlo, currency: string): string | null {
  if (mc.npv.p10 === null || mc.npv.p90 === null || mc.probNpvPositive === null) return null;
  const payback = mc.probPaybackWithinHorizon === null ? '' : `, and it pays back within ${mc.horizonYears} years in ${describePercent(mc.probPaybackWithinHorizon)}`;
  return `Over ${mc.trials.toLocaleString('en-US')} Monte Carlo trials (seed ${mc.seed}) of growth, margin, AI share of capex and WACC, NPV runs from ${money(mc.npv.p10, currency)} (P10) to ${money(mc.npv.p90, currency)} (P90) and is positive in ${describePercent(mc.probNpvPositive)} of them${payback}.`;
}

/** Three to five sentences for one company, in the report's language (Korean won in `won` style). */
export function companySummary(m: CompanyModel, l: DepreciationLens | null, v: Valuation | null, a: Assumptions, mc?: CompanyMonteCarlo, lang: Lang = 'en', won: WonStyle = 'exact'): string[] {
  if (lang === 'ko') return companySummaryKo(m, l, v, a, mc, won);
  return [paybackSentence(m, a), dataSentence(m), mc ? monteCarloSentence(mc, m.currency) : null, breakEvenSentence(m, a), lensSentence(l, m.currency), valuationSentence(v, m.company, m.currency)].filter(
    (s): s is string => s !== null,
  );
}

/** The token-price clause, only when prices are assumed to fall. */
function deflation(a: Assumptions): string {
  if (a.tokenPriceDeflation <= 0) return '';
  const net = (1 + a.aiRevenueGrowth) * Math.pow(1 - a.tokenPriceDeflation, 1 - a.volumeElasticity) - 1;
  return `, token prices falling ${describePercent(a.tokenPriceDeflation)} a year at a volume elasticity of ${a.volumeElasticity}, so each vintage's AI revenue ${net < 0 ? 'shrinks' : 'grows'} ${describePercent(Math.abs(net))} a year as it ages`;
}

/** The currency clause, only when amounts are not in USD. */
function currencyClause(a: Assumptions): string {
  if (a.reportingCurrency === 'USD') return '';
  const drift = a.fxDriftPerYear === 0 ? '' : `, the won ${a.fxDriftPerYear > 0 ? 'weakening' : 'strengthening'} ${describePercent(Math.abs(a.fxDriftPerYear))} a year`;
  return `, amounts in KRW at ₩${a.fxKrwPerUsd.toLocaleString('en-US')} per dollar in the first year${drift}`;
}

/**
 * The unit economics in one sentence: the first-year revenue a dollar of AI capex must earn,
 * against the scenario's.
 */
export function unitSentence(u: UnitEconomics, a: Assumptions): string {
  const y = `$${a.aiRevenueToCapex.toFixed(2)}`;
  const worth = `a dollar of AI capex is worth ${u.npvPerUsd < 0 ? '−' : ''}$${Math.abs(u.npvPerUsd).toFixed(2)} at ${describePercent(a.wacc)} WACC`;
  if (u.breakEvenRevenueYield === null) return `At a ${describePercent(a.aiEbitdaMargin)} AI margin no revenue makes AI capex pay: ${worth}.`;
  const need = `$${u.breakEvenRevenueYield.toFixed(2)}`;
  return `Each dollar of AI capex must earn ${need} of AI revenue in its first year (at ${describePercent(a.gpuUtilization)} utilization, ${describePercent(a.aiEbitdaMargin)} margin, after power and tax, over a ${a.gpuUsefulLifeYears}-year server life) to earn its ${describePercent(a.wacc)} cost of capital; the scenario assumes ${y}, so ${worth}.`;
}

/** Sentences over all companies of the report, in the report's language (Korean won in `won` style). */
export function overallSummary(models: CompanyModel[], a: Assumptions, unit?: UnitEconomics, valuationDate?: string, lang: Lang = 'en', won: WonStyle = 'exact'): string[] {
  if (lang === 'ko') return overallSummaryKo(models, a, unit, valuationDate, won);
  if (models.length === 0) return ['The dataset has no company with capex, so there is nothing to evaluate.'];
  const paying = models.filter((m) => m.paybackYears !== null);
  const describeMoney = (x: number) => money(x, a.reportingCurrency);
  const total = models.reduce((s, m) => s + m.totalAiCapexUsd, 0);
  const after = a.capacityAfterData === 'run-off' ? 'by the time its last compute retires (no capex after the data)' : `within the ${a.horizonYears}-year horizon with capacity sustained`;
  const out = [
    `Under these assumptions (${describePercent(a.wacc)} WACC, ${a.gpuUsefulLifeYears}-year server life unless the data says otherwise, ${describePercent(a.aiCapexShare)} of capex going to AI unless the data says otherwise${deflation(a)}${currencyClause(a)}), ${paying.length} of ${models.length} companies' AI capex pays back ${after}, on ${describeMoney(total)} of AI capex in all.`,
  ];
  if (unit) out.push(unitSentence(unit, a));
  const guided = models.filter((m) => m.guidanceYears.length > 0);
  if (guided.length) out.push(`Guidance years count as vintages: ${guided.map((m) => `${m.company} FY${m.guidanceYears.join(', FY')}`).join('; ')} (includeGuidance=false leaves them out).`);
  const excluded = models.filter((m) => m.excludedGuidanceYears.length > 0);
  if (excluded.length) out.push(`Guidance years are left out: ${excluded.map((m) => `${m.company} FY${m.excludedGuidanceYears.join(', FY')}`).join('; ')}.`);
  const partial = models.filter((m) => m.partialYears.length > 0);
  if (partial.length) out.push(`Partial years (fewer than four quarters): ${partial.map((m) => `${m.company} FY${m.partialYears.join(', FY')}`).join('; ')}.`);
  const best = models.reduce((x, y) => (y.npvUsd > x.npvUsd ? y : x));
  const worst = models.reduce((x, y) => (y.npvUsd < x.npvUsd ? y : x));
  const at = valuationDate ? ` at ${valuationDate}` : '';
  out.push(
    best === worst
      ? `Its NPV${at} is ${describeMoney(best.npvUsd)}.`
      : `NPV${at}, every company's flows dated at its own fiscal-year ends, ranges from ${describeMoney(worst.npvUsd)} (${worst.company}) to ${describeMoney(best.npvUsd)} (${best.company}).`,
  );
  const perDollar = models.filter((m) => m.totalAiCapexUsd > 0);
  if (perDollar.length > 1) {
    const ratio = (m: CompanyModel) => m.npvUsd / m.totalAiCapexUsd;
    const top = perDollar.reduce((x, y) => (ratio(y) > ratio(x) ? y : x));
    out.push(`Per dollar of AI capex, ${top.company}'s program is worth most (${describeMoney(ratio(top))} of NPV per dollar): with the same unit economics for all, the differences come from each company's timing, lives and AI share.`);
  }
  return out;
}
