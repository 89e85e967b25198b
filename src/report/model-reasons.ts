/**
 * The model layer (src/models) explains in English why a cost, a stage or a trend is what it is;
 * the model economics report shows those reasons in the reader's language. Each reason the model
 * layer can give is matched here and rewritten from its locale message (`models.reason.<key>`),
 * its quoted names kept as written; a reason not matched (a new one) stays in English rather than
 * being lost. tests/report/model-reasons.test.ts walks every reason src/models produces.
 */
import { textIn, type Lang } from '../i18n';

type Pattern = [RegExp, string, (m: RegExpExecArray) => Record<string, string>];

const none = (): Record<string, string> => ({});

const PATTERNS: Pattern[] = [
  [/^several chips named \("(.*)"\); a run cannot be costed on one chip's throughput$/s, 'severalChips', (m) => ({ name: m[1] ?? '' })],
  [/^H800 PCIe is not in the spec table \(only H800 SXM5\)$/, 'h800Pcie', none],
  [/^A100 PCIe is not in the spec table \(only A100 SXM4 40GB \/ 80GB\)$/, 'a100Pcie', none],
  [/^A100 without a memory size \(40GB or 80GB\)$/, 'a100Memory', none],
  [/^V100 variant other than SXM2 32 GB; only that one is in the spec table$/, 'v100', none],
  [/^"(.*)" is not in the spec table$/s, 'notInSpec', (m) => ({ name: m[1] ?? '' })],
  [/^no training hardware named: the hours may be CPU or machine hours, not GPU-hours$/, 'unnamed', none],
  [/^several kinds of chip named \("(.*)"\): their hours cannot be priced at one chip-hour price$/s, 'mixed', (m) => ({ name: m[1] ?? '' })],
  [/^CPU hardware \("(.*)"\): CPU core- or machine-hours are not GPU-hours$/s, 'cpu', (m) => ({ name: m[1] ?? '' })],
  [/^"(.*)" is neither a GPU nor a TPU: no chip-hour price applies$/s, 'other', (m) => ({ name: m[1] ?? '' })],
  [/^training_stage says "(.*)"$/s, 'stageSays', (m) => ({ stage: m[1] ?? '' })],
  [/^trained from (.*)$/s, 'trainedFrom', (m) => ({ base: m[1] ?? '' })],
  [/^the name says it is an RL stage$/, 'nameRl', none],
  [/^the name says it is a fine-tune$/, 'nameFineTune', none],
  [/^no GPU- or chip-hours \(nor chip count × training hours\)$/, 'noHours', none],
  [/^not GPU or TPU hours$/, 'notGpuHours', none],
  [/^no training FLOPs: the dataset size is a model with no domain named, and its datapoints, not tokens/, 'datapointsNoDomain', none],
  [/^no training FLOPs: the dataset size is a (.*) model's datapoints, not tokens/s, 'datapointsDomain', (m) => ({ domain: m[1] ?? '' })],
  [/^no training FLOPs, and no parameters × tokens to estimate them$/, 'noFlops', none],
  [/^no training hardware named to turn FLOPs into chip-hours$/, 'noHardwareForFlops', none],
  [/^hardware is not a GPU or TPU$/, 'notGpuOrTpu', none],
  [/^no peak throughput for this hardware$/, 'noPeak', none],
  [/^a trend needs at least 3 models with a date and a positive cost$/, 'tooFew', none],
  [/^all models share one release date$/, 'oneDate', none],
];

/**
 * A reason from src/models in `lang`; English is returned as given.
 * @example reasonText('ko', 'the name says it is a fine-tune') // '이름에 파인튜닝이라고 적혀 있습니다'
 */
export function reasonText(lang: Lang, reason: string): string {
  if (lang === 'en') return reason;
  const t = textIn(lang);
  const nested = /^hardware: (.*)$/s.exec(reason);
  if (nested) return t('models.reason.hardware', { reason: reasonText(lang, nested[1] ?? '') });
  for (const [re, key, vars] of PATTERNS) {
    const m = re.exec(reason);
    if (m) return t(`models.reason.${key}`, vars(m));
  }
  return reason;
}

/** `reasonText` for a reason that may be absent. */
export function maybeReason(lang: Lang, reason: string | null): string | null {
  return reason === null ? null : reasonText(lang, reason);
}

/**
 * How derived training FLOPs were computed (src/models writes `6 × active params × tokens_t`), in `lang`.
 * @example formulaText('ko', '6 × params × tokens_t') // '6 × 파라미터 × tokens_t'
 */
export function formulaText(lang: Lang, formula: string | null): string | null {
  if (formula === null || lang === 'en') return formula;
  const t = textIn(lang);
  const m = /^6 × (active params|params) × (tokens_t|datapoints \(tokens: (.*)\))$/s.exec(formula);
  if (!m) return formula;
  const params = t(m[1] === 'active params' ? 'models.formulaText.activeParams' : 'models.formulaText.params');
  return m[3] === undefined ? t('models.formulaText.tokens', { params }) : t('models.formulaText.datapoints', { params, domain: m[3] });
}
