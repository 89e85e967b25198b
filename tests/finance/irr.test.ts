import fc from 'fast-check';
import { irr, npv, type IrrResult } from '../../src/finance';
import { anyFlows, confirmsRoot, conventionalFlows, relativeResidual } from './support/arbitraries';
import { expectAbsClose, expectRelClose } from './support/tolerance';

function rateOf(result: IrrResult): number {
  if (result.kind !== 'ok') throw new Error(`expected an ok result, got ${JSON.stringify(result)}`);
  return result.rate;
}

function ratesOf(result: IrrResult): number[] {
  if (result.kind === 'ok') return [result.rate];
  if (result.kind === 'multiple') return result.rates;
  return [];
}

describe('irr', () => {
  describe('Excel IRR documentation example (results shown to 0.1%)', () => {
    const values = [-70000, 12000, 15000, 18000, 21000, 26000];

    it('after five years › 8.7%', () => {
      expectAbsClose(rateOf(irr(values)), 0.087, 0.0005);
    });

    it('after four years › −2.1%', () => {
      expectAbsClose(rateOf(irr(values.slice(0, 5))), -0.021, 0.0005);
    });

    it('after two years, guess −10% › −44.4%', () => {
      expectAbsClose(rateOf(irr(values.slice(0, 3), { guess: -0.1 })), -0.444, 0.0005);
    });

    it('the rate found › zeroes the NPV to 1e-12 of the flows', () => {
      expect(relativeResidual(rateOf(irr(values)), values)).toBeLessThan(1e-12);
    });
  });

  describe('numpy-financial TestIrr', () => {
    // test_basic_values uses assert_almost_equal(decimal=2): |actual − desired| < 1.5e-2.
    it.each([
      [[-150000, 15000, 25000, 35000, 45000, 60000], 0.0524],
      [[-100, 0, 0, 74], -0.0955],
      [[-100, 39, 59, 55, 20], 0.28095],
      [[-100, 100, 0, 7], 0.06206],
    ])('test_basic_values %j › %d (decimal=2)', (flows, desired) => {
      expectAbsClose(rateOf(irr(flows)), desired, 1.5e-2);
    });

    // numpy-financial returns one root where there are several; ours reports them all, and
    // theirs is among them.
    it.each([
      [[-100, 100, 0, -7], -0.0833],
      [[-5, 10.5, 1, -8, 1], 0.0886],
      [[-5, 10.5, 1, -8, 1, 0, 0, 0], 0.0886],
    ])('test_basic_values %j (several roots) › reports all, including %d', (flows, desired) => {
      const result = irr(flows);
      expect(result.kind).toBe('multiple');
      expect(ratesOf(result).some((r) => Math.abs(r - desired) < 1.5e-2)).toBe(true);
    });

    it('test_npv_irr_congruence › npv at the irr is 0 to 1e-10 absolute', () => {
      const flows = [-40000, 5000, 8000, 12000, 30000];
      expect(Math.abs(npv(rateOf(irr(flows)), flows))).toBeLessThanOrEqual(1e-10);
    });

    it.each([[[1, 2, 3]], [[-1, -2, -3]]])('test_numpy_gh_6744 %j › no sign change', (flows) => {
      expect(irr(flows)).toEqual({ kind: 'no-sign-change' });
    });

    it('test_gh_15 › finds a root just above −100% (rtol 1e-9)', () => {
      const flows = [
        -3000.0, 2.3926932267015667e-7, 4.1672087103345505e-16, 5.3965110036378706e-25, 5.1962551071806174e-34,
        3.7202955645436402e-43, 1.9804961711632469e-52, 7.8393517651814181e-62, 2.3072565113911438e-71,
        5.0491839233308912e-81, 8.2159177668499263e-91, 9.9403244366963527e-101, 8.942410813633967e-111,
        5.9816122646481191e-121, 2.9750309031844241e-131, 1.1002067043497954e-141, 3.0252876563518021e-152,
        6.1854121948207909e-163, 9.4032980015353301e-174, 1.0629218520017728e-184, 8.9337141847171845e-196,
        5.5830607698467935e-207, 2.5943122036622652e-218, 8.9635842466507006e-230, 2.3027710094332358e-241,
        4.3987510596745562e-253, 6.2476630372575209e-265, 6.598046841695288e-277, 5.1811095266842017e-289,
        3.0250999925830644e-301, 1.3133070599585015e-313,
      ];
      expectRelClose(rateOf(irr(flows)), -0.9999999990596069, 1e-9);
    });

    it('test_gh_39 (two sign changes) › reports 12% among its roots (decimal=7)', () => {
      const flows = [
        -217500.0, -217500.0, 108466.80462450592, 101129.96439328062, 93793.12416205535, 86456.28393083003,
        79119.44369960476, 71782.60346837944, 64445.76323715414, 57108.92300592884, 49772.08277470355,
        42435.24254347826, 35098.40231225296, 27761.56208102766, 20424.721849802358, 13087.88161857707,
        5751.041387351768, -1585.7988438735192, -8922.639075098821, -16259.479306324123, -23596.31953754941,
        -30933.159768774713, -38270.0, -45606.8402312253, -52943.680462450604, -60280.520693675906,
        -67617.36092490121,
      ];
      expect(ratesOf(irr(flows)).some((r) => Math.abs(r - 0.12) < 1.5e-7)).toBe(true);
    });

    it('test_gh_44 (Google Sheets value) › 1.00426 (decimal=4)', () => {
      const flows = [-1678.87, 771.96, 1814.05, 3520.3, 3552.95, 3584.99, 4789.91, -1];
      expectAbsClose(rateOf(irr(flows)), 1.00426, 1.5e-4);
    });
  });

  describe('several roots', () => {
    // 100(1+r)² − 230(1+r) + 132 = 0 has the roots 1 + r = 1.1 and 1.2: exact algebra.
    it('−100, 230, −132 › reports 10% and 20%, ascending', () => {
      const result = irr([-100, 230, -132]);
      expect(result.kind).toBe('multiple');
      const [a, b] = ratesOf(result) as [number, number];
      expectRelClose(a, 0.1, 1e-12);
      expectRelClose(b, 0.2, 1e-12);
    });

    it('a double root (1, −2, 1) › reports 0% once', () => {
      expect(irr([1, -2, 1])).toEqual({ kind: 'ok', rate: 0 });
    });

    it('sign changes but no real root (1, −2, 2) › no convergence rather than a guess', () => {
      expect(irr([1, -2, 2])).toEqual({ kind: 'no-convergence' });
    });

    it('two roots within one grid step (10% and 10.3%) › are both found', () => {
      // 1 + r = 1.1 and 1.103: NPV · (1+r)² = (y − 1.1)(y − 1.103).
      const result = irr([1, -(1.1 + 1.103), 1.1 * 1.103]);
      expect(result.kind).toBe('multiple');
      const [a, b] = ratesOf(result) as [number, number];
      expectRelClose(a, 0.1, 1e-9);
      expectRelClose(b, 0.103, 1e-9);
    });

    // Roots at least one grid step apart (7% of 1 + r) are always separated by the scan.
    it('property › three roots built into the flows are all found (1e-9 relative in 1 + r)', () => {
      fc.assert(
        fc.property(
          // 1 + r for the lowest root, then two gaps, as ratios of 1 + r.
          fc.double({ min: Math.log(0.05), max: Math.log(3), noNaN: true }),
          fc.double({ min: 0.075, max: 1, noNaN: true }),
          fc.double({ min: 0.075, max: 1, noNaN: true }),
          (logY0, gap1, gap2) => {
            const y0 = Math.exp(logY0);
            const ys = [y0, y0 * Math.exp(gap1), y0 * Math.exp(gap1 + gap2)] as [number, number, number];
            fc.pre(ys[2] < 10);
            const [a, b, c] = ys;
            // NPV · (1+r)³ = (y − a)(y − b)(y − c), so flows are its coefficients.
            const flows = [1, -(a + b + c), a * b + a * c + b * c, -a * b * c];
            const found = ratesOf(irr(flows)).map((r) => 1 + r);
            expect(found).toHaveLength(3);
            found.forEach((y, i) => expectRelClose(y, ys[i] as number, 1e-9));
          },
        ),
      );
    });
  });

  describe('properties', () => {
    it('one sign change › always ok, at a confirmed root of the npv', () => {
      fc.assert(
        fc.property(conventionalFlows, (flows) => {
          const rate = rateOf(irr(flows));
          expect(rate).toBeGreaterThan(-1);
          expect(confirmsRoot(rate, flows)).toBe(true);
        }),
      );
    });

    it('any flows › every reported rate zeroes the npv; no sign change only when there is none', () => {
      fc.assert(
        fc.property(anyFlows, (flows) => {
          const result = irr(flows);
          const positive = flows.some((v) => v > 0);
          const negative = flows.some((v) => v < 0);
          expect(result.kind === 'no-sign-change').toBe(!(positive && negative));
          for (const rate of ratesOf(result)) expect(confirmsRoot(rate, flows)).toBe(true);
          if (result.kind === 'multiple') {
            expect([...result.rates].sort((p, q) => p - q)).toEqual(result.rates);
          }
        }),
      );
    });

    it('scaling all flows by k ≠ 0 › leaves the IRR unchanged', () => {
      fc.assert(
        fc.property(
          anyFlows,
          fc.oneof(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: -1e-6, noNaN: true })),
          (flows, k) => {
            const base = irr(flows);
            const scaled = irr(flows.map((v) => v * k));
            expect(scaled.kind).toBe(base.kind);
            const a = ratesOf(base);
            const b = ratesOf(scaled);
            expect(b).toHaveLength(a.length);
            a.forEach((r, i) => expect(Math.abs((b[i] as number) - r)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(r))));
          },
        ),
      );
    });
  });

  it('never returns a rate that does not zero the npv (formulajs returns its last guess)', () => {
    // Flows whose IRR sits far above the default guess, with an alternating tail.
    const flows = [-1, 50, -600, 2000];
    for (const rate of ratesOf(irr(flows))) expect(confirmsRoot(rate, flows)).toBe(true);
  });

  it('a root above 1000% with one sign change › is still found', () => {
    expectRelClose(rateOf(irr([-1, 30])), 29, 1e-12);
  });

  it('options › narrow the window searched when there are several sign changes', () => {
    expect(irr([-100, 230, -132], { lowRate: 0.15, highRate: 1 })).toEqual({ kind: 'ok', rate: expect.closeTo(0.2, 12) });
  });

  it('inputs › are not mutated', () => {
    const flows = Object.freeze([-100, 60, 60]);
    irr(flows);
    expect(flows).toEqual([-100, 60, 60]);
  });

  it.each([
    ['flows', () => irr([])],
    ['flows[2]', () => irr([-1, 2, Number.NaN])],
    ['opts.guess', () => irr([-1, 2], { guess: -1 })],
    ['opts.lowRate', () => irr([-1, 2], { lowRate: -1.2 })],
    ['opts.highRate', () => irr([-1, 2], { lowRate: 0.5, highRate: 0.2 })],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});

describe('irr › roots beyond the default window, exact by construction', () => {
  // NPV · (1+r)^n = c0 · Π (y − y_k) with y = 1 + r: the flows are the coefficients of that
  // polynomial, so the roots r_k = y_k − 1 are known exactly, not taken from the code.
  function flowsWithRoots(ys: number[], c0 = -1000): number[] {
    let coeffs = [c0];
    for (const y of ys) {
      const next = new Array<number>(coeffs.length + 1).fill(0);
      coeffs.forEach((c, i) => {
        next[i] = (next[i] as number) + c;
        next[i + 1] = (next[i + 1] as number) - c * y;
      });
      coeffs = next;
    }
    return coeffs;
  }

  it('the issue’s series: roots at −90.7% and +3,291% › both, kind multiple', () => {
    const flows = flowsWithRoots([0.093, 33.91]);
    expect(flows).toEqual([-1000, 34003, expect.closeTo(-3153.63, 9)]);
    const result = irr(flows);
    expect(result.kind).toBe('multiple');
    const [a, b] = ratesOf(result) as [number, number];
    expectRelClose(a, -0.907, 1e-9);
    expectRelClose(b, 32.91, 1e-9);
  });

  it('three roots, −50%, +100% and +4,900% › all three', () => {
    // (y − 0.5)(y − 2)(y − 50) = y³ − 52.5y² + 126y − 50.
    const result = irr([1, -52.5, 126, -50]);
    expect(ratesOf(result)).toHaveLength(3);
    const [a, b, c] = ratesOf(result) as [number, number, number];
    expectRelClose(a, -0.5, 1e-9);
    expectRelClose(b, 1, 1e-9);
    expectRelClose(c, 49, 1e-9);
  });

  it('a root below −99% (−99.5%) beside +10% › both when lowRate asks for it, only +10% by default', () => {
    // (y − 0.005)(y − 1.1) = y² − 1.105y + 0.0055.
    expect(irr([1, -1.105, 0.0055])).toEqual({ kind: 'ok', rate: expect.closeTo(0.1, 12) });
    const [a, b] = ratesOf(irr([1, -1.105, 0.0055], { lowRate: -0.999 })) as [number, number];
    expectRelClose(1 + a, 0.005, 1e-9);
    expectRelClose(b, 0.1, 1e-9);
  });

  it('a window set by the caller › is kept: the +3,291% root is outside highRate 10', () => {
    const result = irr(flowsWithRoots([0.093, 33.91]), { highRate: 10 });
    expect(result).toEqual({ kind: 'ok', rate: expect.closeTo(-0.907, 9) });
  });

  it('property › two roots anywhere from −98.9% to +10,000,000% are both found (1e-9 relative in 1 + r)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: Math.log(0.011), max: Math.log(1e3), noNaN: true }),
        fc.double({ min: 0.075, max: Math.log(1e4), noNaN: true }),
        (logY0, gap) => {
          const ys = [Math.exp(logY0), Math.exp(logY0 + gap)];
          const found = ratesOf(irr(flowsWithRoots(ys))).map((r) => 1 + r);
          expect(found).toHaveLength(2);
          found.forEach((y, i) => expectRelClose(y, ys[i] as number, 1e-9));
        },
      ),
    );
  });
});
