import fs from 'node:fs';
import path from 'node:path';
import { messages, plain, textIn, translate } from '../../src/i18n';

describe('translator', () => {
  test('translate escapes interpolated values for HTML; plain leaves them as typed (CSV, JSON, charts)', () => {
    const vars = { company: 'AT&T <b>', npv: '$1B' };
    expect(translate('en', 'home.card.gap', vars)).toContain('AT&amp;T &lt;b&gt;');
    expect(plain('en', 'home.card.gap', vars)).toContain('AT&T <b>');
  });

  test('plural forms › English picks _one and _other, Korean has one form', () => {
    const t = textIn('en');
    expect(t('home.card.capex', { count: 1 })).toMatch(/1 company,/);
    expect(t('home.card.capex', { count: 3 })).toMatch(/3 companies,/);
    expect(textIn('ko')('home.card.capex', { count: 3 })).not.toMatch(/companies/);
  });

  test('namespace files › locales/<lang>/<ns>.json sit under "<ns>." and may not shadow a key of <lang>.json', () => {
    const en = messages('en');
    const dir = path.join(__dirname, '..', '..', 'locales', 'en');
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    for (const f of files) expect(en[path.basename(f, '.json')]).toEqual(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  });
});
