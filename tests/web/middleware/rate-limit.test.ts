import request from 'supertest';
import { makeApp } from '../../helpers/app';

const CSV = Buffer.from('company,fiscal_year,capex\nAcme,2024,1\n');
const upload = (app: Parameters<typeof request>[0], token: string, xff?: string) => {
  const r = request(app).post('/api/datasets').set('Authorization', `Bearer ${token}`);
  return (xff ? r.set('X-Forwarded-For', xff) : r).attach('file', CSV, 'a.csv');
};

describe('upload rate limits', () => {
  test('per workspace › two tokens behind one address each get UPLOADS_PER_MINUTE', async () => {
    const { app } = await makeApp({ UPLOADS_PER_MINUTE: '2' });
    await upload(app, 'token-of-alice').expect(201);
    await upload(app, 'token-of-alice').expect(201);
    const third = await upload(app, 'token-of-alice').expect(429);
    expect(third.body.error.message).toContain('per workspace');
    await upload(app, 'token-of-bob-1').expect(201);
  });

  test('rotating tokens and X-Forwarded-For from loopback, TRUST_PROXY unset › one address: refused after 4× the limit', async () => {
    const { app } = await makeApp({ UPLOADS_PER_MINUTE: '1' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await upload(app, `rotating-token-${i}`, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
  });

  test('TRUST_PROXY=loopback › X-Forwarded-For from the proxy names the client, each counted apart', async () => {
    const { app } = await makeApp({ UPLOADS_PER_MINUTE: '1', TRUST_PROXY: 'loopback' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await upload(app, `rotating-token-${i}`, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
  });
});

describe('TRUST_PROXY', () => {
  const { loadConfig, ConfigError } = jest.requireActual('../../../src/config') as typeof import('../../../src/config');
  test.each([
    ['', false],
    ['false', false],
    ['1', 1],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
  ])('%j › %j', (value, expected) => expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected));
  test('"true" (trust any client) › refused at start, naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY="true"/);
  });
});
