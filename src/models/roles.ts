/**
 * Role presets for "how many GPUs is a job worth": each states how many generated (decode)
 * tokens a model would produce to do one person's workday, and why. They are assumptions for a
 * user to change, not measurements; input (prefill) tokens are left out because decode bounds
 * serving throughput.
 */

export interface RolePreset {
  id: string;
  label: string;
  /** Generated tokens per workday. */
  tokensPerWorkday: number;
  /** The stated arithmetic behind the figure. */
  basis: string;
}

/** Tokens per English word, the usual rule of thumb for BPE tokenizers (≈ 0.75 words per token). */
export const TOKENS_PER_WORD = 4 / 3;

export const ROLE_PRESETS: readonly RolePreset[] = Object.freeze([
  {
    id: 'translator',
    label: 'Translator',
    tokensPerWorkday: 12_000,
    basis: '3,000 words translated a day (a common professional pace is 2,000–3,000) × 4/3 tokens per word ≈ 4,000 tokens, × 3 for drafts and review',
  },
  {
    id: 'support-agent',
    label: 'Support agent',
    tokensPerWorkday: 32_000,
    basis: '60 tickets a day × 200-word replies × 4/3 tokens per word ≈ 16,000 tokens, × 2 for lookups and drafts',
  },
  {
    id: 'analyst',
    label: 'Analyst',
    tokensPerWorkday: 40_000,
    basis: '10 memos or summaries a day × 1,000 words × 4/3 tokens per word ≈ 13,300 tokens, × 3 for reasoning and revisions',
  },
  {
    id: 'software-engineer',
    label: 'Software engineer',
    tokensPerWorkday: 200_000,
    basis: 'agentic coding: about 100 agent steps a day × 2,000 generated tokens (plans, code, tests, fixes)',
  },
]);

/**
 * A preset by id, or undefined.
 * @example rolePreset('translator')?.tokensPerWorkday // 12000
 */
export function rolePreset(id: string): RolePreset | undefined {
  return ROLE_PRESETS.find((r) => r.id === id);
}
