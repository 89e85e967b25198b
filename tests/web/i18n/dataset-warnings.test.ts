import iconv from 'iconv-lite';
import request from 'supertest';
import { makeApp, csrfOf } from '../../helpers/app';
import { englishRuns, visibleText } from './visible-text';

/** Uploads through the browser form in `lang`; returns the new dataset page's URL. */
async function upload(agent: ReturnType<typeof request.agent>, bytes: Buffer, fields: Record<string, string> = {}): Promise<string> {
  const form = await agent.get('/datasets/new').expect(200);
  const token = csrfOf(form.text);
  let req = agent.post('/datasets/new').field('_csrf', token);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  const res = await req.attach('file', bytes, 'samsung.csv').expect(303);
  return String(res.headers.location);
}

describe('dataset warnings in the reader language', () => {
  // A CP949 file with 억원 amounts, two title lines above the header, a quarter column with a partial
  // year, an unknown column and a repeated row: six warnings.
  const text = [
    '삼성전자 설비투자',
    '(단위: 억원)',
    'company,fiscal_year,quarter,capex,메모',
    'Samsung,2024,1,100,a',
    'Samsung,2024,2,100,b',
    'Samsung,2024,2,100,b',
  ].join('\n');
  const bytes = iconv.encode(text, 'cp949');

  test('Korean reader › every warning in Korean, figures as in the English text', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    await agent.get('/?lang=ko');
    const page = await agent.get(await upload(agent, bytes)).expect(200);
    const shown = visibleText(page.text);
    expect(shown).toContain('파일을 CP949(한국어 완성형) 인코딩으로 읽었습니다.');
    expect(shown).toContain('머리글은 3번째 줄에 있습니다: 그 위의 2줄(제목이나 메모)은 건너뛰었고');
    expect(shown).toContain('분기 행 2개를 연간 행 1개로 합쳤습니다');
    expect(shown).toContain('일부 연도: Samsung 2024 (Q1, Q2).');
    expect(shown).toContain('앞의 행과 똑같은 행 1개(처음은 6번째 줄)는 건너뛰었습니다.');
    expect(shown).toContain('알아보지 못한 열 1개는 글자 그대로 남겼습니다: 메모.');
    expect(englishRuns(shown)).toEqual([]);
  });

  test('English reader and the API › the English texts as stored', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    await agent.get('/?lang=en');
    const url = await upload(agent, bytes);
    const page = await agent.get(url).expect(200);
    expect(page.text).toContain('The file was read as CP949 (Korean) text.');
    expect(page.text).toContain('Partial year: Samsung 2024 (Q1, Q2 only).');
    expect(page.text).not.toContain('인코딩으로 읽었습니다');
  });

  test('a unit chosen on upload › named in Korean (억원), columns as written', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    await agent.get('/?lang=ko');
    const plain = Buffer.from('company,fiscal_year,capex\nSamsung,2024,531139\n');
    const page = await agent.get(await upload(agent, plain, { unit: 'krw-hundred-millions' })).expect(200);
    expect(visibleText(page.text)).toContain('capex 열의 단위 없는 숫자는 올릴 때 고른 단위(억원)로 읽었습니다.');
  });
});
