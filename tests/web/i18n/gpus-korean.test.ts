import request from 'supertest';
import { makeApp } from '../../helpers/app';
import { visibleText } from './visible-text';

describe('GPUs per job in Korean', () => {
  test('page › role presets, their reasons, input sources and the GPU table note in Korean', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/gpus-per-job?lang=ko').expect(200);
    const text = visibleText(res.text);
    expect(text).toContain('번역가');
    expect(text).toContain('하루 3,000단어 번역');
    expect(text).toContain('기본값');
    expect(text).toContain('모델, 양자화, 컨텍스트, 배치, 가동률은 같고');
    expect(text).not.toContain('Same model, quantization');
  });

  test('CSV › keys stay English; the source words and role cells follow the reader', async () => {
    const { app } = await makeApp();
    const ko = await request(app).get('/gpus-per-job.csv?table=roles&lang=ko').expect(200);
    expect(ko.text).toContain('"role","tokens_per_workday","basis","gpus_per_person"');
    expect(ko.text).toContain('"번역가"');
    expect(ko.text).toContain('"# salary",60000,"기본값"');
    const en = await request(app).get('/gpus-per-job.csv?table=roles&lang=en').expect(200);
    expect(en.text).toContain('"Translator"');
    expect(en.text).toContain('"# salary",60000,"default"');
  });
});
