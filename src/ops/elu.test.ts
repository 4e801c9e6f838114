import { elu, zeros, ArgumentError } from '../index.js';
import { disposedInputError, testOp, unaryCases } from '../../test/helpers/test-op.js';

testOp('elu', {
  inputs: ['x'],
  fn: ([x]) => elu(x),
  torch: 'F.elu(x)',
  domain: { low: -3, high: 3, avoid: [0], margin: 0.05 },
  cases: [
    ...unaryCases(),
    { name: 'alpha 0.5', inputs: [[3, 4]], args: { alpha: 0.5 }, fn: ([x], a) => elu(x, a.alpha), torch: 'F.elu(x, alpha)' },
    { name: 'alpha 2', inputs: [[3, 4]], args: { alpha: 2 }, fn: ([x], a) => elu(x, a.alpha), torch: 'F.elu(x, alpha)' },
    { name: 'large positive (finite gradient)', inputs: [{ shape: [3], values: [800, -800, 1e3] }], noGradcheck: 'saturated: finite differences are 0 and 1' },
  ],
  errors: [
    disposedInputError('elu', (x) => elu(x)),
    { name: 'alpha a string', run: () => elu(zeros([2]), '1' as never), throws: ArgumentError, message: "elu: alpha must be a finite number; got '1' (string)" },
  ],
});
