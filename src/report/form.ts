/**
 * The assumptions form as plain data for views/partials/assumptions-form.hbs: each field with the
 * text to show (what the user typed when it was wrong), its source and its problem, if any.
 */
import type { AssumptionDef, AssumptionProblem, AssumptionSource } from './assumptions';

export interface FormField {
  key: string;
  label: string;
  help: string;
  /** Text in the input. */
  text: string;
  placeholder: string;
  source: AssumptionSource;
  sourceLabel: string;
  error: string | null;
  choices: { value: string; selected: boolean }[] | null;
}

const SOURCE_LABELS: Record<AssumptionSource, string> = {
  default: 'default',
  scenario: 'saved scenario',
  user: 'you',
  data: 'data',
};

export function sourceLabel(source: AssumptionSource, scenarioName?: string): string {
  return source === 'scenario' && scenarioName ? `scenario “${scenarioName}”` : SOURCE_LABELS[source];
}

/**
 * Builds the form fields from definitions and a parse result. A value that overrides the data is
 * shown blank while it is still the default, so submitting the form keeps the data's value.
 */
export function formFields<K extends string>(
  defs: readonly AssumptionDef<K>[],
  parsed: { values: Record<K, number | string>; sources: Record<K, AssumptionSource>; raw: Partial<Record<K, string>>; problems: AssumptionProblem[] },
  scenarioName?: string,
): FormField[] {
  return defs.map((def) => {
    const problem = parsed.problems.find((p) => p.key === def.key) ?? null;
    const value = parsed.values[def.key];
    const blank = def.overridesData === true && parsed.sources[def.key] === 'default' && !problem;
    return {
      key: def.key,
      label: def.label,
      help: def.help,
      text: problem ? problem.value : blank ? '' : String(value),
      placeholder: blank ? `data, else ${String(value)}` : '',
      source: parsed.sources[def.key],
      sourceLabel: sourceLabel(parsed.sources[def.key], scenarioName),
      error: problem ? problem.message : null,
      choices: def.choices ? def.choices.map((c) => ({ value: c, selected: c === String(value) })) : null,
    };
  });
}
