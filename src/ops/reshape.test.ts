import { reshape, flatten, unsqueeze, squeeze, zeros, ShapeError, ArgumentError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

testOp('reshape', {
  inputs: ['x'],
  fn: ([x], a) => reshape(x, a.shape),
  torch: 'torch.reshape(x, shape)',
  cases: [
    { name: 'scalar to [1, 1]', inputs: [[]], args: { shape: [1, 1] } },
    { name: 'to scalar', inputs: [[1, 1]], args: { shape: [] } },
    { name: 'size-1 dim', inputs: [[1, 6]], args: { shape: [3, 2] } },
    { name: 'inferred dim', inputs: [[2, 3, 4]], args: { shape: [4, -1] } },
    { name: 'zero-size dim', inputs: [[0, 3]], args: { shape: [3, 0] } },
    { name: 'odd size', inputs: [ODD], args: { shape: [-1] } },
    { name: 'flatten', inputs: [[2, 3, 4]], fn: ([x]) => flatten(x, 1), torch: 'torch.flatten(x, 1)' },
    { name: 'flatten scalar', inputs: [[]], fn: ([x]) => flatten(x), torch: 'torch.flatten(x)' },
    { name: 'unsqueeze', inputs: [[2, 3]], fn: ([x]) => unsqueeze(x, -1), torch: 'torch.unsqueeze(x, -1)' },
    { name: 'squeeze all', inputs: [[1, 3, 1]], fn: ([x]) => squeeze(x), torch: 'torch.squeeze(x)' },
    { name: 'squeeze one dim', inputs: [[1, 3, 1]], fn: ([x]) => squeeze(x, 2), torch: 'torch.squeeze(x, 2)' },
  ],
  errors: [
    {
      name: 'element count differs',
      run: () => reshape(zeros([2, 3]), [4]),
      throws: ShapeError,
      message: 'reshape: the new shape must have as many elements as x; got x [2, 3] and shape [4] (6 elements)',
    },
    {
      name: 'two inferred dims',
      run: () => reshape(zeros([2, 3]), [-1, -1]),
      throws: ShapeError,
      message: 'reshape: only one dimension can be -1; got shape [-1, -1]',
    },
    {
      name: 'unsqueeze out of range',
      run: () => unsqueeze(zeros([2, 3]), 3),
      throws: ArgumentError,
      message: 'unsqueeze: dim 3 is out of range [-3, 2]; got x [2, 3]',
    },
    {
      name: 'squeeze out of range',
      run: () => squeeze(zeros([2, 3]), 2),
      throws: ArgumentError,
      message: 'squeeze: dim 2 is out of range for a tensor of rank 2',
    },
    {
      name: 'flatten with start after end',
      run: () => flatten(zeros([2, 3, 4]), 2, 1),
      throws: ArgumentError,
      message: 'flatten: startDim must not come after endDim; got x [2, 3, 4] (startDim 2, endDim 1)',
    },
  ],
});
