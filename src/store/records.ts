import type { DatasetMeta, NewDataset, Scenario, WarningMessage } from './types';
import { assertStorableText } from './values';

/**
 * The columns of a `datasets` and a `scenarios` row, as both stores name them. The two drivers
 * differ only in how a boolean and a timestamp come back: SQLite gives 0/1 and ISO text,
 * PostgreSQL gives a boolean and a Date; `B` and `T` are those types.
 */
export interface DatasetRecord<B, T> {
  id: number;
  kind: 'company' | 'models';
  name: string;
  row_count: number;
  built_in: B;
  workspace: string | null;
  source_name: string | null;
  columns_json: string;
  warnings_json: string;
  created_at: T;
  version: number;
  updated_at: T;
}

export interface ScenarioRecord<B, T> {
  id: number;
  name: string;
  workspace: string | null;
  values_json: string;
  built_in: B;
  created_at: T;
}

/** How one driver's booleans and timestamps read as the app's (true/false, ISO 8601 text). */
export interface RecordTypes<B, T> {
  bool: (v: B) => boolean;
  time: (v: T) => string;
}

/** A dataset row as the app's metadata. */
export function toMeta<B, T>(r: DatasetRecord<B, T>, types: RecordTypes<B, T>): DatasetMeta {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    rowCount: r.row_count,
    builtIn: types.bool(r.built_in),
    createdAt: types.time(r.created_at),
    version: r.version,
    updatedAt: types.time(r.updated_at),
    workspace: r.workspace,
    sourceName: r.source_name,
    columns: JSON.parse(r.columns_json),
    ...warningsFromJson(r.warnings_json),
  };
}

/** A stored warning: its English text alone (older rows), or with its message for other languages. */
type StoredWarning = string | ({ text: string } & WarningMessage);

/**
 * A new dataset's metadata as both stores write it: the name and file name checked, the column
 * descriptions and warnings as JSON text, each refused (UnstorableValueError) before any write
 * when it holds what a store cannot keep unchanged.
 */
export function storableMetadata(input: Pick<NewDataset, 'name' | 'sourceName' | 'columns' | 'warnings' | 'warningMessages'>): { columnsJson: string; warningsJson: string } {
  assertStorableText(input.name, 'dataset name');
  assertStorableText(input.sourceName ?? '', 'file name');
  const columnsJson = JSON.stringify(input.columns ?? []);
  const warningsJson = warningsToJson(input.warnings ?? [], input.warningMessages);
  assertStorableText(columnsJson, 'column descriptions');
  assertStorableText(warningsJson, 'warnings');
  return { columnsJson, warningsJson };
}

/** The `warnings_json` of a dataset: each warning's text, with its message where one is given. */
function warningsToJson(warnings: readonly string[], messages: readonly (WarningMessage | null)[] = []): string {
  const stored: StoredWarning[] = warnings.map((text, i) => {
    const m = messages[i];
    return m ? { text, key: m.key, vars: m.vars } : text;
  });
  return JSON.stringify(stored);
}

function warningsFromJson(json: string): Pick<DatasetMeta, 'warnings' | 'warningMessages'> {
  const stored = JSON.parse(json) as StoredWarning[];
  return {
    warnings: stored.map((w) => (typeof w === 'string' ? w : w.text)),
    warningMessages: stored.map((w) => (typeof w === 'string' ? null : { key: w.key, vars: w.vars })),
  };
}

/** A scenario row as the app's scenario. */
export function toScenario<B, T>(r: ScenarioRecord<B, T>, types: RecordTypes<B, T>): Scenario {
  return {
    id: r.id,
    name: r.name,
    workspace: r.workspace,
    values: JSON.parse(r.values_json),
    builtIn: types.bool(r.built_in),
    createdAt: types.time(r.created_at),
  };
}
