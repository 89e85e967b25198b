/**
 * The summaries written in Korean from the same numbers as the English ones (summary.ts): the same
 * facts in the same order, composed as Korean sentences (subject first, the verb at the end,
 * particles that agree with the word before them), money in 조/억원 and 억 달러, dates as Korean
 * dates. Not a translation of the English sentences: each builder reads the model itself.
 */
import type { UnitEconomics } from '../finance';
import type { Assumptions } from './assumptions';
import type { CompanyModel, IrrResult } from './company-model';
import type { CompanyMonteCarlo } from './monte-carlo';
import type { DepreciationLens } from './depreciation-lens';
import type { Valuation } from './valuation';
import { dateText, grouped, moneyText, multipleText, percentText, priceText, yearsText, type NumberStyle, type WonStyle } from './number-text';

/** Money in Korean in the reader's won style (53조 1,139억원 or 53.1조원), as the tables beside the summary write it. */
const won = (x: number, currency: string, k: NumberStyle) => moneyText(x, currency, k);
const pct = percentText;
const date = (iso: string) => dateText(iso, 'ko');

/** Whether the last sound of a word has a final consonant (받침), and whether that is ㄹ. */
function finalSound(word: string): 'none' | 'rieul' | 'other' {
  const ch = word.trim().slice(-1);
  const code = ch.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? 'none' : jong === 8 ? 'rieul' : 'other';
  }
  // Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구; % is 퍼센트, × is 배.
  const digit: Record<string, 'none' | 'rieul' | 'other'> = { '0': 'other', '1': 'rieul', '2': 'none', '3': 'other', '4': 'none', '5': 'none', '6': 'other', '7': 'rieul', '8': 'rieul', '9': 'none' };
  return digit[ch] ?? 'none';
}

/**
 * A word with the particle that agrees with it: 은/는, 이/가, 을/를, 과/와, 으로/로.
 * @example withParticle('966억 달러', '은') // '966억 달러는'
 * @example withParticle('53조 1,139억원', '이') // '53조 1,139억원이'
 */
export function withParticle(word: string, particle: '은' | '이' | '을' | '과' | '으로'): string {
  const sound = finalSound(word);
  const pairs = { 은: ['은', '는'], 이: ['이', '가'], 을: ['을', '를'], 과: ['과', '와'], 으로: ['으로', '로'] } as const;
  const [withFinal, withoutFinal] = pairs[particle];
  if (particle === '으로') return word + (sound === 'other' ? withFinal : withoutFinal);
  return word + (sound === 'none' ? withoutFinal : withFinal);
}

const fy = (years: number[]) => `FY${years.join(', FY')}`;

function span(m: CompanyModel): string {
  return m.firstYear === m.lastDataYear ? `FY${m.firstYear}` : `FY${m.firstYear}~FY${m.lastDataYear}`;
}

/** The IRR as the end of a sentence: what it is, or why there is none. */
export function irrClauseKo(r: IrrResult): string {
  switch (r.kind) {
    case 'ok':
      return `내부수익률(IRR)은 ${pct(r.rate)}입니다`;
    case 'multiple':
      return `현금흐름의 부호가 여러 번 바뀌어 내부수익률(IRR)이 여러 개(${r.rates.map((x) => pct(x)).join(', ')})이므로 IRR로는 순위를 매길 수 없습니다`;
    case 'no-sign-change':
      return '현금흐름의 부호가 한 번도 바뀌지 않아 내부수익률(IRR)은 없습니다';
    case 'no-convergence':
      return '현금흐름의 부호는 바뀌지만 내부수익률(IRR)을 찾지 못했습니다';
  }
}

function paybackSentence(m: CompanyModel, a: Assumptions, k: NumberStyle): string {
  const head = `${m.company}의 ${span(m)} AI 설비투자 ${withParticle(won(m.totalAiCapexUsd, m.currency, k), '은')} 할인율(WACC) ${pct(a.wacc)}에서`;
  const npv = `${date(m.valuationDate)} 기준 순현재가치(NPV)는 ${won(m.npvUsd, m.currency, k)}이고, ${irrClauseKo(m.irr)}.`;
  if (m.paybackYears === null) {
    const until = m.capacityAfterData === 'run-off' ? `마지막 연산 장비가 수명을 다하는 FY${m.lastYear}까지` : `${m.years.length}년 기간 안에`;
    return `${head} ${until} 회수되지 않습니다. ${npv}`;
  }
  const disc =
    m.discountedPaybackYears === null
      ? m.capacityAfterData === 'run-off' ? `할인하면 FY${m.lastYear}까지도 회수되지 않습니다` : '할인하면 기간 안에 회수되지 않습니다'
      : `할인하면 ${yearsText(m.discountedPaybackYears)}년`;
  return `${head} ${yearsText(m.paybackYears)}년 만에 회수됩니다(${disc}). ${npv}`;
}

function dataSentence(m: CompanyModel): string | null {
  const parts: string[] = [];
  if (m.guidanceYears.length) parts.push(`${fy(m.guidanceYears)}의 설비투자는 실적이 아니라 회사가 내놓은 가이던스이며, 빈티지로 계산에 넣었습니다.`);
  if (m.excludedGuidanceYears.length) parts.push(`${fy(m.excludedGuidanceYears)}의 가이던스는 계산에서 뺐습니다.`);
  if (m.partialYears.length) parts.push(`${withParticle(fy(m.partialYears), '은')} 데이터에 4개 분기가 다 있지 않은 부분 연도입니다.`);
  return parts.length ? parts.join(' ') : null;
}

function monteCarloSentence(mc: CompanyMonteCarlo, currency: string, k: NumberStyle): string | null {
  if (mc.npv.p10 === null || mc.npv.p90 === null || mc.probNpvPositive === null) return null;
  const head = `성장률, 마진, 설비투자 중 AI 비중, 할인율(WACC)을 바꿔 가며 몬테카를로 시행 ${grouped(mc.trials)}회(시드 ${mc.seed})를 돌리면 순현재가치(NPV)는 ${won(mc.npv.p10, currency, k)}(P10)에서 ${won(mc.npv.p90, currency, k)}(P90) 사이이고, 시행의 ${pct(mc.probNpvPositive)}에서 양수`;
  return mc.probPaybackWithinHorizon === null ? `${head}입니다.` : `${head}이며, ${mc.horizonYears}년 안에 회수되는 시행은 ${pct(mc.probPaybackWithinHorizon)}입니다.`;
}

function breakEvenSentence(m: CompanyModel, a: Assumptions, k: NumberStyle): string | null {
  if (m.breakEvenAiRevenueUsd === null) return null;
  const last = m.years.find((y) => y.fiscalYear === m.lastDataYear);
  if (!last) return null;
  const need = won(m.breakEvenAiRevenueUsd, m.currency, k);
  const has = won(last.aiRevenueUsd, m.currency, k);
  const basis = last.aiRevenueBasis === 'reported' ? '보고된' : '모델로 추정한';
  const cover = last.aiRevenueUsd >= m.breakEvenAiRevenueUsd ? '이를 넘습니다' : `필요한 매출의 ${pct(last.aiRevenueUsd / m.breakEvenAiRevenueUsd)}입니다`;
  return `FY${m.lastDataYear}에 가동 중인 빈티지가 마진 ${pct(a.aiEbitdaMargin)}에서 전력비와 세금을 빼고 자본비용을 벌려면 그해 AI 매출 ${withParticle(need, '이')} 필요합니다. ${basis} 매출은 ${withParticle(has, '으로')} ${cover}.`;
}

function lensSentence(l: DepreciationLens | null, currency: string, k: NumberStyle): string | null {
  if (!l) return null;
  const shorter = l.rows.find((r) => r.usefulLifeYears === l.referenceLifeYears - 1);
  const longer = l.rows.find((r) => r.usefulLifeYears === l.referenceLifeYears + 1);
  const move = (c: number) => (c < 0 ? `${pct(-c)} 줄어듭니다` : `${pct(c)} 늘어납니다`);
  if (shorter?.epsChange != null) {
    const tail = longer?.epsChange != null ? ` 1년 늘리면 ${move(longer.epsChange)}.` : '';
    return `모든 AI 서버의 내용연수를 1년 줄이면(FY${l.fiscalYear} 실적의 바탕인 ${l.referenceLifeYears}년 대신 ${shorter.usefulLifeYears}년) FY${l.fiscalYear} 주당순이익(EPS)이 ${move(shorter.epsChange)}.${tail}`;
  }
  if (shorter) {
    return `모든 AI 서버의 내용연수를 1년 줄이면(${l.referenceLifeYears}년 대신 ${shorter.usefulLifeYears}년) FY${l.fiscalYear} 감가상각비가 ${won(shorter.depreciationChangeUsd, currency, k)} 늘어납니다.`;
  }
  return null;
}

function valuationSentence(v: Valuation | null, company: string, currency: string, k: NumberStyle): string {
  if (!v) return `데이터에 ${company}의 주가나 시가총액이 없어 밸류에이션 배수를 계산하지 않습니다.`;
  if (v.pe === null || !v.compression || v.sharePriceUsd === null) {
    return `${company}의 FY${v.fiscalYear} 시가총액은 ${won(v.marketCapUsd, currency, k)}입니다. 주당순이익(EPS)이 양수가 아니어서 주가수익비율(P/E)은 없습니다.`;
  }
  const c = v.compression;
  const when = v.sharePriceDate === 'typed' ? `양식에 입력한 주가, FY${v.fiscalYear} EPS 기준` : v.sharePriceDate ? `${date(v.sharePriceDate)}, FY${v.fiscalYear} EPS 기준` : `FY${v.fiscalYear}`;
  const move = c.drawdown < 0 ? `${pct(-c.drawdown)} 떨어집니다` : `${pct(c.drawdown)} 오릅니다`;
  const ai =
    v.aiRevenueToJustifyUsd === null
      ? ''
      : v.aiRevenueToJustifyUsd === 0
        ? ` 지금의 이익만으로도 ${multipleText(c.toPe)}에서 시가총액이 설명됩니다.`
        : ` 나머지 시가총액을 ${multipleText(c.toPe)}로 정당화하려면 해마다 AI 매출 ${withParticle(won(v.aiRevenueToJustifyUsd, currency, k), '이')} 필요합니다.`;
  return `주가 ${priceText(v.sharePriceUsd, currency, k)}(${when})에서 주가수익비율(P/E)은 ${multipleText(v.pe)}입니다. 목표 P/E ${multipleText(c.toPe)}에서는 주가가 ${move}.${ai}`;
}

/** Three to five paragraphs for one company, in Korean, won written in `wonStyle`. */
export function companySummaryKo(m: CompanyModel, l: DepreciationLens | null, v: Valuation | null, a: Assumptions, mc?: CompanyMonteCarlo, wonStyle: WonStyle = 'exact'): string[] {
  const k: NumberStyle = { lang: 'ko', won: wonStyle };
  return [paybackSentence(m, a, k), dataSentence(m), mc ? monteCarloSentence(mc, m.currency, k) : null, breakEvenSentence(m, a, k), lensSentence(l, m.currency, k), valuationSentence(v, m.company, m.currency, k)].filter(
    (s): s is string => s !== null,
  );
}

function deflation(a: Assumptions): string {
  if (a.tokenPriceDeflation <= 0) return '';
  const net = (1 + a.aiRevenueGrowth) * Math.pow(1 - a.tokenPriceDeflation, 1 - a.volumeElasticity) - 1;
  return `, 토큰 가격은 해마다 ${pct(a.tokenPriceDeflation)} 떨어지고(거래량 탄력성 ${a.volumeElasticity}) 빈티지마다 AI 매출이 해마다 ${pct(Math.abs(net))} ${net < 0 ? '줄어듦' : '늘어남'}`;
}

function currencyClause(a: Assumptions): string {
  if (a.reportingCurrency === 'USD') return '';
  const drift = a.fxDriftPerYear === 0 ? '' : `, 원화는 해마다 ${pct(Math.abs(a.fxDriftPerYear))} ${a.fxDriftPerYear > 0 ? '약세' : '강세'}`;
  return `, 금액은 원화로 첫해 달러당 ${grouped(a.fxKrwPerUsd, 2)}원${drift}`;
}

/**
 * One unit of AI capex in Korean (a dollar, or a won when the report is in won: the ratios are the
 * same): the first-year revenue it must earn against the scenario's.
 */
export function unitSentenceKo(u: UnitEconomics, a: Assumptions): string {
  const unit = a.reportingCurrency === 'KRW' ? '원' : '달러';
  const amount = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(2)}${unit}`;
  const worth = `AI 설비투자 1${unit}의 가치는 할인율(WACC) ${pct(a.wacc)}에서 ${amount(u.npvPerUsd)}입니다`;
  if (u.breakEvenRevenueYield === null) return `AI 마진 ${pct(a.aiEbitdaMargin)}에서는 어떤 매출로도 AI 설비투자의 수지가 맞지 않습니다. ${worth}.`;
  return `AI 설비투자 1${unit}${unit === '원' ? '은' : '는'} 첫해에 AI 매출 ${withParticle(amount(u.breakEvenRevenueYield), '을')} 벌어야(가동률 ${pct(a.gpuUtilization)}, 마진 ${pct(a.aiEbitdaMargin)}, 전력비와 세금 차감 후, 서버 내용연수 ${a.gpuUsefulLifeYears}년) 자본비용 ${withParticle(pct(a.wacc), '을')} 법니다. 시나리오는 ${withParticle(amount(a.aiRevenueToCapex), '을')} 가정하므로 ${worth}.`;
}

const listOf = (models: CompanyModel[], years: (m: CompanyModel) => number[]) => models.map((m) => `${m.company} ${fy(years(m))}`).join('; ');

/** Paragraphs over all companies of the report, in Korean, won written in `wonStyle`. */
export function overallSummaryKo(models: CompanyModel[], a: Assumptions, unit?: UnitEconomics, valuationDate?: string, wonStyle: WonStyle = 'exact'): string[] {
  const k: NumberStyle = { lang: 'ko', won: wonStyle };
  if (models.length === 0) return ['데이터에 설비투자가 있는 기업이 없어 평가할 것이 없습니다.'];
  const paying = models.filter((m) => m.paybackYears !== null);
  const total = models.reduce((s, m) => s + m.totalAiCapexUsd, 0);
  const money = (x: number) => won(x, a.reportingCurrency, k);
  const after = a.capacityAfterData === 'run-off' ? '마지막 연산 장비가 수명을 다할 때까지(데이터 이후 설비투자 없음)' : `설비를 유지하며 ${a.horizonYears}년 기간 안에`;
  const out = [
    `이 가정(할인율(WACC) ${pct(a.wacc)}, 데이터에 없으면 서버 내용연수 ${a.gpuUsefulLifeYears}년, 데이터에 없으면 설비투자의 ${pct(a.aiCapexShare)}가 AI${deflation(a)}${currencyClause(a)})에서는 ${models.length}개 기업 중 ${paying.length}곳의 AI 설비투자가 ${after} 회수됩니다. 평가한 AI 설비투자는 모두 ${money(total)}입니다.`,
  ];
  if (unit) out.push(unitSentenceKo(unit, a));
  const guided = models.filter((m) => m.guidanceYears.length > 0);
  if (guided.length) out.push(`가이던스 연도도 빈티지로 계산합니다: ${listOf(guided, (m) => m.guidanceYears)} (includeGuidance=false로 뺄 수 있습니다).`);
  const excluded = models.filter((m) => m.excludedGuidanceYears.length > 0);
  if (excluded.length) out.push(`가이던스 연도는 뺐습니다: ${listOf(excluded, (m) => m.excludedGuidanceYears)}.`);
  const partial = models.filter((m) => m.partialYears.length > 0);
  if (partial.length) out.push(`부분 연도(4개 분기 미만): ${listOf(partial, (m) => m.partialYears)}.`);
  const best = models.reduce((x, y) => (y.npvUsd > x.npvUsd ? y : x));
  const worst = models.reduce((x, y) => (y.npvUsd < x.npvUsd ? y : x));
  const at = valuationDate ? `${date(valuationDate)} 기준 ` : '';
  out.push(
    best === worst
      ? `${at}순현재가치(NPV)는 ${money(best.npvUsd)}입니다.`
      : `${at}순현재가치(NPV)는 ${money(worst.npvUsd)}(${worst.company})에서 ${money(best.npvUsd)}(${best.company})까지입니다. 각 기업의 현금흐름은 저마다의 회계연도 말에 놓고 할인했습니다.`,
  );
  const perDollar = models.filter((m) => m.totalAiCapexUsd > 0);
  if (perDollar.length > 1) {
    const ratio = (m: CompanyModel) => m.npvUsd / m.totalAiCapexUsd;
    const top = perDollar.reduce((x, y) => (ratio(y) > ratio(x) ? y : x));
    const unitWord = a.reportingCurrency === 'KRW' ? '원' : '달러';
    const r = ratio(top);
    out.push(`AI 설비투자 1${unitWord}당으로 보면 ${top.company}의 투자가 가장 값집니다(1${unitWord}당 순현재가치 ${r < 0 ? '−' : ''}${Math.abs(r).toFixed(2)}${unitWord}). 모든 기업의 단위 경제성이 같으므로 차이는 기업마다 다른 투자 시점, 내용연수, AI 비중에서 나옵니다.`);
  }
  return out;
}
