// concepts §9 (notes [1]): the log-likelihood loss E = −log₂ o_y looks only at the output of the
// labelled class: 4.2990 bits when o_y = 0.0508, 0.2584 bits when o_y = 0.8360.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tensor, distributionCrossEntropy, crossEntropy, log } from '../../src/index.js';

// three-class outputs; only o_y enters the loss (labels 1-based in the notes: y = 2, y = 3)
const cases = [
  { y: 2, o: [0.3, 0.0508, 0.6492], bits: '4.2990' },
  { y: 3, o: [0.1, 0.064, 0.836], bits: '0.2584' },
];

for (const c of cases) {
  test(`y = ${c.y}, o_y = ${c.o[c.y - 1]}: E = −log₂ o_y = ${c.bits}`, () => {
    const onehot = tensor([0, 1, 2].map((i) => (i === c.y - 1 ? 1 : 0)));
    const e = distributionCrossEntropy(tensor(c.o), onehot, { base: 2 }).item();
    assert.equal(e.toFixed(4), c.bits);
    // the same through the fused softmax cross-entropy: logits log o give softmax = o; nats → bits
    const nll = crossEntropy(log(tensor([c.o], { dtype: 'float64' })), tensor([c.y - 1], { dtype: 'int32' })).item();
    assert.equal((nll / Math.LN2).toFixed(4), c.bits);
  });
}
