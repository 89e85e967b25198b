import { correlationMatrixProblem } from '../../src/finance';

const names = ['growth', 'margin', 'wacc'];

describe('correlationMatrixProblem', () => {
  it('a valid matrix › null', () => {
    expect(correlationMatrixProblem([[1, 0.5, -0.2], [0.5, 1, 0.1], [-0.2, 0.1, 1]], names)).toBeNull();
  });

  it('perfect correlation (positive semi-definite, singular) › accepted', () => {
    expect(correlationMatrixProblem([[1, 1, 0.3], [1, 1, 0.3], [0.3, 0.3, 1]], names)).toBeNull();
  });

  // Eigenvalues of [[1, .9, −.9], [.9, 1, .9], [−.9, .9, 1]] are 1.9, 1.9 and −0.8: not PSD.
  it('pairs that cannot hold together › not-psd naming a pair of the conflict', () => {
    const p = correlationMatrixProblem([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], names);
    expect(p?.code).toBe('not-psd');
    expect(p?.pair).toEqual(['growth', 'wacc']);
    expect(p?.message).toMatch(/growth and wacc/);
    expect(p?.message).toMatch(/not positive semi-definite/);
  });

  it('a singular pair contradicted by a third input › not-psd naming that pair', () => {
    // growth ≡ margin, yet they correlate differently with wacc.
    const p = correlationMatrixProblem([[1, 1, 0.5], [1, 1, 0], [0.5, 0, 1]], names);
    expect(p?.code).toBe('not-psd');
    expect(p?.pair).toEqual(['margin', 'wacc']);
  });

  it('asymmetric › not-symmetric naming the pair', () => {
    const p = correlationMatrixProblem([[1, 0.5, 0], [0.4, 1, 0], [0, 0, 1]], names);
    expect(p).toMatchObject({ code: 'not-symmetric', pair: ['growth', 'margin'] });
  });

  it('diagonal not 1, out of range, not finite, wrong shape › each named', () => {
    expect(correlationMatrixProblem([[1, 0], [0, 0.9]], ['a', 'b'])).toMatchObject({ code: 'not-unit-diagonal', pair: ['b', 'b'] });
    expect(correlationMatrixProblem([[1, 1.2], [1.2, 1]], ['a', 'b'])).toMatchObject({ code: 'out-of-range', pair: ['a', 'b'] });
    expect(correlationMatrixProblem([[1, Number.NaN], [Number.NaN, 1]], ['a', 'b'])).toMatchObject({ code: 'not-finite' });
    expect(correlationMatrixProblem([[1, 0]], ['a', 'b'])).toMatchObject({ code: 'not-square' });
  });
});
