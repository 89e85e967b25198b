import fs from 'node:fs';
import path from 'node:path';
import { ingestBuffer } from '../../../src/ingest';
import type { IngestOptions } from '../../../src/ingest/types';
import { unitText } from '../../../src/web/i18n/unit-text';
import { englishRuns } from './visible-text';

/** Every unit ingest writes for the test fixtures and the built-in data, under each upload unit. */
function unitsWritten(): string[] {
  const units = new Set<string>();
  const files = [
    ...fs.readdirSync(path.join(__dirname, '../../fixtures/ingest')).filter((f) => f.endsWith('.csv')).map((f) => path.join(__dirname, '../../fixtures/ingest', f)),
    ...fs.readdirSync(path.join(__dirname, '../../../data')).filter((f) => f.endsWith('.csv')).map((f) => path.join(__dirname, '../../../data', f)),
  ];
  const options: IngestOptions[] = [{}, { kind: 'models' }, { unit: 'millions' }, { unit: 'krw-hundred-millions' }, { unit: 'krw-thousands' }];
  for (const f of files) {
    for (const o of options) {
      const r = ingestBuffer(fs.readFileSync(f), o);
      if (r.ok) for (const c of r.columns) if (c.unit) units.add(c.unit);
    }
  }
  return [...units].sort();
}

describe('unitText', () => {
  const units = unitsWritten();

  test('the fixtures write a wide set of units', () => {
    expect(units.length).toBeGreaterThan(20);
  });

  test.each(units)('%s › no English words left in Korean', (unit) => {
    const ko = unitText(unit, 'ko');
    expect(englishRuns(ko)).toEqual([]);
    expect(ko.replace(/\b(USD|KRW|EUR|FLOP|MW|MM-DD|GPU|Epoch|AI|KRW)\b/g, '')).not.toMatch(/\b[a-z]{3,}\b/);
  });

  test('examples › phrases whole, longest first; English unchanged', () => {
    expect(unitText('USD billions (from header)', 'ko')).toBe('USD 십억 (머리글에서)');
    expect(unitText('KRW 억원 (KRW hundred millions) (chosen on upload)', 'ko')).toBe('억원 (올릴 때 고름)');
    expect(unitText('fiscal year (quarters roll up to years)', 'ko')).toBe('회계연도 (분기는 연도로 합침)');
    expect(unitText('USD billions (from header)', 'en')).toBe('USD billions (from header)');
  });
});
