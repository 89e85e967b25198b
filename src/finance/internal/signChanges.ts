/** Number of sign changes in `values`, zeros skipped (Descartes' rule of signs). Internal. */
export function signChanges(values: ArrayLike<number>): number {
  let count = 0;
  let last = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === 0) continue;
    const s = v > 0 ? 1 : -1;
    if (last !== 0 && s !== last) count++;
    last = s;
  }
  return count;
}
