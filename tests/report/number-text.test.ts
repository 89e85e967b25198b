import { dateText, moneyText, priceText, roundShort } from '../../src/report/number-text';
import { describeMoney, describePrice } from '../../src/report/words';
import { formatMoney, formatPrice } from '../../src/web/helpers/format';

const KO = { lang: 'ko', won: 'exact' } as const;
const KO_SHORT = { lang: 'ko', won: 'short' } as const;

describe('number-text › one rounding rule', () => {
  test.each([
    [52.535, 52.5],
    [5.576, 5.58],
    [774.8, 775],
    [7562.4, 7562],
    [-28.35, -28.4],
  ])('roundShort(%p) › %p', (x, y) => expect(roundShort(x)).toBe(y));

  test('prose and tables give the same text for the same amount', () => {
    for (const v of [52.535e9, 5.576e6, 1.25e12, -28.3e9, 53_113_900_000_000, 1234])
      for (const cur of ['USD', 'KRW'])
        for (const style of [undefined, KO, KO_SHORT]) expect(describeMoney(v, cur, style)).toBe(formatMoney(v, cur, style));
  });
});

describe('number-text › won as Koreans read it', () => {
  test.each([
    [53_113_900_000_000, '53조 1,139억원'],
    [302_231_400_000_000, '302조 2,314억원'],
    [756_200_000_000, '7,562억원'],
    [2_000_000_000_000, '2조원'],
    [-7_730_300_000_000, '−7조 7,303억원'],
    [651_000, '651,000원'],
  ])('exact › %p › %s', (v, s) => expect(moneyText(v, 'KRW', KO)).toBe(s));

  test.each([
    [53_113_900_000_000, '53.1조원'],
    [756_200_000_000, '7,562억원'],
    [69_230_000_000, '692억원'],
    [3_500_000, '350만원'],
  ])('short › %p › %s', (v, s) => expect(moneyText(v, 'KRW', KO_SHORT)).toBe(s));

  test.each([
    [52.5e9, '525억 달러'],
    [1.25e12, '1.25조 달러'],
    [5.576e6, '558만 달러'],
    [340.54, '340.54달러'],
  ])('dollars in Korean › %p › %s', (v, s) => expect(moneyText(v, 'USD', KO)).toBe(s));

  test('English keeps the short scale with each currency’s own sign', () => {
    expect(moneyText(53_113_900_000_000, 'KRW')).toBe('₩53.1T');
    expect(moneyText(52.5e9, 'USD')).toBe('$52.5B');
    expect(moneyText(5e6, 'EUR')).toBe('€5M');
  });

  test('prices › whole won with separators, cents for dollars', () => {
    expect(describePrice(173_900, 'KRW')).toBe('₩173,900');
    expect(priceText(173_900, 'KRW', KO)).toBe('173,900원');
    expect(formatPrice(340.54, 'USD')).toBe('$340.54');
    expect(priceText(340.54, 'USD', KO)).toBe('340.54달러');
  });

  test('dates per locale', () => {
    expect(dateText('2026-12-01T10:00:00Z', 'ko')).toBe('2026년 12월 1일');
    expect(dateText('2026-12-01', 'en')).toBe('1 December 2026');
  });
});
