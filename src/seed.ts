import fs from 'node:fs';
import path from 'node:path';
import { ingestBuffer } from './ingest';
import { KOREA_DATASET_FILE } from './report/data-defaults';
import type { DatasetKind, Store } from './store/types';

/** The datasets shipped in data/, loaded on first start. */
export const BUILT_INS: { file: string; kind: DatasetKind; name: string }[] = [
  { file: 'hyperscaler-capex.csv', kind: 'company', name: 'Hyperscaler capex 2022–2026' },
  { file: 'model-costs.csv', kind: 'models', name: 'AI model training costs' },
  { file: KOREA_DATASET_FILE, kind: 'company', name: 'Korean companies 2022–2025 (KRW)' },
];

/**
 * Loads each built-in dataset once, through the same ingest path as uploads. Safe when several
 * processes start at once: the store writes a seed under its key only if it is not there yet,
 * inside one write transaction.
 * @returns the names of datasets loaded by this call.
 */
export async function seedBuiltIns(store: Store, dataDir: string): Promise<string[]> {
  const loaded: string[] = [];
  for (const b of BUILT_INS) {
    const result = ingestBuffer(fs.readFileSync(path.join(dataDir, b.file)), { kind: b.kind });
    if (!result.ok) {
      const first = result.problems[0];
      throw new Error(`Built-in dataset ${b.file} does not load: ${first ? `line ${first.line}, ${first.column}: ${first.message}` : 'unknown problem'}`);
    }
    const added = await store.seedDataset({
      seedKey: b.file,
      kind: b.kind,
      name: b.name,
      builtIn: true,
      workspace: null,
      sourceName: b.file,
      columns: result.columns,
      warnings: result.warnings,
      warningMessages: result.warningMessages,
      rows: result.rows,
    });
    if (added) loaded.push(b.name);
  }
  return loaded;
}
