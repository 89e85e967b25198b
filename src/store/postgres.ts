import { once } from 'node:events';
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MIGRATIONS_TABLE, pendingMigrations } from './migrations';
import type { DatasetMeta, HitCount, NewDataset, Row, Scenario, Store } from './types';
import { assertStorableText, chunkJson } from './values';
import { storableMetadata, toMeta as recordToMeta, toScenario as recordToScenario, type DatasetRecord as DatasetRecordOf, type RecordTypes, type ScenarioRecord as ScenarioRecordOf } from './records';

/** Rows per stored chunk: the same as SQLite's, so both stores page the same way. */
const CHUNK_ROWS = 256;
/** COPY data is sent in writes of about this many bytes. */
const COPY_WRITE_BYTES = 1 << 20;
/** Rate-limit windows that have ended are deleted once per this many hits (of this instance). */
const SWEEP_EVERY_HITS = 500;

/**
 * Advisory-lock names. Two-key locks, the second key the schema, so tests in separate schemas of
 * one database do not wait for each other; instances of one deployment share one schema.
 */
const MIGRATE_LOCK = `hashtext('capexlens.migrate'), hashtext(current_schema())`;
const SEED_LOCK = `hashtext('capexlens.seed'), hashtext(current_schema() || '/' || $1)`;

/** node-postgres returns booleans as boolean and timestamps as Date. */
const TYPES: RecordTypes<boolean, Date> = { bool: (v) => v, time: (v) => v.toISOString() };
type DatasetRecord = DatasetRecordOf<boolean, Date>;
type ScenarioRecord = ScenarioRecordOf<boolean, Date>;
const toMeta = (r: DatasetRecord): DatasetMeta => recordToMeta(r, TYPES);
const toScenario = (r: ScenarioRecord): Scenario => recordToScenario(r, TYPES);

/**
 * COPY's text format: backslash, and the tab, newline and carriage return that separate fields
 * and lines, must be escaped. Chunk JSON never holds a raw control character (JSON escapes them),
 * so only the backslash can occur.
 */
function copyText(text: string): string {
  return text.includes('\\') ? text.replace(/\\/g, '\\\\') : text;
}

export interface PostgresOptions {
  /** Connections in the pool (default 10). Every instance has its own pool. */
  max?: number;
  /** Schema to keep the tables in (tests use one per run); the role's default search path when absent. */
  schema?: string;
}

/**
 * PostgreSQL store (`pg`), for several app instances sharing one database. Rows go in with COPY in
 * the same transaction as their dataset, so an upload is stored whole or not at all; built-ins and
 * migrations are written under advisory locks, so instances starting together do each once.
 * Open with {@link PostgresStore.open}, which applies pending migrations first.
 */
export class PostgresStore implements Store {
  private hitsSinceSweep = 0;

  private constructor(private readonly pool: Pool) {}

  static async open(connectionString: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const config: PoolConfig = { connectionString, max: options.max ?? 10 };
    if (options.schema !== undefined) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new RangeError(`schema must be a plain lower-case identifier, not ${JSON.stringify(options.schema)}`);
      config.options = `-c search_path=${options.schema}`;
    }
    const pool = new Pool(config);
    // An idle connection the server dropped must not crash the process; the next query reconnects.
    pool.on('error', (e) => console.error('PostgreSQL connection lost:', e.message));
    const store = new PostgresStore(pool);
    try {
      await store.migrate();
    } catch (e) {
      await pool.end();
      throw e;
    }
    return store;
  }

  /** Applies the schema steps this database lacks, each in its own transaction, under a lock. */
  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query(`SELECT pg_advisory_lock(${MIGRATE_LOCK})`);
      try {
        await client.query(MIGRATIONS_TABLE.postgres);
        const applied = (await client.query<{ version: number; name: string }>(`SELECT version, name FROM schema_migrations`)).rows;
        for (const m of pendingMigrations(applied)) {
          await this.inTransaction(client, async () => {
            await client.query(m.postgres);
            await client.query(`INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())`, [m.version, m.name]);
          });
        }
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${MIGRATE_LOCK})`);
      }
    } finally {
      client.release();
    }
  }

  private async inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
    await client.query('BEGIN');
    try {
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (e) {
      // The first error is the one to report; a ROLLBACK that fails too (a lost connection) adds nothing.
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /** Runs `work` in a transaction on one pooled connection; a connection left in doubt is discarded. */
  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await this.inTransaction(client, () => work(client));
    } catch (e) {
      broken = e instanceof Error ? e : new Error(String(e));
      throw e;
    } finally {
      // After a failed COPY or ROLLBACK the connection's state is unknown: close it rather than reuse it.
      client.release(broken);
    }
  }

  async listDatasets(workspace: string): Promise<DatasetMeta[]> {
    const { rows } = await this.pool.query<DatasetRecord>(
      `SELECT * FROM datasets WHERE built_in OR workspace = $1
       ORDER BY built_in DESC, CASE WHEN built_in THEN id ELSE -id END`,
      [workspace],
    );
    return rows.map(toMeta);
  }

  async getDataset(id: number, workspace: string): Promise<DatasetMeta | null> {
    if (!isInt4(id)) return null;
    const { rows } = await this.pool.query<DatasetRecord>(`SELECT * FROM datasets WHERE id = $1 AND (built_in OR workspace = $2)`, [id, workspace]);
    return rows[0] ? toMeta(rows[0]) : null;
  }

  async getRows(id: number, range?: { offset: number; limit: number }): Promise<Row[]> {
    if (!isInt4(id)) return [];
    if (range && (range.limit <= 0 || range.offset < 0)) return [];
    const res = range
      ? await this.pool.query<[string]>({
          text: `SELECT data FROM dataset_row_chunks WHERE dataset_id = $1 AND chunk BETWEEN $2 AND $3 ORDER BY chunk`,
          values: [id, Math.floor(range.offset / CHUNK_ROWS), Math.floor((range.offset + range.limit - 1) / CHUNK_ROWS)],
          rowMode: 'array',
        })
      : await this.pool.query<[string]>({ text: `SELECT data FROM dataset_row_chunks WHERE dataset_id = $1 ORDER BY chunk`, values: [id], rowMode: 'array' });
    const rows = res.rows.flatMap((c) => JSON.parse(c[0]) as Row[]);
    if (!range) return rows;
    const skip = range.offset % CHUNK_ROWS;
    return rows.slice(skip, skip + range.limit);
  }

  async createDataset(input: NewDataset): Promise<DatasetMeta> {
    return this.transaction((client) => this.insertDataset(client, input));
  }

  async seedDataset(input: NewDataset & { seedKey: string }): Promise<boolean> {
    return this.transaction(async (client) => {
      // Instances starting together queue here; the first loads the dataset, the rest find it.
      await client.query(`SELECT pg_advisory_xact_lock(${SEED_LOCK})`, [input.seedKey]);
      const found = await client.query(`SELECT 1 FROM datasets WHERE seed_key = $1`, [input.seedKey]);
      if (found.rowCount) return false;
      await this.insertDataset(client, input);
      return true;
    });
  }

  async renameDataset(id: number, workspace: string, name: string): Promise<DatasetMeta | null> {
    assertStorableText(name, 'dataset name');
    if (!isInt4(id)) return null;
    const { rows } = await this.pool.query<DatasetRecord>(
      `UPDATE datasets SET name = $1, version = version + 1, updated_at = GREATEST(updated_at, $2::timestamptz)
       WHERE id = $3 AND workspace = $4 AND NOT built_in RETURNING *`,
      [name, new Date().toISOString(), id, workspace],
    );
    return rows[0] ? toMeta(rows[0]) : null;
  }

  async deleteDataset(id: number, workspace: string): Promise<boolean> {
    if (!isInt4(id)) return false;
    const res = await this.pool.query(`DELETE FROM datasets WHERE id = $1 AND workspace = $2 AND NOT built_in`, [id, workspace]);
    return (res.rowCount ?? 0) > 0;
  }

  async listScenarios(workspace: string): Promise<Scenario[]> {
    const { rows } = await this.pool.query<ScenarioRecord>(`SELECT * FROM scenarios WHERE built_in OR workspace = $1 ORDER BY built_in DESC, id`, [workspace]);
    return rows.map(toScenario);
  }

  async getScenario(id: number, workspace: string): Promise<Scenario | null> {
    if (!isInt4(id)) return null;
    const { rows } = await this.pool.query<ScenarioRecord>(`SELECT * FROM scenarios WHERE id = $1 AND (built_in OR workspace = $2)`, [id, workspace]);
    return rows[0] ? toScenario(rows[0]) : null;
  }

  async saveScenario(input: { name: string; workspace: string | null; values: Record<string, number | string>; builtIn?: boolean }): Promise<Scenario> {
    assertStorableText(input.name, 'scenario name');
    const valuesJson = JSON.stringify(input.values);
    assertStorableText(valuesJson, 'scenario values');
    const insert = `INSERT INTO scenarios (name, workspace, values_json, built_in, created_at) VALUES ($1, $2, $3, $4, $5)`;
    const args = [input.name, input.workspace, valuesJson, input.builtIn === true, new Date().toISOString()];
    if (!input.builtIn) return toScenario((await this.pool.query<ScenarioRecord>(`${insert} RETURNING *`, args)).rows[0] as ScenarioRecord);
    // One built-in per name (a unique index): instances seeding together keep the first.
    const added = await this.pool.query<ScenarioRecord>(`${insert} ON CONFLICT (name) WHERE built_in DO NOTHING RETURNING *`, args);
    const row = added.rows[0] ?? (await this.pool.query<ScenarioRecord>(`SELECT * FROM scenarios WHERE built_in AND name = $1`, [input.name])).rows[0];
    return toScenario(row as ScenarioRecord);
  }

  async updateScenario(id: number, workspace: string, input: { name: string; values: Record<string, number | string> }): Promise<Scenario | null> {
    assertStorableText(input.name, 'scenario name');
    const valuesJson = JSON.stringify(input.values);
    assertStorableText(valuesJson, 'scenario values');
    if (!isInt4(id)) return null;
    const { rows } = await this.pool.query<ScenarioRecord>(
      `UPDATE scenarios SET name = $1, values_json = $2 WHERE id = $3 AND workspace = $4 AND NOT built_in RETURNING *`,
      [input.name, valuesJson, id, workspace],
    );
    return rows[0] ? toScenario(rows[0]) : null;
  }

  async deleteScenario(id: number, workspace: string): Promise<boolean> {
    if (!isInt4(id)) return false;
    const res = await this.pool.query(`DELETE FROM scenarios WHERE id = $1 AND workspace = $2 AND NOT built_in`, [id, workspace]);
    return (res.rowCount ?? 0) > 0;
  }

  async countHit(key: string, windowMs: number, now = Date.now()): Promise<HitCount> {
    // Expired windows of keys not seen again are swept now and then, not on every hit.
    if (++this.hitsSinceSweep >= SWEEP_EVERY_HITS) {
      this.hitsSinceSweep = 0;
      await this.pool.query(`DELETE FROM rate_limit_hits WHERE reset_at <= $1`, [now]);
    }
    // One statement, so hits through every instance at once are all counted (the row lock orders them).
    const { rows } = await this.pool.query<{ hits: number; reset_at: string }>(
      `INSERT INTO rate_limit_hits AS r (key, hits, reset_at) VALUES ($1, 1, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= $2::bigint THEN 1 ELSE r.hits + 1 END,
         reset_at = CASE WHEN r.reset_at <= $2::bigint THEN $2::bigint + $3::bigint ELSE r.reset_at END
       RETURNING hits, reset_at`,
      [key, now, windowMs],
    );
    const row = rows[0] as { hits: number; reset_at: string };
    return { hits: row.hits, resetAt: Number(row.reset_at) };
  }

  async uncountHit(key: string, now = Date.now()): Promise<void> {
    await this.pool.query(`UPDATE rate_limit_hits SET hits = GREATEST(hits - 1, 0) WHERE key = $1 AND reset_at > $2`, [key, now]);
  }

  async resetHits(key: string): Promise<void> {
    await this.pool.query(`DELETE FROM rate_limit_hits WHERE key = $1`, [key]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Inside a transaction: the dataset, its rows by COPY, then the final count. */
  private async insertDataset(client: PoolClient, input: NewDataset): Promise<DatasetMeta> {
    const { columnsJson, warningsJson } = storableMetadata(input);
    const now = new Date().toISOString();
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO datasets (kind, name, row_count, built_in, workspace, source_name, columns_json, warnings_json, seed_key, created_at, updated_at)
       VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [input.kind, input.name, input.builtIn, input.workspace, input.sourceName ?? null, columnsJson, warningsJson, input.seedKey ?? null, now],
    );
    const id = (inserted.rows[0] as { id: number }).id;
    const rowCount = await this.copyRows(client, id, input.rows);
    const { rows } = await client.query<DatasetRecord>(`UPDATE datasets SET row_count = $1 WHERE id = $2 RETURNING *`, [rowCount, id]);
    return toMeta(rows[0] as DatasetRecord);
  }

  /**
   * Streams the rows into dataset_row_chunks with COPY, a chunk of 256 rows per line, checking
   * each chunk before it is sent. A refused row aborts the COPY, and the transaction rolls back.
   */
  private async copyRows(client: PoolClient, id: number, rows: Iterable<Row>): Promise<number> {
    const copy = client.query(copyFrom(`COPY dataset_row_chunks (dataset_id, chunk, data) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    // A failure while writing is reported by `done` too; keep it from being unhandled meanwhile.
    done.catch(() => undefined);
    let n = 0;
    let chunk = 0;
    let batch: Row[] = [];
    let pending = '';
    const sendBatch = async (): Promise<void> => {
      pending += `${id}\t${chunk}\t${copyText(chunkJson(batch, n - batch.length + 1))}\n`;
      chunk++;
      batch = [];
      if (pending.length >= COPY_WRITE_BYTES) {
        const ok = copy.write(pending);
        pending = '';
        if (!ok) await Promise.race([once(copy, 'drain'), done]);
      }
    };
    try {
      for (const row of rows) {
        batch.push(row);
        n++;
        if (batch.length === CHUNK_ROWS) await sendBatch();
      }
      if (batch.length > 0) await sendBatch();
      if (pending) copy.write(pending);
      copy.end();
      await done;
      return n;
    } catch (e) {
      // Ends the COPY with CopyFail; the caller rolls back (or discards the connection).
      copy.destroy(e instanceof Error ? e : new Error(String(e)));
      await done.catch(() => undefined);
      throw e;
    }
  }
}

/** Ids are PostgreSQL `integer`s: a larger number is no dataset, not a query error. */
function isInt4(id: number): boolean {
  return Number.isSafeInteger(id) && id >= 1 && id <= 2147483647;
}
