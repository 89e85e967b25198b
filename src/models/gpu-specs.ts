/**
 * Accelerator specifications and a matcher for hardware names as Epoch AI writes them.
 *
 * Figures come from `gpu-specs.csv` in the project's shared reference set, which cites Epoch AI's
 * chip dataset (epoch-research/training-cost-trends, "Chip dataset-Grid view.csv") and vendor
 * pages; the two rows not in that file (V100, TPU v4) cite their datasheet / paper below.
 * A name that does not map onto one row is reported as unknown (or ambiguous), never guessed.
 */

/** One accelerator's datasheet figures. Throughputs are dense (no sparsity). */
export interface GpuSpec {
  /** Short id used in query strings and the JSON API (`H100`, `A100-80GB`, ...). */
  id: string;
  /** Full name, as in the reference table. */
  name: string;
  /** On-package memory, decimal GB (1e9 bytes). */
  memoryGB: number;
  /** Memory bandwidth, TB/s (1e12 bytes per second). */
  memBandwidthTBps: number;
  /** Dense BF16/FP16 tensor throughput, TFLOP/s (1e12 FLOP per second). */
  bf16DenseTflops: number;
  /** Dense FP8 tensor throughput, TFLOP/s; null where the chip has none or no figure was found. */
  fp8DenseTflops: number | null;
  /** Board power (TDP), watts; null where no figure was found. */
  tdpW: number | null;
  /** Where the figures come from. */
  source: string;
}

const EPOCH = 'Epoch AI chip dataset (epoch-research/training-cost-trends), via gpu-specs.csv';

/** The spec table, in the order shown on pages. */
export const GPU_SPECS: readonly GpuSpec[] = Object.freeze([
  { id: 'H100', name: 'NVIDIA H100 SXM5 80GB', memoryGB: 80, memBandwidthTBps: 3.35, bf16DenseTflops: 989.4, fp8DenseTflops: 1978.9, tdpW: 700, source: `${EPOCH}; FP8 from glennklockwood.com H100 table` },
  { id: 'H100-PCIe', name: 'NVIDIA H100 PCIe', memoryGB: 80, memBandwidthTBps: 2.04, bf16DenseTflops: 756, fp8DenseTflops: null, tdpW: 350, source: `${EPOCH} (80GB memory from NVIDIA datasheet)` },
  { id: 'H800', name: 'NVIDIA H800 SXM5', memoryGB: 80, memBandwidthTBps: 3.36, bf16DenseTflops: 989, fp8DenseTflops: 1979, tdpW: 700, source: EPOCH },
  { id: 'H200', name: 'NVIDIA H200 SXM', memoryGB: 141, memBandwidthTBps: 4.8, bf16DenseTflops: 989.5, fp8DenseTflops: 1979, tdpW: 700, source: `${EPOCH}; 141GB from NVIDIA product page` },
  { id: 'H20', name: 'NVIDIA HGX H20', memoryGB: 96, memBandwidthTBps: 4.0, bf16DenseTflops: 148, fp8DenseTflops: null, tdpW: 400, source: EPOCH },
  { id: 'B200', name: 'NVIDIA B200', memoryGB: 192, memBandwidthTBps: 8.0, bf16DenseTflops: 2250, fp8DenseTflops: 4500, tdpW: 1000, source: EPOCH },
  { id: 'A100-80GB', name: 'NVIDIA A100 SXM4 80GB', memoryGB: 80, memBandwidthTBps: 2.039, bf16DenseTflops: 312, fp8DenseTflops: null, tdpW: 400, source: EPOCH },
  { id: 'A100-40GB', name: 'NVIDIA A100 SXM4 40GB', memoryGB: 40, memBandwidthTBps: 1.56, bf16DenseTflops: 312, fp8DenseTflops: null, tdpW: 400, source: EPOCH },
  { id: 'MI300X', name: 'AMD Instinct MI300X', memoryGB: 192, memBandwidthTBps: 5.3, bf16DenseTflops: 1307.4, fp8DenseTflops: null, tdpW: 750, source: EPOCH },
  { id: 'V100-32GB', name: 'NVIDIA Tesla V100 SXM2 32 GB', memoryGB: 32, memBandwidthTBps: 0.9, bf16DenseTflops: 125, fp8DenseTflops: null, tdpW: 300, source: 'NVIDIA V100 datasheet (125 TFLOP/s FP16 tensor, 900 GB/s, 300 W)' },
  { id: 'TPUv4', name: 'Google TPU v4', memoryGB: 34.36, memBandwidthTBps: 1.2, bf16DenseTflops: 275, fp8DenseTflops: null, tdpW: null, source: 'Jouppi et al., "TPU v4", ISCA 2023 (275 TFLOP/s BF16; 32 GiB HBM2 = 34.36 GB; 1.2 TB/s)' },
]);

/** Result of matching a free-text hardware name. */
export type GpuMatch =
  | { kind: 'known'; spec: GpuSpec }
  /** The name fits several rows (e.g. "A100" without a memory size). */
  | { kind: 'ambiguous'; candidates: GpuSpec[]; reason: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'missing' };

function byId(id: string): GpuSpec {
  const spec = GPU_SPECS.find((s) => s.id === id);
  if (!spec) throw new Error(`GPU_SPECS has no row ${id}`);
  return spec;
}

/**
 * Looks a spec up by its short id, case-insensitively (`h100`, `A100-80GB`).
 * @example gpuById('h100')?.memBandwidthTBps // 3.35
 */
export function gpuById(id: string): GpuSpec | undefined {
  const key = id.trim().toLowerCase();
  return GPU_SPECS.find((s) => s.id.toLowerCase() === key);
}

/** Lower-case, vendor words and every non-alphanumeric character removed. */
function compact(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(nvidia|tesla|amd|instinct|google|hgx|dgx|dgxs)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Maps a hardware name as Epoch AI's export writes it (or a short id) onto the spec table.
 * Memory sizes and form factors decide between variants; a name that leaves the choice open
 * is `ambiguous`, one the table does not hold is `unknown`, an empty cell is `missing`.
 * Several chips in one cell (`"NVIDIA A100, NVIDIA V100"`) are ambiguous: the cost of such a run
 * cannot be put on one chip's throughput.
 *
 * @example
 * matchGpu('NVIDIA H100 SXM5 80GB')   // { kind: 'known', spec: H100 }
 * matchGpu('NVIDIA A100 SXM4 40 GB')  // { kind: 'known', spec: A100-40GB }
 * matchGpu('Google TPU v3')           // { kind: 'unknown', ... }
 */
export function matchGpu(name: string | null | undefined): GpuMatch {
  if (name === null || name === undefined || name.trim() === '') return { kind: 'missing' };
  const direct = gpuById(name);
  if (direct) return { kind: 'known', spec: direct };
  if (/[,;]/.test(name)) {
    return { kind: 'ambiguous', candidates: [], reason: `several chips named ("${name.trim()}"); a run cannot be costed on one chip's throughput` };
  }
  const c = compact(name);
  if (/h100/.test(c)) return { kind: 'known', spec: byId(/pcie/.test(c) ? 'H100-PCIe' : 'H100') };
  if (/h800/.test(c)) {
    return /pcie/.test(c) ? { kind: 'unknown', reason: 'H800 PCIe is not in the spec table (only H800 SXM5)' } : { kind: 'known', spec: byId('H800') };
  }
  if (/h200/.test(c)) return { kind: 'known', spec: byId('H200') };
  if (/h20(?!\d)/.test(c)) return { kind: 'known', spec: byId('H20') };
  if (/b200/.test(c)) return { kind: 'known', spec: byId('B200') };
  if (/mi300x/.test(c)) return { kind: 'known', spec: byId('MI300X') };
  if (/a100/.test(c)) {
    if (/pcie/.test(c)) return { kind: 'unknown', reason: 'A100 PCIe is not in the spec table (only A100 SXM4 40GB / 80GB)' };
    if (/80(gb)?/.test(c.replace('a100', ''))) return { kind: 'known', spec: byId('A100-80GB') };
    if (/40(gb)?/.test(c.replace('a100', ''))) return { kind: 'known', spec: byId('A100-40GB') };
    return { kind: 'ambiguous', candidates: [byId('A100-40GB'), byId('A100-80GB')], reason: 'A100 without a memory size (40GB or 80GB)' };
  }
  if (/v100/.test(c)) {
    if (/32(gb)?/.test(c.replace('v100', '')) && !/pcie/.test(c)) return { kind: 'known', spec: byId('V100-32GB') };
    return { kind: 'ambiguous', candidates: [byId('V100-32GB')], reason: 'V100 variant other than SXM2 32 GB; only that one is in the spec table' };
  }
  if (/^tpuv4$/.test(c)) return { kind: 'known', spec: byId('TPUv4') };
  return { kind: 'unknown', reason: `"${name.trim()}" is not in the spec table` };
}

/**
 * Dense peak throughput, FLOP/s, usable for a match: the spec's when known; for an ambiguous
 * match, the common figure when every candidate agrees (A100 40GB and 80GB share 312 TFLOP/s);
 * otherwise null.
 * @example peakBf16FlopsPerSecond(matchGpu('NVIDIA A100')) // 3.12e14
 */
export function peakBf16FlopsPerSecond(match: GpuMatch): number | null {
  if (match.kind === 'known') return match.spec.bf16DenseTflops * 1e12;
  if (match.kind === 'ambiguous' && match.candidates.length > 0) {
    const first = match.candidates[0] as GpuSpec;
    if (match.candidates.every((s) => s.bf16DenseTflops === first.bf16DenseTflops)) return first.bf16DenseTflops * 1e12;
  }
  return null;
}
