import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { DatasetMeta, NewDataset, Row, Scenario, Store } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS datasets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('company', 'models')),
  name TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  built_in INTEGER NOT NULL DEFAULT 0,
  workspace TEXT,
  source_name TEXT,
  columns_json TEXT NOT NULL DEFAULT '[]',
  warnings_json TEXT NOT NULL DEFAULT '[]',
  seed_key TEXT UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dataset_row_chunks (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  chunk INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (dataset_id, chunk)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS scenarios (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  workspace TEXT,
  values_json TEXT NOT NULL,
  built_in INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
`;

/**
 * Rows are stored in chunks of this many, one JSON array per database row: a million-row upload is
 * four thousand inserts rather than a million, and a page of rows reads one or two chunks.
 */
const CHUNK_ROWS = 256;

/** JSON.stringify writes NUL as `\u0000`; an even run of backslashes before it is a literal text. */
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/;

interface DatasetRecord {
  id: number;
  kind: 'company' | 'models';
  name: string;
  row_count: number;
  built_in: number;
  workspace: string | null;
  source_name: string | null;
  columns_json: string;
  warnings_json: string;
  created_at: string;
}

interface ScenarioRecord {
  id: number;
  name: string;
  workspace: string | null;
  values_json: string;
  built_in: number;
  created_at: string;
}

function toMeta(r: DatasetRecord): DatasetMeta {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    rowCount: r.row_count,
    builtIn: r.built_in === 1,
    createdAt: r.created_at,
    workspace: r.workspace,
    sourceName: r.source_name,
    columns: JSON.parse(r.columns_json),
    warnings: JSON.parse(r.warnings_json),
  };
}

function toScenario(r: ScenarioRecord): Scenario {
  return {
    id: r.id,
    name: r.name,
    workspace: r.workspace,
    values: JSON.parse(r.values_json),
    builtIn: r.built_in === 1,
    createdAt: r.created_at,
  };
}

/** NUL cannot be stored by PostgreSQL; refuse it here too so both stores accept the same data. */
function assertNoNul(value: string, what: string): void {
  if (value.includes('\u0000')) throw new RangeError(`${what} contains a NUL character`);
}

/**
 * SQLite store (better-sqlite3). Writes are synchronous and wrapped in one transaction, so a
 * crash mid-way leaves the database as it was. `file` may be ':memory:' for tests.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** Prepares each SQL text once; better-sqlite3 statements are reusable. */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  async listDatasets(workspace: string): Promise<DatasetMeta[]> {
    const rows = this.stmt(
        `SELECT * FROM datasets WHERE built_in = 1 OR workspace = ?
         ORDER BY built_in DESC, CASE WHEN built_in = 1 THEN id ELSE -id END`,
      )
      .all(workspace) as DatasetRecord[];
    return rows.map(toMeta);
  }

  async getDataset(id: number, workspace: string): Promise<DatasetMeta | null> {
    const row = this.stmt(`SELECT * FROM datasets WHERE id = ? AND (built_in = 1 OR workspace = ?)`)
      .get(id, workspace) as DatasetRecord | undefined;
    return row ? toMeta(row) : null;
  }

  async getRows(id: number, range?: { offset: number; limit: number }): Promise<Row[]> {
    if (range && (range.limit <= 0 || range.offset < 0)) return [];
    const chunks = (
      range
        ? this.stmt(`SELECT data FROM dataset_row_chunks WHERE dataset_id = ? AND chunk BETWEEN ? AND ? ORDER BY chunk`)
            .raw()
            .all(id, Math.floor(range.offset / CHUNK_ROWS), Math.floor((range.offset + range.limit - 1) / CHUNK_ROWS))
        : this.stmt(`SELECT data FROM dataset_row_chunks WHERE dataset_id = ? ORDER BY chunk`).raw().all(id)
    ) as [string][];
    const rows = chunks.flatMap((c) => JSON.parse(c[0]) as Row[]);
    if (!range) return rows;
    const skip = range.offset % CHUNK_ROWS;
    return rows.slice(skip, skip + range.limit);
  }

  async createDataset(input: NewDataset): Promise<DatasetMeta> {
    const id = this.insert(input);
    const meta = await this.getById(id);
    return meta;
  }

  async seedDataset(input: NewDataset & { seedKey: string }): Promise<boolean> {
    // BEGIN IMMEDIATE takes the write lock first, so two processes starting at once cannot
    // both see "not seeded" and both insert; the UNIQUE seed_key is the second guard.
    const exists = this.stmt(`SELECT 1 FROM datasets WHERE seed_key = ?`);
    const run = this.db.transaction(() => {
      if (exists.get(input.seedKey)) return false;
      this.insertRows(input);
      return true;
    });
    return run.immediate();
  }

  async deleteDataset(id: number, workspace: string): Promise<boolean> {
    const res = this.stmt(`DELETE FROM datasets WHERE id = ? AND workspace = ? AND built_in = 0`)
      .run(id, workspace);
    return res.changes > 0;
  }

  async listScenarios(workspace: string): Promise<Scenario[]> {
    const rows = this.stmt(`SELECT * FROM scenarios WHERE built_in = 1 OR workspace = ? ORDER BY built_in DESC, id`)
      .all(workspace) as ScenarioRecord[];
    return rows.map(toScenario);
  }

  async getScenario(id: number, workspace: string): Promise<Scenario | null> {
    const row = this.stmt(`SELECT * FROM scenarios WHERE id = ? AND (built_in = 1 OR workspace = ?)`)
      .get(id, workspace) as ScenarioRecord | undefined;
    return row ? toScenario(row) : null;
  }

  async saveScenario(input: {
    name: string;
    workspace: string | null;
    values: Record<string, number | string>;
    builtIn?: boolean;
  }): Promise<Scenario> {
    assertNoNul(input.name, 'scenario name');
    const builtIn = input.builtIn ? 1 : 0;
    const save = this.db.transaction(() => {
      if (builtIn) {
        const found = this.stmt(`SELECT id FROM scenarios WHERE built_in = 1 AND name = ?`).get(input.name) as { id: number } | undefined;
        if (found) return found.id;
      }
      const res = this.stmt(
          `INSERT INTO scenarios (name, workspace, values_json, built_in, created_at) VALUES (?, ?, ?, ?, ?)`,
        )
        .run(input.name, input.workspace, JSON.stringify(input.values), builtIn, new Date().toISOString());
      return Number(res.lastInsertRowid);
    });
    const id = save.immediate();
    const row = this.stmt(`SELECT * FROM scenarios WHERE id = ?`).get(id) as ScenarioRecord;
    return toScenario(row);
  }

  async deleteScenario(id: number, workspace: string): Promise<boolean> {
    const res = this.stmt(`DELETE FROM scenarios WHERE id = ? AND workspace = ? AND built_in = 0`)
      .run(id, workspace);
    return res.changes > 0;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private async getById(id: number): Promise<DatasetMeta> {
    const row = this.stmt(`SELECT * FROM datasets WHERE id = ?`).get(id) as DatasetRecord;
    return toMeta(row);
  }

  private insert(input: NewDataset): number {
    return this.db.transaction(() => this.insertRows(input)).immediate();
  }

  /** Must run inside a transaction: inserts the dataset, then its rows, then the final count. */
  private insertRows(input: NewDataset): number {
    assertNoNul(input.name, 'dataset name');
    const res = this.stmt(
        `INSERT INTO datasets (kind, name, row_count, built_in, workspace, source_name, columns_json, warnings_json, seed_key, created_at)
         VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.kind,
        input.name,
        input.builtIn ? 1 : 0,
        input.workspace,
        input.sourceName ?? null,
        JSON.stringify(input.columns ?? []),
        JSON.stringify(input.warnings ?? []),
        input.seedKey ?? null,
        new Date().toISOString(),
      );
    const id = Number(res.lastInsertRowid);
    const insertChunk = this.stmt(`INSERT INTO dataset_row_chunks (dataset_id, chunk, data) VALUES (?, ?, ?)`);
    let n = 0;
    let batch: Row[] = [];
    const flush = (): void => {
      const data = JSON.stringify(batch);
      if (ESCAPED_NUL.test(data)) {
        const at = batch.findIndex((r) => Object.values(r).some((v) => typeof v === 'string' && v.includes('\u0000')));
        throw new RangeError(`row ${n - batch.length + at + 1} contains a NUL character`);
      }
      insertChunk.run(id, Math.floor((n - 1) / CHUNK_ROWS), data);
      batch = [];
    };
    for (const row of input.rows) {
      batch.push(row);
      n++;
      if (batch.length === CHUNK_ROWS) flush();
    }
    if (batch.length > 0) flush();
    this.stmt(`UPDATE datasets SET row_count = ? WHERE id = ?`).run(n, id);
    return id;
  }
}
