import { maximum, zeros, ShapeError } from '../index.js';
import { testOp, binaryCases } from '../../test/helpers/test-op.js';

testOp('maximum', {
  inputs: ['a', 'b'],
  fn: ([a, b]) => maximum(a, b),
  torch: 'torch.maximum(a, b)',
  cases: [
    ...binaryCases(),
    {
      name: 'ties split the gradient',
      inputs: [{ shape: [4], values: [1, 2, -3, 0.5] }, { shape: [4], values: [1, -2, -3, 0.25] }],
      noGradcheck: 'not differentiable at a tie (a = b); the half-half split is checked against torch',
    },
  ],
  errors: [
    {
      name: 'shapes that do not broadcast',
      run: () => maximum(zeros([2, 3]), zeros([3, 2])),
      throws: ShapeError,
      message: 'maximum: shapes cannot be broadcast together; got a [2, 3] and b [3, 2] (dimension -2: 2 vs 3)',
    },
  ],
});
