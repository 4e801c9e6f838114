// Float comparison for tests: |actual − expected| ≤ atol + rtol·|expected| element-wise (NaN
// matches NaN, ±inf must match exactly); never ===. The message names the worst element.

import assert from 'node:assert/strict';

export interface Tol {
  atol: number;
  rtol: number;
}

/** The default tolerances of STYLE §3.7. */
export const TOL = {
  float64: { atol: 1e-12, rtol: 1e-10 },
  elementwise: { atol: 1e-6, rtol: 1e-5 },
  reduction: { atol: 1e-5, rtol: 1e-4 },
  gradcheck: { atol: 1e-5, rtol: 1e-3 },
} as const satisfies Record<string, Tol>;

export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tol, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  let worst = -1, worstExcess = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i], e = expected[i];
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (!Number.isFinite(e) || !Number.isFinite(a)) {
      if (a !== e) { worst = i; worstExcess = Infinity; break; }
      continue;
    }
    const excess = Math.abs(a - e) - (tol.atol + tol.rtol * Math.abs(e));
    if (!(excess <= 0) && (worst < 0 || excess > worstExcess || Number.isNaN(excess))) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst >= 0) {
    assert.fail(`${what}: element ${worst} is ${actual[worst]}, expected ${expected[worst]} ` +
      `(atol ${tol.atol}, rtol ${tol.rtol})`);
  }
}
