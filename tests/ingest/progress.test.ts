import { Readable } from 'node:stream';
import { ingestStream, type IngestProgress } from '../../src/ingest';

describe('ingestStream › onProgress', () => {
  test('a file in several chunks › told after each: rows and bytes rise, bytes end at the file size', async () => {
    const lines = ['company,fiscal_year,capex,notes'];
    for (let i = 0; i < 6000; i++) lines.push(`Company ${Math.floor(i / 100)},${1950 + (i % 100)},${i + 1},${'n'.repeat(20)}`);
    const bytes = Buffer.from(lines.join('\n') + '\n');
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 4096) chunks.push(bytes.subarray(at, at + 4096));
    const seen: IngestProgress[] = [];
    const result = await ingestStream(Readable.from(chunks), { onProgress: (p) => seen.push({ ...p }) });
    expect(result).toMatchObject({ ok: true, rowCount: 6000 });
    expect(seen).toHaveLength(chunks.length);
    expect(seen.map((p) => p.bytes)).toEqual(chunks.map((_, i) => Math.min((i + 1) * 4096, bytes.length)));
    // Rows are counted as the parser completes them: never fewer than before, nearly all by the last chunk.
    for (let i = 1; i < seen.length; i++) expect((seen[i] as IngestProgress).rows).toBeGreaterThanOrEqual((seen[i - 1] as IngestProgress).rows);
    expect((seen[seen.length - 1] as IngestProgress).rows).toBeGreaterThanOrEqual(5999);
    // Rows were reported while reading, not only at the end.
    expect(new Set(seen.map((p) => p.rows)).size).toBeGreaterThan(3);
  });

  test('a refused file › no more reports once ingest stops reading', async () => {
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.alloc(70 * 1024, 0)]);
    const seen: IngestProgress[] = [];
    const result = await ingestStream(Readable.from([bytes.subarray(0, 70 * 1024), bytes.subarray(70 * 1024)]), { onProgress: (p) => seen.push(p) });
    expect(result.ok).toBe(false);
    expect(seen).toEqual([]);
  });
});
