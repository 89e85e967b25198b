import { serviceFraction, serviceYears } from '../../src/finance';

describe('serviceFraction', () => {
  test('whole life › a full year from purchase, none after', () => {
    expect([0, 1, 5, 6].map((k) => serviceFraction(6, k))).toEqual([1, 1, 1, 0]);
  });
  test('5.5 years › half of the sixth year', () => expect(serviceFraction(5.5, 5)).toBe(0.5));
  test('before purchase › 0', () => expect(serviceFraction(6, -1)).toBe(0));
  test('life 0 › throws', () => expect(() => serviceFraction(0, 0)).toThrow(/lifeYears/));
});

describe('serviceYears', () => {
  test('whole and fractional lives › rounded up', () => {
    expect(serviceYears(6)).toBe(6);
    expect(serviceYears(5.5)).toBe(6);
    expect(serviceYears(1)).toBe(1);
  });
  test('property › the service fractions of all its years add up to the life', () => {
    for (const life of [1, 2.5, 4, 5.5, 6, 7.25]) {
      let sum = 0;
      for (let k = 0; k < serviceYears(life); k++) sum += serviceFraction(life, k);
      expect(sum).toBeCloseTo(life, 12);
    }
  });
});
