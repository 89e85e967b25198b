/**
 * What kind of chip a training run used, read from the hardware name as written (Epoch AI's
 * `Training hardware` column or a short id). GPU-hours can be priced only on GPUs and TPU
 * chip-hours only on TPUs, each at its own price; a CPU run (Libratus: CPU core-hours) or a row
 * that names no hardware (SB-LM: "1,500 machines") has hours that are not accelerator hours, so
 * no GPU-hour price applies to them.
 */
import { matchGpu } from './gpu-specs';

/** A chip family that has a price per chip-hour in the report's assumptions, or why none applies. */
export type HardwareClass = 'gpu' | 'tpu' | 'cpu' | 'other' | 'mixed' | 'unnamed';

export interface HardwareClassification {
  kind: HardwareClass;
  /** Why the hours of this class cannot be priced (null for `gpu` and `tpu`). */
  reason: string | null;
}

const TPU = /\btpu/i;
// GPU vendors and product lines as Epoch writes them: "NVIDIA Tesla V100 DGXS 32 GB", "AMD Radeon Instinct MI250X".
const GPU = /\b(nvidia|geforce|tesla|quadro|titan|radeon|instinct|gpus?|[ahbvpk]\d{2,3}[a-z]?|t4|l40s?|l4|mi\d{2,3}[a-z]?|gtx|rtx)\b/i;
const CPU = /\b(cpus?|xeon|epyc|opteron|core i\d|ryzen|pentium|graviton|power\d+|sparc|arm cores?|cores?)\b/i;

function classifyOne(part: string): 'gpu' | 'tpu' | 'cpu' | 'other' {
  if (TPU.test(part)) return 'tpu';
  if (matchGpu(part).kind === 'known') return 'gpu';
  // CPUs before the GPU pattern: "Intel Xeon E5-2695 v3" is a CPU.
  if (CPU.test(part)) return 'cpu';
  if (GPU.test(part)) return 'gpu';
  return 'other';
}

/**
 * Classifies a hardware name. Several chips in one cell (`"NVIDIA A100, NVIDIA V100"`) keep their
 * class when they share it (both GPUs) and are `mixed` otherwise.
 *
 * @example hardwareClass('NVIDIA H100 SXM5 80GB').kind // 'gpu'
 * @example hardwareClass('Google TPU v3').kind         // 'tpu'
 * @example hardwareClass('Intel Xeon E5-2695 v3').kind // 'cpu'
 * @example hardwareClass('').kind                      // 'unnamed'
 */
export function hardwareClass(name: string | null | undefined): HardwareClassification {
  const text = typeof name === 'string' ? name.trim() : '';
  if (text === '') return { kind: 'unnamed', reason: 'no training hardware named: the hours may be CPU or machine hours, not GPU-hours' };
  const kinds = new Set(
    text
      .split(/[,;]/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map(classifyOne),
  );
  if (kinds.size > 1) return { kind: 'mixed', reason: `several kinds of chip named ("${text}"): their hours cannot be priced at one chip-hour price` };
  const only = [...kinds][0] ?? 'other';
  if (only === 'cpu') return { kind: 'cpu', reason: `CPU hardware ("${text}"): CPU core- or machine-hours are not GPU-hours` };
  if (only === 'other') return { kind: 'other', reason: `"${text}" is neither a GPU nor a TPU: no chip-hour price applies` };
  return { kind: only, reason: null };
}
