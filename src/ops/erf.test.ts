import assert from 'node:assert/strict';
import { erf, tensor } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('erf', {
  inputs: ['x'],
  fn: ([x]) => erf(x),
  torch: 'torch.erf(x)',
  cases: [
    ...unaryCases(),
    { name: 'wide [-6, 6]', inputs: [[400]], domain: { low: -6, high: 6 } },
    { name: 'small', inputs: [[50]], domain: { low: -0.4, high: 0.4 } },
    { name: 'tails', inputs: [{ shape: [8], values: [-30, -6.5, -5.95, -4.2, 3.3, 5.9, 6, 27] }] },
  ],
  errors: [disposedInputError('erf', (x) => erf(x))],
  checks: {
    'values of mpmath.erf (50 digits) within 1 ulp': () => {
      // [x, erf(x) rounded] from mpmath: centres, midpoints between centres, tiny x
      const pairs: [number, number][] = [
        [0.125, 0.1403162048013338], [0.375, 0.4041169094348223], [1.4375, 0.95794060605646],
        [1e-10, 1.1283791670955126e-10], [-2.5, -0.999593047982555], [5.875, 0.9999999999999999],
      ];
      const y = erf(tensor(pairs.map((p) => p[0]), { dtype: 'float64' })).toTypedArray();
      pairs.forEach(([x, want], i) => assert.ok(Math.abs(y[i] - want) <= 2.3e-16 * Math.abs(want), `erf(${x}) = ${y[i]}, want ${want}`));
      assert.ok(Number.isNaN(erf(tensor([NaN])).toTypedArray()[0]));
    },
  },
});
