import fs from 'node:fs';
import path from 'node:path';

/**
 * Imports flow one way: web → report → (ingest, store, models) → finance; i18n (the translator)
 * imports nothing of the project and serves web and report. finance imports nothing of
 * the project, and nothing imports web. This test reads every import in src/ and holds the rule.
 */
const SRC = path.join(__dirname, '..', 'src');
const ALLOWED: Record<string, string[]> = {
  finance: [],
  i18n: [],
  models: ['finance'],
  ingest: ['finance', 'store'],
  store: [],
  report: ['finance', 'models', 'ingest', 'store', 'i18n'],
  web: ['report', 'ingest', 'store', 'models', 'finance', 'config', 'i18n'],
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function areaOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? (rel[0] as string) : path.basename(file, '.ts');
}

describe('architecture', () => {
  test('imports › follow web → report → (ingest, store, models) → finance', () => {
    const violations: string[] = [];
    for (const file of filesUnder(SRC)) {
      const from = areaOf(file);
      const allowed = ALLOWED[from];
      if (!allowed) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from\s+'(\.[^']+)'/g)) {
        const target = path.resolve(path.dirname(file), m[1] as string);
        const to = areaOf(target.endsWith('.ts') ? target : target + '.ts');
        if (to !== from && !allowed.includes(to)) violations.push(`${path.relative(SRC, file)} imports ${m[1]} (${from} → ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  test('finance and models › no I/O, clock, global randomness or environment', () => {
    const offenders: string[] = [];
    for (const area of ['finance', 'models']) {
      const dir = path.join(SRC, area);
      if (!fs.existsSync(dir)) continue;
      for (const file of filesUnder(dir)) {
        const code = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        if (/Math\.random|Date\.now|new Date\(\)|process\.env|from 'node:fs'|from 'fs'|from 'express'/.test(code)) {
          offenders.push(path.relative(SRC, file));
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
