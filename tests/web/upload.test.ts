import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import request from 'supertest';
import { makeApp, csrfOf } from '../helpers/app';
import type { Store } from '../../src/store/types';
import { workspaceOfToken } from '../../src/web/middleware/workspace';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ingest');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));

/** Every API write carries a token; this one names the tests' workspace. */
const TOKEN = 'upload-tests-token';
const AUTH = `Bearer ${TOKEN}`;

async function datasetCount(store: Store, workspace = workspaceOfToken(TOKEN)): Promise<number> {
  return (await store.listDatasets(workspace)).length;
}

describe('upload API', () => {
  test('POST /api/datasets › CP949 Korean file › 201 with id, kind, name, rowCount, warnings', async () => {
    const { app } = await makeApp();
    const bytes = iconv.encode(fixture('korean.csv').toString('utf8'), 'cp949');
    const res = await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', bytes, 'samsung.csv').expect(201);
    expect(res.body).toEqual({ id: expect.any(Number), kind: 'company', name: 'samsung', rowCount: 3, warnings: ['The file was read as CP949 (Korean) text.'] });
    expect(res.headers.location).toBe(`/api/datasets/${res.body.id}`);
  });

  test('GET /api/datasets/:id › canonical names, whole currency units, null for missing', async () => {
    const { app } = await makeApp();
    const up = await request(app).post('/api/datasets').set('Authorization', AUTH).field('name', 'Korea').attach('file', fixture('korean.csv'), 'k.csv').expect(201);
    const res = await request(app).get(`/api/datasets/${up.body.id}`).set('Authorization', AUTH).expect(200);
    expect(res.body).toEqual({
      id: up.body.id,
      kind: 'company',
      name: 'Korea',
      rowCount: 3,
      rows: [
        { company: '삼성전자', fiscal_year: 2023, capex: 53113900000000, revenue: 258935500000000, operating_income: 6567000000000, net_income: 15487300000000, share_price: 78500, currency: 'KRW' },
        { company: '삼성전자', fiscal_year: 2024, capex: -7730300000000, revenue: 300870900000000, operating_income: 32726000000000, net_income: 34451400000000, share_price: 53200, currency: 'KRW' },
        { company: 'SK하이닉스', fiscal_year: 2024, capex: 17900000000000, revenue: 66193000000000, operating_income: 23467300000000, net_income: 19796900000000, share_price: null, currency: 'KRW' },
      ],
    });
  });

  test('fields after the file › still applied (kind, unit, currency)', async () => {
    const { app } = await makeApp();
    const csv = Buffer.from('company,fiscal_year,capex\nAcme,2024,"1,500"\n');
    const up = await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', csv, 'a.csv').field('unit', 'millions').field('currency', 'eur').field('kind', 'company').expect(201);
    const res = await request(app).get(`/api/datasets/${up.body.id}`).set('Authorization', AUTH).expect(200);
    expect(res.body.rows).toEqual([{ company: 'Acme', fiscal_year: 2024, capex: 1.5e9, currency: 'EUR' }]);
  });

  test('Epoch export › 201 as models, with the cost-route warning', async () => {
    const { app } = await makeApp();
    const res = await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', fixture('epoch-all-ml-systems.csv'), 'epoch.csv').expect(201);
    expect(res.body).toMatchObject({ kind: 'models', rowCount: 7 });
    expect(res.body.warnings).toEqual([
      '2 of 7 models have no usable way to a training cost (no reported cost, no GPU-hours, no FLOPs with training hardware): they are kept, and cost_note says what is missing.',
    ]);
  });

  test('file with problems › 422 listing code, line, column, value; nothing stored', async () => {
    const { app, store } = await makeApp();
    const before = await datasetCount(store);
    const res = await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', fixture('problems.csv'), 'p.csv').expect(422);
    expect(res.body.problemCount).toBe(5);
    expect(res.body.problems.map((p: Record<string, unknown>) => [p.code, p.line, p.column, p.value])).toEqual([
      ['bad_number', 4, 'capex', '12abc'],
      ['too_few_fields', 6, 'capex', null],
      ['duplicate_row', 7, 'fiscal_year', 'Beta 2024'],
      ['bad_year', 8, 'fiscal_year', '20x4'],
      ['too_many_fields', 9, null, 'many'],
    ]);
    expect(res.body.problems[0].message).toBe('Expected an amount such as 1,234.5, $52.5B, 450M, (1,200) or 53조 1,139억.');
    expect(await datasetCount(store)).toBe(before);
  });

  test('empty file › 422 empty_file', async () => {
    const { app } = await makeApp();
    const res = await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', Buffer.alloc(0), 'e.csv').expect(422);
    expect(res.body.problems).toEqual([{ code: 'empty_file', line: null, column: null, value: null, message: expect.any(String) }]);
  });

  test('no file part › 422 no_file', async () => {
    const { app } = await makeApp();
    const res = await request(app).post('/api/datasets').set('Authorization', AUTH).field('name', 'x').expect(422);
    expect(res.body.problems).toEqual([{ code: 'no_file', line: null, column: 'file', value: null, message: 'Choose a CSV file to upload (form field "file").' }]);
  });

  test.each([
    ['unit', 'gazillions'],
    ['kind', 'stocks'],
    ['currency', 'dollars'],
    ['name', 'bad\u0000name'],
    ['company', 'x'.repeat(201)],
  ])('bad form field %s › 422 bad_field naming it', async (field, value) => {
    const { app, store } = await makeApp();
    const before = await datasetCount(store);
    const res = await request(app).post('/api/datasets').set('Authorization', AUTH).field(field, value).attach('file', fixture('quarterly.csv'), 'q.csv').expect(422);
    expect(res.body.problems).toEqual([{ code: 'bad_field', line: null, column: field, value: null, message: expect.stringContaining(`"${field}"`) }]);
    expect(await datasetCount(store)).toBe(before);
  });

  test('company typed, file without a company column › 201, every row is that company', async () => {
    const { app } = await makeApp();
    const csv = Buffer.from('fiscal_year,capex,revenue\n2024,53.6e12,300.9e12\n2025,47.5e12,333.6e12\n');
    const up = await request(app).post('/api/datasets').set('Authorization', AUTH).field('company', '  Samsung <Electronics>  ').field('currency', 'KRW').attach('file', csv, 'samsung.csv').expect(201);
    expect(up.body).toMatchObject({ kind: 'company', rowCount: 2 });
    expect(up.body.warnings).toContain('The file has no company column: every row is "Samsung <Electronics>", as typed on the form.');
    const res = await request(app).get(`/api/datasets/${up.body.id}`).set('Authorization', AUTH).expect(200);
    expect(res.body.rows.map((r: { company: string; fiscal_year: number; capex: number }) => [r.company, r.fiscal_year, r.capex])).toEqual([
      ['Samsung <Electronics>', 2024, 53.6e12],
      ['Samsung <Electronics>', 2025, 47.5e12],
    ]);
  });

  test('company typed, file with a company column › 422 saying the file already names companies; nothing stored', async () => {
    const { app, store } = await makeApp();
    const before = await datasetCount(store);
    const res = await request(app).post('/api/datasets').set('Authorization', AUTH).field('company', 'Acme').attach('file', Buffer.from('회사,연도,설비투자\nA,2024,1\n'), 'a.csv').expect(422);
    expect(res.body.problems).toEqual([{ code: 'bad_field', line: null, column: 'company', value: 'Acme', message: expect.stringContaining('already names companies in its column "회사"') }]);
    expect(await datasetCount(store)).toBe(before);
  });

  test('company typed for a models file › 422; blank company › as if not typed', async () => {
    const { app } = await makeApp();
    const models = await request(app).post('/api/datasets').set('Authorization', AUTH).field('company', 'Acme').field('kind', 'models').attach('file', Buffer.from('model,parameters\nX,7e9\n'), 'm.csv').expect(422);
    expect(models.body.problems[0]).toMatchObject({ code: 'bad_field', column: 'company' });
    // No company column and no company typed: the missing column is named, as before.
    const none = await request(app).post('/api/datasets').set('Authorization', AUTH).field('company', '   ').attach('file', Buffer.from('fiscal_year,capex\n2024,1\n'), 'a.csv').expect(422);
    expect(none.body.problems[0]).toMatchObject({ code: 'missing_column', column: 'company' });
  });

  test('not multipart › 415', async () => {
    const { app } = await makeApp();
    await request(app).post('/api/datasets').set('Authorization', AUTH).set('content-type', 'text/csv').send('company,fiscal_year,capex\nA,2024,1\n').expect(415);
  });

  test('declared length over MAX_UPLOAD_BYTES › 413 before reading; nothing stored', async () => {
    const { app, store } = await makeApp({ MAX_UPLOAD_BYTES: '1024' });
    const before = await datasetCount(store);
    const big = Buffer.from('company,fiscal_year,capex\n' + 'Acme,2024,1\n'.repeat(20000));
    const res = await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', big, 'big.csv');
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({ code: 'payload_too_large', message: 'The file is larger than the upload limit of 1 KB.' });
    expect(await datasetCount(store)).toBe(before);
  });

  test('streamed body without a length over the limit › 413 at once: the server stops reading long before the client is done', async () => {
    const { app, store } = await makeApp({ MAX_UPLOAD_BYTES: String(256 * 1024) });
    const before = await datasetCount(store);
    const server = app.listen(0);
    try {
      const port = (server.address() as AddressInfo).port;
      const boundary = 'xcapexlensx';
      const total = 256 * 1024 * 1024; // 256 MB offered; a buffering server would hold it all
      const chunk = Buffer.from('Acme,2024,1\n'.repeat(5000));
      const result = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
        let sent = 0;
        let done = false;
        const req = http.request({ port, method: 'POST', path: '/api/datasets', headers: { authorization: AUTH, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } });
        req.on('response', (res) => {
          done = true;
          res.resume();
          resolve({ status: res.statusCode ?? 0, sent });
        });
        req.on('error', (e) => (done ? undefined : reject(e)));
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\ncompany,fiscal_year,capex\n`);
        const pump = (): void => {
          while (!done && !req.destroyed && sent < total) {
            sent += chunk.length;
            if (!req.write(chunk)) {
              req.once('drain', pump);
              return;
            }
          }
          if (!done && !req.destroyed) req.end(`\r\n--${boundary}--\r\n`);
        };
        pump();
      });
      expect(result.status).toBe(413);
      expect(result.sent).toBeLessThan(32 * 1024 * 1024);
      expect(await datasetCount(store)).toBe(before);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('GET /api/datasets/:id from another workspace › 404', async () => {
    const { app } = await makeApp();
    const up = await request(app).post('/api/datasets').set('authorization', 'Bearer token-of-alice').attach('file', fixture('quarterly.csv'), 'q.csv').expect(201);
    await request(app).get(`/api/datasets/${up.body.id}`).set('authorization', 'Bearer token-of-alice').expect(200);
    await request(app).get(`/api/datasets/${up.body.id}`).set('authorization', 'Bearer token-of-bob').expect(404);
    await request(app).get(`/api/datasets/${up.body.id}`).expect(404);
    await request(app).get('/api/datasets/abc').expect(404);
  });

  test('more uploads than UPLOADS_PER_MINUTE › 429', async () => {
    const { app } = await makeApp({ UPLOADS_PER_MINUTE: '2' });
    const csv = Buffer.from('company,fiscal_year,capex\nA,2024,1\n');
    await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', csv, 'a.csv').expect(201);
    await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', csv, 'a.csv').expect(201);
    const res = await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', csv, 'a.csv').expect(429);
    expect(res.body.error.code).toBe('rate_limited');
  });

  test('store failing mid-way › the store is left as it was', async () => {
    const { app, store } = await makeApp();
    const before = await datasetCount(store);
    const failing = Object.create(store) as Store;
    failing.createDataset = (input) =>
      store.createDataset({
        ...input,
        rows: (function* () {
          let n = 0;
          for (const r of input.rows) {
            if (++n === 3) throw new Error('disk full');
            yield r;
          }
        })(),
      });
    const { createApp } = await import('../../src/web/app');
    const { testConfig } = await import('../helpers/app');
    const broken = createApp({ store: failing, config: testConfig() });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await request(broken).post('/api/datasets').set('Authorization', AUTH).attach('file', fixture('korean.csv'), 'k.csv').expect(500);
    spy.mockRestore();
    expect(await datasetCount(store)).toBe(before);
  });
});

describe('upload form', () => {
  async function formAgent(env: Record<string, string> = {}) {
    const made = await makeApp(env);
    const agent = request.agent(made.app);
    const page = await agent.get('/datasets/new').expect(200);
    const csrf = csrfOf(page.text);
    if (!csrf) throw new Error('no CSRF field on the form');
    // As a browser sends the form: the hidden token first, then the fields, then the file.
    const post = () => agent.post('/datasets/new').field('_csrf', csrf);
    return { ...made, agent, csrf, post, page: page.text };
  }

  test('GET /datasets/new › multipart form with the CSRF token and fields before the file, no token in the action', async () => {
    const { page } = await formAgent();
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('action="/datasets/new"');
    expect(page).not.toContain('_csrf=');
    expect(page.indexOf('name="_csrf"')).toBeLessThan(page.indexOf('name="file"'));
    expect(page.indexOf('name="kind"')).toBeLessThan(page.indexOf('name="file"'));
    expect(page.indexOf('name="unit"')).toBeLessThan(page.indexOf('name="file"'));
  });

  test('POST /datasets/new with the token in the URL only › 403, nothing stored (a token never rides in a URL)', async () => {
    const { agent, csrf, store } = await formAgent();
    const before = (await store.listDatasets('any')).length;
    const res = await agent.post(`/datasets/new?_csrf=${encodeURIComponent(csrf)}`).attach('file', fixture('quarterly.csv'), 'q.csv').expect(403);
    expect(res.text).toContain('reload the page');
    expect((await store.listDatasets('any')).length).toBe(before);
  });

  test('POST /datasets/new with the token after the file › 403, nothing stored', async () => {
    const { agent, csrf, store } = await formAgent();
    const before = (await store.listDatasets('any')).length;
    await agent.post('/datasets/new').attach('file', fixture('quarterly.csv'), 'q.csv').field('_csrf', csrf).expect(403);
    expect((await store.listDatasets('any')).length).toBe(before);
  });

  test('POST /datasets/new with a wrong token › 403', async () => {
    const { agent } = await formAgent();
    await agent.post('/datasets/new').field('_csrf', 'forged').attach('file', fixture('quarterly.csv'), 'q.csv').expect(403);
  });

  test('POST /datasets/new › 303 to the dataset page, which shows the mapping and warnings', async () => {
    const { agent, post } = await formAgent();
    const res = await post().field('name', 'Quarters').attach('file', fixture('quarterly.csv'), 'q.csv').expect(303);
    expect(res.headers.location).toMatch(/^\/datasets\/\d+$/);
    const show = await agent.get(res.headers.location as string).expect(200);
    expect(show.text).toContain('Quarters');
    expect(show.text).toContain('5 quarterly rows were rolled up into 2 yearly rows');
    expect(show.text).toContain('<code>period</code>');
    // 2025 has only Q1: marked partial once, in its own row; 2024 (four quarters) is not.
    expect(show.text.match(/class="badge partial"/g)).toHaveLength(1);
    expect(show.text).toMatch(/2025 <span class="badge partial"/);
    expect(show.text).toContain('Partial year: Acme 2025 (Q1 only).');
  });

  test('POST /datasets/new with problems › 422 page listing them; nothing stored', async () => {
    const { post, store } = await formAgent();
    const before = (await store.listDatasets('any')).length;
    const res = await post().attach('file', fixture('problems.csv'), 'p.csv').expect(422);
    expect(res.text).toContain('Nothing was stored');
    expect(res.text).toContain('<code>12abc</code>');
    expect(res.text).toContain('5 problems');
    expect((await store.listDatasets('any')).length).toBe(before);
  });

  test('POST /datasets/new without the CSRF token › 403', async () => {
    const { agent } = await formAgent();
    await agent.post('/datasets/new').attach('file', fixture('quarterly.csv'), 'q.csv').expect(403);
  });

  test('POST /datasets/new with a typed company › a one-company file without a company column lands under that company', async () => {
    const { agent, post } = await formAgent();
    const res = await post().field('company', 'SK hynix').attach('file', Buffer.from('fiscal_year,capex\n2024,17.96e12\n2025,30e12\n'), 'sk.csv').expect(303);
    const show = await agent.get(res.headers.location as string).expect(200);
    expect(show.text).toContain('every row is &quot;SK hynix&quot;, as typed on the form');
    expect(show.text.match(/<td[^>]*>SK hynix<\/td>/g)?.length).toBe(2);
  });

  test('POST /datasets/new with a typed company and a company column › 422 page saying the file already names companies', async () => {
    const { post, store } = await formAgent();
    const before = (await store.listDatasets('any')).length;
    const res = await post().field('company', 'SK hynix').attach('file', fixture('quarterly.csv'), 'q.csv').expect(422);
    expect(res.text).toContain('already names companies');
    expect((await store.listDatasets('any')).length).toBe(before);
  });

  test('POST /datasets/new over the limit › 413 page', async () => {
    const { post } = await formAgent({ MAX_UPLOAD_BYTES: '1024' });
    const res = await post().attach('file', Buffer.alloc(5000, 'a'), 'big.csv').expect(413);
    expect(res.text).toContain('larger than the upload limit');
  });
});

describe('upload fuzz', () => {
  const seedCsv = fixture('problems.csv');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(fixture('quarterly.csv').toString('utf8'), 'utf16le')]);
  const cp949 = iconv.encode(fixture('korean.csv').toString('utf8'), 'cp949');
  const goodCsv = Buffer.from('company,fiscal_year,capex,revenue\nAcme,2024,"$1.5B",(1200)\nBeta,FY2023,12%,53조 1,139억\n');
  const mutated = fc
    .tuple(fc.constantFrom(seedCsv, goodCsv, fixture('korean.csv'), fixture('epoch-all-ml-systems.csv'), fixture('european.csv'), utf16, cp949), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), { maxLength: 12 }))
    .map(([base, edits]) => {
      const bytes = [...base];
      for (const [pos, byte, op] of edits) {
        const i = bytes.length === 0 ? 0 : pos % bytes.length;
        if (op === 'set' && bytes.length > 0) bytes[i] = byte;
        else if (op === 'insert') bytes.splice(i, 0, byte);
        else bytes.splice(i, 1);
      }
      return Buffer.from(bytes);
    });
  const random = fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a));
  const csvish = fc
    .array(fc.array(fc.oneof(fc.string(), fc.constantFrom('"', '""', ',', ';', '\n', '\r\n', '\t', '조', '억', '1,2', '$', '(1)', '12%', 'n/a', 'company', 'fiscal_year', 'capex', 'model', '2024Q1')), { maxLength: 8 }), { maxLength: 12 })
    .map((rows) => Buffer.from(rows.map((r) => r.join(',')).join('\n')));

  test('random and mutated CSV bytes through the whole upload path › every answer is 201 or 422', async () => {
    const { app } = await makeApp({ UPLOADS_PER_MINUTE: '100000' });
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, random, csvish), fc.constantFrom(undefined, 'company', 'models'), fc.constantFrom(undefined, 'millions'), async (bytes, kind, unit) => {
        let req = request(app).post('/api/datasets').set('Authorization', AUTH);
        if (kind) req = req.field('kind', kind);
        if (unit) req = req.field('unit', unit);
        const res = await req.attach('file', bytes, 'fuzz.csv');
        if (res.status !== 201 && res.status !== 422) throw new Error(`status ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
        if (res.status === 422) expect(res.body.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
