import { indexSelect, tensor, zeros, ArgumentError, DTypeError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

const index = (n: number, high: number) => ({ shape: [n], kind: 'int' as const, domain: { low: 0, high } });

testOp('indexSelect', {
  inputs: ['x', 'index'],
  fn: ([x, i], a) => indexSelect(x, a.dim, i),
  torch: 'torch.index_select(x, dim, index)',
  tol: { float32: 'reduction' }, // repeated indices add up in the gradient
  cases: [
    { name: 'rows, with repeats', inputs: [[5, 3], index(7, 5)], args: { dim: 0 } },
    { name: 'size-1 dim', inputs: [[1, 4], index(3, 1)], args: { dim: 0 } },
    { name: '1-d', inputs: [[6], index(4, 6)], args: { dim: 0 } },
    { name: 'columns', inputs: [[3, 6], index(4, 6)], args: { dim: 1 } },
    { name: 'middle dim of 3-d', inputs: [[2, 5, 3], index(4, 5)], args: { dim: -2 } },
    { name: 'empty index', inputs: [[5, 3], index(0, 5)], args: { dim: 0 } },
    { name: 'odd size', inputs: [ODD, index(23, ODD[0])], args: { dim: 0 } },
  ],
  errors: [
    {
      name: 'an index out of range',
      run: () => indexSelect(zeros([2, 3]), 0, tensor([0, 2], { dtype: 'int32' })),
      throws: ArgumentError,
      message: 'indexSelect: index values must lie in [0, 1] (index[1] = 2)',
    },
    {
      name: 'a float index',
      run: () => indexSelect(zeros([2, 3]), 0, tensor([0, 1])),
      throws: DTypeError,
      message: 'indexSelect: index must be int32; got index float32',
    },
    {
      name: 'a 2-d index',
      run: () => indexSelect(zeros([2, 3]), 0, zeros([1, 1], { dtype: 'int32' })),
      throws: ArgumentError,
      message: 'indexSelect: index must be 1-D; got index [1, 1]',
    },
  ],
});
