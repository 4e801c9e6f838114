// concepts §9 (notes [4]): the 2-layer network trained by hand — N = 64, D_in = 1000, H = 100,
// D_out = 10, sigmoid hidden layer, sum-of-squares loss, lr 1e-4, 2000 steps — once with the
// notes' hand-written gradients (nabla tensor ops, no autograd) and once with autograd and the
// library's SGD, from the same seed and initial weights. The final weights must agree.
// Runtime: ≈ 2 min on the js backend (2 runs × 2000 steps × ≈ 13 M multiply-adds, and the
// reference matmul does ≈ 0.6 G/s); the configuration is the notes', so it is not shrunk.
//
// The notes' code (numpy):
//   x, y = randn(N, D_in), randn(N, D_out);  w1, w2 = rand(D_in, H), randn(H, D_out)
//   for t in range(2000):
//     h = 1 / (1 + np.exp(-x.dot(w1)));  y_pred = h.dot(w2);  loss = np.square(y_pred - y).sum()
//     grad_y_pred = 2.0 * (y_pred - y);  grad_w2 = h.T.dot(grad_y_pred)
//     grad_h = grad_y_pred.dot(w2.T);  grad_w1 = x.T.dot(grad_h * h * (1 - h))
//     w1 -= 1e-4 * grad_w1;  w2 -= 1e-4 * grad_w2

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Rng, rand, randn, matmul, exp, neg, add, reciprocal, sub, mul, sum, sigmoid, mseLoss, SGD, noGrad,
  fromArray, type Tensor,
} from '../../src/index.js';
import { assertClose, TOL } from '../helpers/reference.js';

const [N, D_in, H, D_out] = [64, 1000, 100, 10];
const STEPS = 2000;
const lr = 1e-4;

function data() {
  const rng = new Rng(2021);
  const x = randn([N, D_in], { rng }), y = randn([N, D_out], { rng });
  const w1 = rand([D_in, H], { rng }), w2 = randn([H, D_out], { rng });
  return { x, y, w1, w2 };
}
const copy = (t: Tensor, requiresGrad = false) => fromArray(t.toTypedArray(), t.shape, { requiresGrad });

function byHand(x: Tensor, y: Tensor, w1: Tensor, w2: Tensor) {
  const xT = x.t();
  const losses: number[] = [];
  for (let t = 0; t < STEPS; t++) {
    const h = reciprocal(add(1, exp(neg(matmul(x, w1)))));
    const yPred = matmul(h, w2);
    const diff = sub(yPred, y);
    if (t === 0 || t === STEPS - 1) losses.push(sum(mul(diff, diff)).item());
    const gradYPred = mul(2, diff);
    const gradW2 = matmul(h.t(), gradYPred);
    const gradH = matmul(gradYPred, w2.t());
    const gradW1 = matmul(xT, mul(mul(gradH, h), sub(1, h)));
    w1 = sub(w1, mul(lr, gradW1));
    w2 = sub(w2, mul(lr, gradW2));
  }
  return { w1, w2, losses };
}

function withAutograd(x: Tensor, y: Tensor, w1: Tensor, w2: Tensor) {
  const opt = new SGD([w1, w2], { lr });
  const losses: number[] = [];
  for (let t = 0; t < STEPS; t++) {
    const loss = mseLoss(matmul(sigmoid(matmul(x, w1)), w2), y, { reduction: 'sum' });
    if (t === 0 || t === STEPS - 1) losses.push(loss.item());
    opt.zeroGrad();
    loss.backward();
    opt.step();
  }
  return { w1, w2, losses };
}

test('the notes\' 2-layer net: hand-written gradients and autograd end with the same weights', (t) => {
  const d = data();
  assert.ok(!d.w1.requiresGrad && !d.w2.requiresGrad);
  const hand = byHand(d.x, d.y, copy(d.w1), copy(d.w2));
  const auto = withAutograd(d.x, d.y, copy(d.w1, true), copy(d.w2, true));
  // the loss decreased a lot, and both runs saw the same first and last loss
  assert.ok(hand.losses[1] < hand.losses[0] / 100, `loss ${hand.losses[0]} → ${hand.losses[1]}`);
  assertClose(auto.losses, hand.losses, { atol: 1e-3, rtol: 1e-4 }, 'loss at steps 1 and 2000');
  // float32 matmul tolerance (STYLE §3.7); measured max |Δw| ≈ 1e-6 after 2000 steps
  assertClose(auto.w2, noGrad(() => hand.w2.toTypedArray()), TOL.float32Reduce, 'w2');
  assertClose(auto.w1, noGrad(() => hand.w1.toTypedArray()), TOL.float32Reduce, 'w1');
  assert.equal(hand.w1.requiresGrad, false, 'the hand-written run recorded nothing');
  const maxDiff = (a: Tensor, b: Tensor) => {
    const p = a.toTypedArray(), q = b.toTypedArray();
    let m = 0;
    for (let i = 0; i < p.length; i++) m = Math.max(m, Math.abs(p[i] - q[i]));
    return m;
  };
  t.diagnostic(`loss ${hand.losses[0].toFixed(1)} → ${hand.losses[1].toFixed(4)}; ` +
    `max |Δw1| ${maxDiff(auto.w1, hand.w1).toExponential(2)}, max |Δw2| ${maxDiff(auto.w2, hand.w2).toExponential(2)}`);
});
