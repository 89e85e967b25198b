import { Readable } from 'node:stream';
import { ingestBuffer, ingestStream } from '../../src/ingest';
import { Utf16Decoder } from '../../src/ingest/utf16';

/** UTF-16 bytes of `text` with a byte-order mark; JS strings may hold lone surrogates, as damaged files do. */
function utf16(text: string, bigEndian = false): Buffer {
  const b = Buffer.alloc(2 + text.length * 2);
  for (let i = -1; i < text.length; i++) {
    const unit = i < 0 ? 0xfeff : text.charCodeAt(i);
    if (bigEndian) b.writeUInt16BE(unit, 2 + i * 2);
    else b.writeUInt16LE(unit, 2 + i * 2);
  }
  return b;
}

describe('UTF-16 uploads › lone surrogates', () => {
  test.each([
    ['little-endian, a lone high surrogate', false, 'Acme\ud83d,2024,100'],
    ['big-endian, a lone low surrogate', true, 'Acme\ude00,2024,100'],
    ['little-endian, a reversed pair', false, 'Acme\ude00\ud83d,2024,100'],
  ])('%s on line 3 › refused as bad_encoding on line 3, nothing read', (_what, bigEndian, line3) => {
    const r = ingestBuffer(utf16(`company,fiscal_year,capex\nBeta,2024,50\n${line3}\n`, bigEndian), { kind: 'company' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'bad_encoding', line: 3 });
    expect(r.problems[0]?.message).toContain('lone surrogate');
  });

  test('a lone high surrogate as the last character of the file › refused', () => {
    const r = ingestBuffer(utf16('company,fiscal_year,capex\nAcme,2024,100\ud83d'), { kind: 'company' });
    expect(r.ok).toBe(false);
  });

  test('a pair split between two chunks of the upload › read as the one character', async () => {
    const bytes = utf16('company,fiscal_year,capex\nAcme 😀,2024,100\n');
    const at = bytes.indexOf(Buffer.from([0x3d, 0xd8])) + 1; // inside the high surrogate
    const chunks = [bytes.subarray(0, at), bytes.subarray(at, at + 2), bytes.subarray(at + 2)];
    const r = await ingestStream(Readable.from(chunks), { kind: 'company' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.rows][0]).toMatchObject({ company: 'Acme 😀', capex: 100 });
  });

  test('Utf16Decoder › keeps lone surrogates, joins pairs across writes, both byte orders', () => {
    const le = new Utf16Decoder(false);
    expect(le.write(Buffer.from([0x41, 0x00, 0x3d]))).toBe('A');
    expect(le.write(Buffer.from([0xd8]))).toBe('');
    expect(le.write(Buffer.from([0x00, 0xde, 0x42, 0x00]))).toBe('😀B');
    expect(le.write(Buffer.from([0x3d, 0xd8]))).toBe('');
    expect(le.end()).toBe('\ud83d');
    const be = new Utf16Decoder(true);
    expect(be.write(Buffer.from([0x00, 0x41, 0xde, 0x00, 0x00]))).toBe('A\ude00');
    expect(be.end()).toBe('\ufffd');
  });
});
