import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  gradcheck, numericalGrad, defineOp, tensor, mul, sigmoid, sum, matmul, randn, Rng, ArgumentError,
  type Tensor,
} from '../index.js';

const f64 = (data: number[] | number[][], requiresGrad = true) => tensor(data, { dtype: 'float64', requiresGrad });

/** x², with a backward that forgets to multiply by dy: right only when dy is all ones. */
const forgetsDy = defineOp({
  name: 'forgetsDy',
  spec: '§2',
  args: ['x'],
  shape: ([x]) => ({ shape: x.shape, dtype: x.dtype }),
  forward(ctx) {
    const x = ctx.inputs[0];
    const s = { s: x.storage, offset: 0, strides: [1] };
    ctx.k.binary({ id: 'mul', scalar: (a, b) => a * b }, s, s, ctx.out.storage, [x.size]);
  },
  backward: (ctx) => [mul(ctx.inputs[0], 2)],
});

describe('gradcheck', () => {
  it('passes for a correct gradient and reports every input', () => {
    const a = f64([[0.3, -1.2, 2.0], [0.7, 0.1, -0.4]]);
    const b = f64([[1.5], [-0.5], [0.25]]);
    const r = gradcheck((a, b) => sigmoid(matmul(a, b)), [a, b], { names: ['a', 'b'] });
    assert.ok(r.ok, r.summary);
    assert.deepEqual(r.inputs.map((x) => x.name), ['a', 'b']);
    for (const x of r.inputs) {
      assert.ok(x.maxAbsError < 1e-8, `${x.name}: ${x.maxAbsError}`);
      assert.ok(x.maxRelError < 1e-6, `${x.name}: ${x.maxRelError}`);
    }
    assert.match(r.summary, /^gradcheck passed \(eps 0.000001, atol 0.00001, rtol 0.001\)\n {2}a \[2, 3\]: max abs error/);
  });

  it('fails a backward that ignores dy (the upstream gradient is random, not ones)', () => {
    const x = f64([0.5, -1.5, 2.5, 1.0]);
    const r = gradcheck((x) => forgetsDy.apply([x], {}), [x]);
    assert.equal(r.ok, false);
    assert.equal(r.inputs[0].ok, false);
    assert.ok(r.inputs[0].maxAbsError > 0.1);
    assert.match(r.summary, /^gradcheck FAILED/);
    assert.match(r.summary, /FAIL$/);
    // even a scalar output is contracted with a random dy, so sum() does not hide the bug
    assert.equal(gradcheck((x) => sum(forgetsDy.apply([x], {})), [x]).ok, false);
  });

  it('checks only inputs with requiresGrad, in float64 even for float32 inputs', () => {
    const a = tensor([1, 2, 3]); // float32
    a.requiresGrad = true;
    const b = tensor([4, 5, 6], { dtype: 'float64' });
    let seen = '';
    const r = gradcheck((a, b) => {
      seen = a.dtype;
      return mul(a, b);
    }, [a, b]);
    assert.ok(r.ok, r.summary);
    assert.equal(seen, 'float64');
    assert.deepEqual(r.inputs.map((x) => x.index), [0]);
    assert.equal(a.grad, null, 'the caller\'s tensors are not touched');
  });

  it('is deterministic in its seed and passes a larger random case', () => {
    const x = randn([7, 5], { dtype: 'float64', rng: new Rng(3), requiresGrad: true });
    const r1 = gradcheck((x) => sigmoid(x), [x], { seed: 1 });
    const r2 = gradcheck((x) => sigmoid(x), [x], { seed: 1 });
    assert.ok(r1.ok, r1.summary);
    assert.equal(r1.inputs[0].maxAbsError, r2.inputs[0].maxAbsError);
  });

  it('needs an input that requires grad', () => {
    assert.throws(() => gradcheck((x) => x, [f64([1], false)]), (e: Error) =>
      e instanceof ArgumentError &&
      e.message === 'gradcheck: at least one input must have requiresGrad set; got inputs[0] [1]');
  });
});

describe('numericalGrad', () => {
  it('matches hand-computed derivatives of ⟨dy, x²·y⟩', () => {
    const x = f64([1.5, -2, 0.5], false);
    const y = f64([3, 0.25, -1], false);
    const dy = f64([1, -2, 0.5], false);
    const [dx, dyy] = numericalGrad((x, y) => mul(mul(x, x), y), [x, y], { gradient: dy }) as Tensor[];
    // d/dx = dy·2xy = [9, 2, -0.5]; d/dy = dy·x² = [2.25, -8, 0.125]
    const close = (t: Tensor, want: number[]) =>
      [...t.toTypedArray()].forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-8, `${v} vs ${want[i]}`));
    close(dx, [9, 2, -0.5]);
    close(dyy, [2.25, -8, 0.125]);
    assert.equal(dx.dtype, 'float64');
    assert.deepEqual([...x.toTypedArray()], [1.5, -2, 0.5], 'inputs restored');
  });
});
