import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_TABLE, pendingMigrations } from './migrations';
import type { DatasetMeta, HitCount, NewDataset, Row, Scenario, Store } from './types';
import { assertStorableText, chunkJson } from './values';
import { storableMetadata, toMeta as recordToMeta, toScenario as recordToScenario, type DatasetRecord as DatasetRecordOf, type RecordTypes, type ScenarioRecord as ScenarioRecordOf } from './records';

/**
 * Rows are stored in chunks of this many, one JSON array per database row: a million-row upload is
 * four thousand inserts rather than a million, and a page of rows reads one or two chunks.
 */
const CHUNK_ROWS = 256;

/** Rate-limit windows that have ended are deleted once per this many hits. */
const SWEEP_EVERY_HITS = 500;

/** better-sqlite3 returns booleans as number and timestamps as string. */
const TYPES: RecordTypes<number, string> = { bool: (v) => v === 1, time: (v) => v };
type DatasetRecord = DatasetRecordOf<number, string>;
type ScenarioRecord = ScenarioRecordOf<number, string>;
const toMeta = (r: DatasetRecord): DatasetMeta => recordToMeta(r, TYPES);
const toScenario = (r: ScenarioRecord): Scenario => recordToScenario(r, TYPES);

/**
 * SQLite store (better-sqlite3). Writes are synchronous and wrapped in one transaction, so a
 * crash mid-way leaves the database as it was. `file` may be ':memory:' for tests.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private hitsSinceSweep = 0;

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
    this.migrate();
  }

  /** Applies the schema steps this database lacks, all in one write transaction. */
  private migrate(): void {
    this.db.exec(MIGRATIONS_TABLE.sqlite);
    const record = this.db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`);
    this.db
      .transaction(() => {
        const applied = this.db.prepare(`SELECT version, name FROM schema_migrations`).all() as { version: number; name: string }[];
        for (const m of pendingMigrations(applied)) {
          this.db.exec(m.sqlite);
          record.run(m.version, m.name, new Date().toISOString());
        }
      })
      .immediate();
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

  async renameDataset(id: number, workspace: string, name: string): Promise<DatasetMeta | null> {
    assertStorableText(name, 'dataset name');
    const row = this.stmt(
        `UPDATE datasets SET name = ?, version = version + 1, updated_at = MAX(updated_at, ?)
         WHERE id = ? AND workspace = ? AND built_in = 0 RETURNING *`,
      )
      .get(name, new Date().toISOString(), id, workspace) as DatasetRecord | undefined;
    return row ? toMeta(row) : null;
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
    assertStorableText(input.name, 'scenario name');
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

  async updateScenario(id: number, workspace: string, input: { name: string; values: Record<string, number | string> }): Promise<Scenario | null> {
    assertStorableText(input.name, 'scenario name');
    const res = this.stmt(`UPDATE scenarios SET name = ?, values_json = ? WHERE id = ? AND workspace = ? AND built_in = 0`)
      .run(input.name, JSON.stringify(input.values), id, workspace);
    if (res.changes === 0) return null;
    return toScenario(this.stmt(`SELECT * FROM scenarios WHERE id = ?`).get(id) as ScenarioRecord);
  }

  async deleteScenario(id: number, workspace: string): Promise<boolean> {
    const res = this.stmt(`DELETE FROM scenarios WHERE id = ? AND workspace = ? AND built_in = 0`)
      .run(id, workspace);
    return res.changes > 0;
  }

  async countHit(key: string, windowMs: number, now = Date.now()): Promise<HitCount> {
    // Expired windows of keys not seen again are swept now and then, not on every hit.
    if (++this.hitsSinceSweep >= SWEEP_EVERY_HITS) {
      this.hitsSinceSweep = 0;
      this.stmt(`DELETE FROM rate_limit_hits WHERE reset_at <= ?`).run(now);
    }
    const row = this.stmt(
        `INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES (@key, 1, @now + @windowMs)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN reset_at <= @now THEN 1 ELSE hits + 1 END,
           reset_at = CASE WHEN reset_at <= @now THEN @now + @windowMs ELSE reset_at END
         RETURNING hits, reset_at`,
      )
      .get({ key, now, windowMs }) as { hits: number; reset_at: number };
    return { hits: row.hits, resetAt: row.reset_at };
  }

  async uncountHit(key: string, now = Date.now()): Promise<void> {
    this.stmt(`UPDATE rate_limit_hits SET hits = MAX(hits - 1, 0) WHERE key = ? AND reset_at > ?`).run(key, now);
  }

  async resetHits(key: string): Promise<void> {
    this.stmt(`DELETE FROM rate_limit_hits WHERE key = ?`).run(key);
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
    const { columnsJson, warningsJson } = storableMetadata(input);
    const now = new Date().toISOString();
    const res = this.stmt(
        `INSERT INTO datasets (kind, name, row_count, built_in, workspace, source_name, columns_json, warnings_json, seed_key, created_at, updated_at)
         VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.kind,
        input.name,
        input.builtIn ? 1 : 0,
        input.workspace,
        input.sourceName ?? null,
        columnsJson,
        warningsJson,
        input.seedKey ?? null,
        now,
        now,
      );
    const id = Number(res.lastInsertRowid);
    const insertChunk = this.stmt(`INSERT INTO dataset_row_chunks (dataset_id, chunk, data) VALUES (?, ?, ?)`);
    let n = 0;
    let batch: Row[] = [];
    const flush = (): void => {
      insertChunk.run(id, Math.floor((n - 1) / CHUNK_ROWS), chunkJson(batch, n - batch.length + 1));
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
