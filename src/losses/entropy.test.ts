// entropy, distributionCrossEntropy and klDivergence (concepts §1) vs torch's xlogy forms
// (÷ ln 2 for bits): values and gradients along several dims; identities between them.
import assert from 'node:assert/strict';
import { entropy, distributionCrossEntropy, klDivergence, tensor, zeros, ArgumentError, ShapeError } from '../index.js';
import { testOp, type InputSpec, type OpCase } from '../../test/helpers/test-op.js';

const PROB = { low: 0.05, high: 1 };
/** Cases along dims −1, 0 and 1, in nats and bits (`scale` = ln base, as the torch expression uses it). */
function along(inputs: (shape: number[]) => OpCase['inputs']): OpCase[] {
  const out: OpCase[] = [];
  for (const base of ['e', 2] as const) {
    for (const [shape, dim] of [[[4, 5], -1], [[3, 4], 0], [[2, 3, 6], 1], [[5], 0]] as const) {
      out.push({
        name: `base ${base}, dim ${dim}, [${shape}]`, inputs: inputs([...shape]),
        args: { base, dim, scale: base === 'e' ? 1 : Math.LN2 },
      });
    }
  }
  return out;
}
const zeroTarget: InputSpec = { shape: [2, 3], values: [0, 0.5, 0.5, 0.2, 0, 0.8], grad: false };

testOp('entropy', {
  inputs: ['p'],
  fn: ([p], a) => entropy(p, { base: a.base, dim: a.dim }),
  torch: '-torch.special.xlogy(p, p).sum(dim) / scale',
  tol: { float32: 'reduction' },
  domain: PROB,
  cases: along((s) => [s]),
  errors: [{
    name: 'base 1',
    run: () => entropy(tensor([0.5, 0.5]), { base: 1 }),
    throws: ArgumentError,
    message: "entropy: base must be 'e' or a positive number other than 1; got 1 (number)",
  }],
});

testOp('distributionCrossEntropy', {
  inputs: ['input', 'target'],
  fn: ([q, p], a) => distributionCrossEntropy(q, p, { base: a.base, dim: a.dim }),
  torch: '-torch.special.xlogy(target, input).sum(dim) / scale',
  tol: { float32: 'reduction' },
  domain: PROB,
  cases: [
    ...along((s) => [s, s]),
    { name: 'broadcast target [3]', inputs: [[4, 3], [3]], args: { base: 'e', dim: -1, scale: 1 } },
    { name: 'target with zeros', inputs: [[2, 3], zeroTarget], args: { base: 2, dim: -1, scale: Math.LN2 } },
  ],
  errors: [
    {
      name: 'a negative base',
      run: () => distributionCrossEntropy(tensor([0.5, 0.5]), tensor([1, 0]), { base: -2 }),
      throws: ArgumentError,
      message: "distributionCrossEntropy: base must be 'e' or a positive number other than 1; got -2 (number)",
    },
    {
      name: 'shapes that do not broadcast',
      run: () => distributionCrossEntropy(zeros([2, 3]), zeros([4])),
      throws: ShapeError,
      message: 'distributionCrossEntropy: shapes cannot be broadcast together; got input [2, 3] and target [4] (dimension -1: 3 vs 4)',
    },
    {
      name: 'scalars',
      run: () => distributionCrossEntropy(zeros([]), zeros([])),
      throws: ShapeError,
      message: 'distributionCrossEntropy: input and target must hold distributions (at least 1-D); got input [] and target []',
    },
  ],
  checks: {
    'H(p, p) = H(p); terms with p = 0 add nothing; the argument order is crossEntropy\'s': () => {
      const p = tensor([0.2, 0.3, 0.5], { dtype: 'float64' });
      assert.ok(Math.abs(distributionCrossEntropy(p, p).item() - entropy(p).item()) < 1e-15);
      // prediction q = (0, ¼, ¾), target p = (0, 1, 0): −log₂ ¼ = 2 bits
      assert.ok(Math.abs(distributionCrossEntropy(tensor([0, 0.25, 0.75]), tensor([0, 1, 0]), { base: 2 }).item() - 2) < 1e-6);
    },
  },
});

testOp('klDivergence', {
  inputs: ['input', 'target'],
  fn: ([q, p], a) => klDivergence(q, p, { base: a.base, dim: a.dim }),
  torch: '(torch.special.xlogy(target, target) - torch.special.xlogy(target, input)).sum(dim) / scale',
  tol: { float32: 'reduction' },
  domain: PROB,
  cases: [
    ...along((s) => [s, s]),
    { name: 'target with zeros', inputs: [[2, 3], zeroTarget], args: { base: 'e', dim: -1, scale: 1 } },
  ],
  errors: [{
    name: 'a dim out of range',
    run: () => klDivergence(zeros([2, 3]), zeros([2, 3]), { dim: 2 }),
    throws: ArgumentError,
    message: 'klDivergence: dim 2 is out of range for a tensor of rank 2',
  }],
  checks: {
    'KL(p ‖ q) = H(p, q) − H(p), ≥ 0, and 0 at q = p': () => {
      const q = tensor([[0.1, 0.6, 0.3], [0.25, 0.25, 0.5]], { dtype: 'float64' });
      const p = tensor([[0.2, 0.5, 0.3], [0.25, 0.25, 0.5]], { dtype: 'float64' });
      const kl = klDivergence(q, p).toTypedArray();
      const h = distributionCrossEntropy(q, p).toTypedArray(), hp = entropy(p).toTypedArray();
      kl.forEach((v, i) => assert.ok(Math.abs(v - (h[i] - hp[i])) < 1e-15, `row ${i}`));
      assert.ok(kl[0] > 0.01 && Math.abs(kl[1]) < 1e-15, String([...kl]));
    },
  },
});

import { it as itFix } from 'node:test';
itFix('a zero in the target gives a zero gradient there, not NaN (xlogy), for KL, cross-entropy and entropy', () => {
  const q = tensor([0.5, 0.5, 0], { dtype: 'float64', requiresGrad: true });
  const t = tensor([0.5, 0.5, 0], { dtype: 'float64' });
  klDivergence(q, t).backward();
  assert.deepEqual(q.grad!.tolist(), [-1, -1, 0]);
  const q2 = tensor([0.25, 0.75, 0.5], { dtype: 'float64', requiresGrad: true });
  distributionCrossEntropy(q2, tensor([0.5, 0.5, 0], { dtype: 'float64' })).backward();
  assert.deepEqual(q2.grad!.tolist(), [-2, -0.5 / 0.75, 0]);
  const p = tensor([0.5, 0.5, 0], { dtype: 'float64', requiresGrad: true });
  entropy(p).backward();
  assert.ok((p.grad!.tolist() as number[]).every(Number.isFinite));
});
