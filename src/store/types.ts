/**
 * The persistence contract. Every implementation (SQLite, PostgreSQL) keeps these promises: a
 * dataset and all its rows are written in one transaction or not at all, a value either store
 * cannot keep unchanged (NUL, a lone UTF-16 surrogate, a non-finite number) is refused before
 * anything is committed, and a dataset is visible only to its workspace (built-in datasets are
 * visible to everyone).
 */

export type DatasetKind = 'company' | 'models';

/** One stored row in canonical column names (see DESIGN.md); numbers in whole currency units. */
export type Row = Record<string, string | number | null>;

/** How one source column was understood on upload, shown on the dataset page. */
export interface ColumnMapping {
  /** Header as written in the file. */
  source: string;
  /** Canonical field it became, or null when ignored. */
  field: string | null;
  /** Multiplier applied to bare numbers (1, 1e3, 1e6, 1e9, 1e8 for 억, ...). */
  scale?: number;
  /** Human description of the unit, e.g. "USD billions (from header)". */
  unit?: string;
}

export interface DatasetMeta {
  id: number;
  kind: DatasetKind;
  name: string;
  rowCount: number;
  builtIn: boolean;
  /** ISO 8601 timestamp of creation. */
  createdAt: string;
  /**
   * Starts at 1 and grows by one on every change to the metadata (a rename). With the id it names
   * one state of the dataset, whichever process changed it: cache keys built from
   * {@link datasetRevision} never serve a renamed dataset, and a deleted one is not found at all.
   */
  version: number;
  /** ISO 8601 timestamp of the last change to the metadata (equals createdAt until renamed). */
  updatedAt: string;
  /** Owning workspace; null for built-in datasets. */
  workspace: string | null;
  /** Original file name, if uploaded. */
  sourceName: string | null;
  columns: ColumnMapping[];
  warnings: string[];
  /** The message of each warning for other languages, in the same order (null: English only). */
  warningMessages: (WarningMessage | null)[];
}

/**
 * What a warning says in words of any language: a message key (locales/<lang>/ingest.json) and
 * its values. The warning's English text is kept beside it (`DatasetMeta.warnings`, the API's).
 */
export interface WarningMessage {
  key: string;
  vars: Record<string, string | number>;
}

export interface NewDataset {
  kind: DatasetKind;
  name: string;
  builtIn: boolean;
  workspace: string | null;
  sourceName?: string | null;
  columns?: ColumnMapping[];
  warnings?: string[];
  /** The message of each warning, in the same order (null: English only). */
  warningMessages?: (WarningMessage | null)[];
  /** Rows to store, in order. May be a lazy iterable, consumed inside the write transaction. */
  rows: Iterable<Row>;
  /** For built-in datasets: a stable key so two racing starts load it once. */
  seedKey?: string;
}

export interface Scenario {
  id: number;
  name: string;
  workspace: string | null;
  /** Assumption values by key (fractions for rates). */
  values: Record<string, number | string>;
  builtIn: boolean;
  createdAt: string;
}

/** Hits of one key in its current window, and when that window ends (ms since 1970). */
export interface HitCount {
  hits: number;
  resetAt: number;
}

export interface Store {
  /** Datasets visible to a workspace (its own plus built-ins), newest first after built-ins. */
  listDatasets(workspace: string): Promise<DatasetMeta[]>;
  /** A dataset visible to the workspace, or null (never another workspace's). */
  getDataset(id: number, workspace: string): Promise<DatasetMeta | null>;
  /** Rows of a dataset in stored order: all of them, or a page of them. */
  getRows(id: number, range?: { offset: number; limit: number }): Promise<Row[]>;
  /** Stores a dataset and its rows atomically. Returns the stored metadata. */
  createDataset(input: NewDataset): Promise<DatasetMeta>;
  /** Stores a built-in dataset once per seedKey; returns false when it was already there. */
  seedDataset(input: NewDataset & { seedKey: string }): Promise<boolean>;
  /**
   * Renames a dataset of this workspace (never a built-in or another workspace's) and bumps its
   * version. Returns the new metadata, or null when there is no such dataset to rename. Throws
   * {@link UnstorableValueError} for a name the stores cannot keep unchanged.
   */
  renameDataset(id: number, workspace: string, name: string): Promise<DatasetMeta | null>;
  deleteDataset(id: number, workspace: string): Promise<boolean>;
  listScenarios(workspace: string): Promise<Scenario[]>;
  getScenario(id: number, workspace: string): Promise<Scenario | null>;
  saveScenario(input: { name: string; workspace: string | null; values: Record<string, number | string>; builtIn?: boolean }): Promise<Scenario>;
  /**
   * Replaces the name and values of a saved scenario of this workspace (never a built-in or
   * another workspace's). Returns the updated scenario, or null when there is none to update.
   * Throws {@link UnstorableValueError} for a name the stores cannot keep unchanged.
   */
  updateScenario(id: number, workspace: string, input: { name: string; values: Record<string, number | string> }): Promise<Scenario | null>;
  deleteScenario(id: number, workspace: string): Promise<boolean>;
  /**
   * Counts one hit of `key` in a fixed window kept in the store, so every process on it counts
   * together (rate limits behind a load balancer). A new window of `windowMs` starts when the
   * last one has ended. `now` is milliseconds since 1970.
   */
  countHit(key: string, windowMs: number, now?: number): Promise<HitCount>;
  /** Takes back one hit of the key's current window (never below zero). */
  uncountHit(key: string, now?: number): Promise<void>;
  /** Forgets the key's window. */
  resetHits(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A key naming one state of a dataset's metadata and rows, for caches: it changes when the
 * dataset is renamed (through any process), and ids are never reused after a delete.
 * @example datasetRevision({ id: 3, version: 2 }) // '3.2'
 */
export function datasetRevision(meta: Pick<DatasetMeta, 'id' | 'version'>): string {
  return `${meta.id}.${meta.version}`;
}
