import { chunkJson, unstorableText, unstorableValue } from '../../src/store/values';

describe('store values', () => {
  test.each([
    ['plain', null],
    ['삼성전자 😀', null],
    ['a\u0000b', 'contains a NUL character'],
    ['\ud800', 'contains a lone UTF-16 surrogate (not valid Unicode text)'],
    ['end \udbff', 'contains a lone UTF-16 surrogate (not valid Unicode text)'],
    ['\udc00 start', 'contains a lone UTF-16 surrogate (not valid Unicode text)'],
    ['reversed pair \ude00\ud83d', 'contains a lone UTF-16 surrogate (not valid Unicode text)'],
  ])('unstorableText › %j › %s', (text, reason) => {
    expect(unstorableText(text)).toBe(reason);
  });

  test.each([
    [0, null],
    [-1.5e308, null],
    [null, null],
    [Number.NaN, 'is NaN, not a finite number'],
    [Number.NEGATIVE_INFINITY, 'is -Infinity, not a finite number'],
    [true, 'is a boolean, not text, a number or empty'],
  ])('unstorableValue › %p › %s', (value, reason) => {
    expect(unstorableValue(value)).toBe(reason);
  });

  test('chunkJson › good rows › the JSON array both stores keep', () => {
    expect(chunkJson([{ a: 1, b: 'x\\u0000' }, { a: null }], 1)).toBe('[{"a":1,"b":"x\\\\u0000"},{"a":null}]');
  });

  test('chunkJson › a bad row › names its number from the chunk’s first row', () => {
    expect(() => chunkJson([{ a: 'ok' }, { a: 'ok' }, { a: '\ud800' }], 257)).toThrow('row 259, column a, contains a lone UTF-16 surrogate');
  });
});
