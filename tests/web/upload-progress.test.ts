import request from 'supertest';
import { makeApp, csrfOf } from '../helpers/app';
import { progressText, UploadProgressBoard, type UploadProgressView, type UploadTracker } from '../../src/web/upload-progress';

const ID = '0123456789abcdef0123456789abcdef';

/** A clock the test moves by hand. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('upload progress board', () => {
  test('phases › receiving, reading (rows and bytes), storing, done with the rows stored', () => {
    const c = clock();
    const board = new UploadProgressBoard(c.now);
    const tracker = board.start('ws:a', ID) as UploadTracker;
    expect(board.get('ws:a', ID)).toEqual({ phase: 'receiving', rows: 0, stored: 0, bytesRead: 0, bytes: 0 });
    tracker.reading(4000);
    c.advance(250);
    tracker.read(100, 1000);
    expect(board.get('ws:a', ID)).toEqual({ phase: 'reading', rows: 100, stored: 0, bytesRead: 1000, bytes: 4000 });
    tracker.storing(380);
    tracker.stored(200);
    expect(board.get('ws:a', ID)).toEqual({ phase: 'storing', rows: 380, stored: 200, bytesRead: 4000, bytes: 4000 });
    tracker.done(380);
    expect(board.get('ws:a', ID)).toEqual({ phase: 'done', rows: 380, stored: 380, bytesRead: 4000, bytes: 4000 });
  });

  test('reading › kept at most every 200 ms, so ingest can report every chunk', () => {
    const c = clock();
    const board = new UploadProgressBoard(c.now);
    const tracker = board.start('ws:a', ID) as UploadTracker;
    tracker.reading(1000);
    c.advance(200);
    tracker.read(10, 100);
    c.advance(50);
    tracker.read(20, 200);
    expect(board.get('ws:a', ID)).toMatchObject({ rows: 10, bytesRead: 100 });
    c.advance(150);
    tracker.read(30, 300);
    expect(board.get('ws:a', ID)).toMatchObject({ rows: 30, bytesRead: 300 });
  });

  test('workspaces › one cannot read another workspace upload, nor an id the page would not make', () => {
    const board = new UploadProgressBoard();
    board.start('ws:a', ID);
    expect(board.get('ws:a', ID)).not.toBeNull();
    expect(board.get('ws:b', ID)).toBeNull();
    expect(board.get('ws:a', ID.slice(1))).toBeNull();
    expect(board.start('ws:a', 'short')).toBeNull();
    expect(board.start('ws:a', undefined)).toBeNull();
    expect(board.start('ws:a', `${ID}/../x`)).toBeNull();
  });

  test('bounded and expiring › the oldest upload is dropped past the limit; an entry expires after its TTL', () => {
    const c = clock();
    const board = new UploadProgressBoard(c.now, { max: 2, ttlMs: 60_000 });
    const ids = ['a', 'b', 'c'].map((x) => x.repeat(16));
    for (const id of ids) board.start('ws:a', id);
    expect(ids.map((id) => board.get('ws:a', id) !== null)).toEqual([false, true, true]);
    c.advance(60_001);
    expect(board.get('ws:a', ids[2] as string)).toBeNull();
  });

  test('texts › each language with the placeholders the script fills in', () => {
    expect(progressText('en')).toMatchObject({ sent: '{sent} of {total} sent', imported: { one: '{rows} row imported', other: '{rows} rows imported' } });
    expect(progressText('ko')).toMatchObject({ sent: '{total} 중 {sent} 보냄', imported: { one: '{rows}행 가져옴', other: '{rows}행 가져옴' } });
    expect(progressText('en').failed).toContain('{status}');
  });
});

/** A company file of `rows` rows, several 64 KiB chunks long. */
function companyFile(rows: number): Buffer {
  const lines = ['company,fiscal_year,capex,notes'];
  for (let i = 0; i < rows; i++) lines.push(`Company ${Math.floor(i / 200)},${1950 + (i % 200)},${i + 1},${'n'.repeat(40)}`);
  return Buffer.from(lines.join('\n') + '\n');
}

async function formAgent(app: Parameters<typeof request.agent>[0]): Promise<{ agent: ReturnType<typeof request.agent>; token: string }> {
  const agent = request.agent(app);
  const form = await agent.get('/datasets/new').expect(200);
  const token = csrfOf(form.text);
  return { agent, token };
}

describe('GET /datasets/uploads/:id/progress', () => {
  afterEach(() => jest.restoreAllMocks());

  test('an upload with an id › rows read rise, then the rows stored; the answer is the total; other workspaces get 404', async () => {
    // Every call the route makes on the upload's tracker, with the progress it shows at that moment.
    const calls: { call: string; args: number[]; view: UploadProgressView | null }[] = [];
    const start = UploadProgressBoard.prototype.start;
    jest.spyOn(UploadProgressBoard.prototype, 'start').mockImplementation(function (this: UploadProgressBoard, ws: string, id: string | undefined) {
      const tracker = start.call(this, ws, id);
      if (!tracker || id === undefined) return tracker;
      const spied = {} as Record<string, (...a: number[]) => void>;
      for (const name of ['reading', 'read', 'storing', 'stored', 'done', 'failed'] as const) {
        spied[name] = (...args: number[]) => {
          (tracker[name] as (...a: number[]) => void)(...args);
          calls.push({ call: name, args, view: this.get(ws, id) });
        };
      }
      return spied as unknown as UploadTracker;
    });
    const { app } = await makeApp();
    const { agent, token } = await formAgent(app);
    const file = companyFile(30_000);
    const res = await agent.post('/datasets/new').set('X-Upload-Id', ID).field('_csrf', token).attach('file', file, 'big.csv');
    expect(res.status).toBe(303);

    expect(calls[0]).toMatchObject({ call: 'reading', args: [file.length], view: { phase: 'reading', bytes: file.length } });
    const reads = calls.filter((c) => c.call === 'read').map((c) => c.args);
    expect(reads.length).toBeGreaterThan(5);
    for (let i = 1; i < reads.length; i++) {
      expect((reads[i] as number[])[0]).toBeGreaterThanOrEqual((reads[i - 1] as number[])[0] as number);
      expect((reads[i] as number[])[1]).toBeGreaterThan((reads[i - 1] as number[])[1] as number);
    }
    expect(reads[reads.length - 1]?.[1]).toBe(file.length);
    expect(calls.filter((c) => c.call === 'stored').map((c) => c.args[0])).toEqual([10_000, 20_000, 30_000]);
    expect(calls.map((c) => c.call).filter((c) => c !== 'read' && c !== 'stored')).toEqual(['reading', 'storing', 'done']);

    const progress = await agent.get(`/datasets/uploads/${ID}/progress`).expect(200);
    expect(progress.headers['cache-control']).toBe('no-store');
    expect(progress.body).toEqual({ phase: 'done', rows: 30_000, stored: 30_000, bytesRead: file.length, bytes: file.length });

    // Another browser (another workspace) and an unknown id see nothing.
    const other = await request(app).get(`/datasets/uploads/${ID}/progress`).expect(404);
    expect(other.body.error.code).toBe('not_found');
    expect(other.text).not.toContain('30000');
    await agent.get(`/datasets/uploads/${'f'.repeat(32)}/progress`).expect(404);
    await agent.get('/datasets/uploads/not-an-id/progress').expect(404);
  });

  test('a file with problems › 422 as before, and its progress says failed', async () => {
    const { app } = await makeApp();
    const { agent, token } = await formAgent(app);
    const res = await agent.post('/datasets/new').set('X-Upload-Id', ID).field('_csrf', token).attach('file', Buffer.from('company,fiscal_year,capex\nA,2024,12abc\n'), 'bad.csv');
    expect(res.status).toBe(422);
    expect((await agent.get(`/datasets/uploads/${ID}/progress`).expect(200)).body).toMatchObject({ phase: 'failed' });
  });

  test('an upload without an id (the plain form, the API) › nothing tracked, the upload as before', async () => {
    const { app } = await makeApp();
    const { agent, token } = await formAgent(app);
    const res = await agent.post('/datasets/new').set('X-Upload-Id', 'short').field('_csrf', token).attach('file', companyFile(3), 'small.csv');
    expect(res.status).toBe(303);
    await agent.get('/datasets/uploads/short/progress').expect(404);
  });

  test('the upload page › the texts for its script in a JSON block, and the script it loads', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/datasets/new').set('Accept-Language', 'ko').expect(200);
    const json = /<script type="application\/json" id="upload-progress-text">([^<]*)<\/script>/.exec(res.text)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual(progressText('ko'));
    expect(res.text).toContain('<script src="/js/upload-progress.js" defer></script>');
    await request(app).get('/js/upload-progress.js').expect(200).expect('Content-Type', /javascript/);
  });
});
