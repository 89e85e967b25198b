import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DatasetKind, Row, Store } from './store/types';

/** The datasets shipped in data/, loaded on first start. */
export const BUILT_INS: { file: string; kind: DatasetKind; name: string }[] = [
  { file: 'hyperscaler-capex.csv', kind: 'company', name: 'Hyperscaler capex 2022–2026' },
  { file: 'model-costs.csv', kind: 'models', name: 'AI model training costs' },
];

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Reads a built-in file written in the canonical schema (plain numbers, canonical headers). */
function readCanonical(text: string): Row[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  return records.map((rec) => {
    const row: Row = {};
    for (const [k, v] of Object.entries(rec)) row[k] = v === '' ? null : NUMBER.test(v) ? Number(v) : v;
    return row;
  });
}

/**
 * Loads each built-in dataset once. Safe when several processes start at once: the store writes a
 * seed under its key only if it is not there yet, inside one write transaction.
 * @returns the names of datasets loaded by this call.
 */
export async function seedBuiltIns(store: Store, dataDir: string): Promise<string[]> {
  const loaded: string[] = [];
  for (const b of BUILT_INS) {
    const rows = readCanonical(fs.readFileSync(path.join(dataDir, b.file), 'utf8'));
    const added = await store.seedDataset({
      seedKey: b.file,
      kind: b.kind,
      name: b.name,
      builtIn: true,
      workspace: null,
      sourceName: b.file,
      rows,
    });
    if (added) loaded.push(b.name);
  }
  return loaded;
}
