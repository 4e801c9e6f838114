import { linear, zeros, ShapeError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

testOp('linear', {
  inputs: ['x', 'weight', 'bias'],
  fn: ([x, w, b]) => linear(x, w, b),
  torch: 'F.linear(x, weight, bias)',
  tol: { float32: 'reduction' },
  cases: [
    { name: 'with bias', inputs: [[4, 3], [5, 3], [5]] },
    { name: 'without bias', inputs: [[4, 3], [5, 3]], torch: 'F.linear(x, weight)' },
    { name: 'size-1 dims', inputs: [[1, 3], [1, 3], [1]] },
    { name: '1-d input', inputs: [[3], [2, 3], [2]] },
    { name: 'batched 3-d input', inputs: [[2, 4, 3], [5, 3], [5]] },
    { name: 'zero batch', inputs: [[0, 3], [2, 3], [2]] },
    { name: 'zero input features (y = bias)', inputs: [[4, 0], [2, 0], [2]] },
    { name: 'zero output features', inputs: [[4, 3], [0, 3], [0]] },
    { name: 'odd size', inputs: [ODD, [11, ODD[1]], [11]] },
  ],
  errors: [
    {
      name: 'input width differs from the weight',
      run: () => linear(zeros([4, 5]), zeros([2, 3])),
      throws: ShapeError,
      message: 'linear: last input dimension must be 3; got x [4, 5]',
    },
    {
      name: 'an unflattened image batch',
      run: () => linear(zeros([8, 1, 28, 28]), zeros([10, 784])),
      throws: ShapeError,
      message: 'linear: last input dimension must be 784; got x [8, 1, 28, 28]\nhint: a Flatten before this layer yields 784 = 1·28·28',
    },
    {
      name: 'bias of the wrong size',
      run: () => linear(zeros([4, 3]), zeros([2, 3]), zeros([3])),
      throws: ShapeError,
      message: 'linear: bias must have shape [2]; got bias [3]',
    },
    {
      name: 'a 1-d weight',
      run: () => linear(zeros([4, 3]), zeros([3])),
      throws: ShapeError,
      message: 'linear: weight must be 2-D [D_out, D_in]; got weight [3]',
    },
  ],
});
