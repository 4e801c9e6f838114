// testOptim (STYLE §3.7): replays the torch.optim trajectories of test/fixtures/nn/optim.json —
// 20 steps on a quadratic and on Rosenbrock — and compares parameters and optimizer state after
// every step; separately checks that nabla's autograd gives torch's gradients on those problems.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromArray, mul, sub, sum, add, pow, type Tensor, type DType, type Optimizer } from '../../src/index.js';
import { assertBitEqual, assertClose, loadFixture, toTensor, tolFor, type Enc } from './reference.js';

export interface OptimCase {
  name: string;
  optimizer: string;
  options: Record<string, unknown>;
  problem: 'quadratic' | 'rosenbrock';
  dtype: DType;
  consts: Record<string, Enc>;
  initial: Enc[];
  trajectory: Array<{
    loss: number;
    grads: Enc[];
    params: Enc[];
    state: Array<Record<string, Enc | number>>;
  }>;
}

/** The two problems of tools/fixtures/nn.py, written with nabla ops. */
export function problemLoss(c: OptimCase, params: Tensor[]): Tensor {
  if (c.problem === 'quadratic') {
    const [W, b] = params;
    const s = toTensor(c.consts.s, c.dtype), T = toTensor(c.consts.T, c.dtype), cc = toTensor(c.consts.c, c.dtype);
    const dW = sub(W, T), db = sub(b, cc);
    return add(sum(mul(s, mul(dW, dW))), sum(mul(db, db)));
  }
  const [a, b] = params;
  const r = sub(b, pow(a, 2));
  const one = sub(1, a);
  return sum(add(mul(100, mul(r, r)), mul(one, one)));
}

export function optimCases(optimizer: string): OptimCase[] {
  const cases = loadFixture<{ cases: OptimCase[] }>('nn', 'optim').cases.filter((c) => c.optimizer === optimizer);
  assert.ok(cases.length > 0, `no ${optimizer} trajectories in the fixture`);
  return cases;
}

export function leaves(encs: Enc[], dtype: DType): Tensor[] {
  return encs.map((e) => fromArray(e.data, e.shape, { dtype, requiresGrad: true }));
}

/** Registers, for every fixture case of `optimizer`, the trajectory test and the gradient test. */
export function testOptim(optimizer: string, make: (params: Tensor[], options: Record<string, unknown>) => Optimizer): void {
  for (const c of optimCases(optimizer)) {
    test(`${c.name}: parameters and state match torch.optim after each of 20 steps`, () => {
      const params = leaves(c.initial, c.dtype);
      const opt = make(params, c.options);
      // elementwise update rules, but float32 errors accumulate over 20 steps
      const tol = tolFor(c.dtype, true);
      c.trajectory.forEach((s, k) => {
        params.forEach((p, i) => (p.grad = toTensor(s.grads[i], c.dtype)));
        opt.step();
        const st = opt.stateDict();
        params.forEach((p, i) => {
          assertClose(p, s.params[i], tol, `step ${k + 1} param ${i}`);
          const expected = s.state[i];
          const names = Object.keys(expected).filter((n) => n !== 'step').sort();
          assert.deepEqual(Object.keys(st.state[i]).sort(), names, `step ${k + 1} param ${i} state names`);
          for (const n of names) assertClose(st.state[i][n], expected[n] as Enc, tol, `step ${k + 1} param ${i} ${n}`);
          if ('step' in expected) assert.equal(st.steps[i], expected.step, `step ${k + 1} param ${i} t`);
        });
        assert.equal(st.step, k + 1);
      });
    });

    test(`${c.name}: nabla autograd gives torch's gradient at every step`, () => {
      c.trajectory.forEach((s, k) => {
        const params = leaves(k === 0 ? c.initial : c.trajectory[k - 1].params, c.dtype);
        const loss = problemLoss(c, params);
        assertClose([loss.item()], [s.loss], tolFor(c.dtype, true), `step ${k + 1} loss`);
        loss.backward();
        params.forEach((p, i) => assertClose(p.grad!, s.grads[i], tolFor(c.dtype, true), `step ${k + 1} grad ${i}`));
      });
    });
  }
}

/**
 * For every trajectory of `optimizer`: 20 uninterrupted steps (the lr halved by a "schedule" at
 * step 11) against 12 steps, stateDict, a fresh optimizer on copied parameters, loadStateDict
 * and 8 more steps. Parameters and state must be equal bit for bit.
 */
export function testResume(optimizer: string, make: (params: Tensor[], options: Record<string, unknown>) => Optimizer): void {
  test(`${optimizer} stateDict/loadStateDict: a resumed run equals the uninterrupted run bit for bit`, () => {
    for (const c of optimCases(optimizer)) {
      const run = (params: Tensor[], opt: Optimizer, from: number, to: number) => {
        for (let k = from; k < to; k++) {
          params.forEach((p, i) => (p.grad = toTensor(c.trajectory[k].grads[i], c.dtype)));
          if (k === 10) opt.lr = opt.lr / 2;
          opt.step();
        }
      };
      const full = leaves(c.initial, c.dtype);
      const o1 = make(full, c.options);
      run(full, o1, 0, 20);
      const first = leaves(c.initial, c.dtype);
      const o2 = make(first, c.options);
      run(first, o2, 0, 12);
      const saved = structuredClone(o2.stateDict());
      const resumed = first.map((p) => fromArray(p.toTypedArray(), p.shape, { requiresGrad: true }));
      const o3 = make(resumed, c.options);
      o3.loadStateDict(saved);
      run(resumed, o3, 12, 20);
      full.forEach((p, i) => assertBitEqual(resumed[i].toTypedArray(), p.toTypedArray(), `${c.name} param ${i}`));
      assert.deepEqual(o3.stateDict(), o1.stateDict(), `${c.name} state`);
    }
  });
}
