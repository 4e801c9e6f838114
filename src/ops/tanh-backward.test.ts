import { zeros, ShapeError } from '../index.js';
import { tanhBackward } from './tanh-backward.js';
import { testOp } from '../../test/helpers/test-op.js';

const yDomain = { low: -0.95, high: 0.95 };

testOp('tanhBackward', {
  inputs: ['dy', 'y'],
  fn: ([dy, y]) => tanhBackward(dy, y),
  torch: 'torch.ops.aten.tanh_backward(dy, y)',
  cases: [
    { name: 'vector', inputs: [[7], { shape: [7], domain: yDomain }] },
    { name: 'matrix, odd size', inputs: [[5, 13], { shape: [5, 13], domain: yDomain }] },
    { name: 'y broadcast over rows', inputs: [[4, 6], { shape: [6], domain: yDomain }] },
    { name: 'scalar', inputs: [[], { shape: [], domain: yDomain }] },
    { name: 'empty', inputs: [[0, 3], { shape: [0, 3], domain: yDomain }] },
  ],
  errors: [
    {
      name: 'shapes that do not broadcast',
      run: () => tanhBackward(zeros([2, 3]), zeros([3, 2])),
      throws: ShapeError,
      message: 'tanhBackward: shapes cannot be broadcast together; got a [2, 3] and b [3, 2] (dimension -2: 2 vs 3)',
    },
  ],
});
