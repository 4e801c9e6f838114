import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  tensor, add, mul, sub, sum, exp, matmul, detach, noGrad, isGradEnabled, backward, ArgumentError, NablaError,
  type Tensor,
} from '../index.js';

const f64 = (data: Parameters<typeof tensor>[0], requiresGrad = true) => tensor(data, { dtype: 'float64', requiresGrad });
const values = (t: Tensor | null) => {
  assert.ok(t, 'expected a gradient');
  return [...t.toTypedArray()];
};
const close = (got: number[], want: number[]) => {
  assert.equal(got.length, want.length);
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= 1e-12 * (1 + Math.abs(want[i])), `[${i}] ${g} vs ${want[i]}`));
};

describe('autograd engine', () => {
  it('concepts §9: f = (x + y)·z at (−2, 5, −4)', () => {
    const [x, y, z] = [f64(-2), f64(5), f64(-4)];
    const f = mul(add(x, y), z);
    close(values(f), [-12]);
    f.backward();
    close(values(x.grad), [-4]);
    close(values(y.grad), [-4]);
    close(values(z.grad), [3]);
  });

  it('sums gradients arriving by several paths', () => {
    const x = f64([2, -1]);
    // y = x·x + 3x + x·x·x: dy/dx = 2x + 3 + 3x²
    const y = add(add(mul(x, x), mul(x, 3)), mul(mul(x, x), x));
    y.backward(f64([1, 0.5], false));
    close(values(x.grad), [2 * 2 + 3 + 12, 0.5 * (-2 + 3 + 3)]);
  });

  it('sums a diamond once per path, through a shared intermediate', () => {
    const x = f64(1.5);
    const a = exp(x); // used by both branches
    const y = add(mul(a, 2), mul(a, a)); // dy/dx = 2eˣ + 2e²ˣ
    y.backward();
    close(values(x.grad), [2 * Math.exp(1.5) + 2 * Math.exp(3)]);
  });

  it('reduces a broadcast input\'s gradient to its shape', () => {
    const a = f64([[1, 2, 3], [4, 5, 6]]);
    const row = f64([10, 20, 30]);
    const col = f64([[1], [2]]);
    const s = f64(0.5);
    const y = add(add(mul(a, row), col), s); // [2, 3]
    const dy = f64([[1, -1, 2], [0.5, 3, -2]], false);
    y.backward(dy);
    close(values(a.grad), [10, -20, 60, 5, 60, -60]);
    close(values(row.grad), [1 * 1 + 4 * 0.5, 2 * -1 + 5 * 3, 3 * 2 + 6 * -2]);
    close(values(col.grad), [2, 1.5]);
    close(values(s.grad), [3.5]);
    assert.deepEqual([...row.grad!.shape], [3]);
    assert.deepEqual([...col.grad!.shape], [2, 1]);
    assert.deepEqual([...s.grad!.shape], []);
  });

  it('reduces a broadcast batch in matmul', () => {
    const a = f64([[[1, 2]], [[3, 4]]]); // [2, 1, 2]
    const w = f64([[1], [-1]]); // [2, 1], shared by both batches
    sum(matmul(a, w)).backward();
    close(values(w.grad), [4, 6]);
  });

  it('accumulates into .grad across backward calls', () => {
    const x = f64([1, 2]);
    sum(mul(x, x)).backward();
    sum(mul(x, 3)).backward();
    close(values(x.grad), [2 + 3, 4 + 3]);
  });

  it('releases the graph after backward unless retainGraph', () => {
    const x = f64(2);
    const y = mul(x, x);
    y.backward(undefined, { retainGraph: true });
    y.backward();
    close(values(x.grad), [8]);
    assert.throws(() => y.backward(), (e: Error) =>
      e instanceof NablaError &&
      e.message === 'backward: trying to backward through the graph a second time (through mul)\n' +
        'hint: pass { retainGraph: true } to the first backward() if you need to');
  });

  it('records nothing under noGrad, and restores the previous state', () => {
    const x = f64([1, 2]);
    const y = noGrad(() => {
      assert.equal(isGradEnabled(), false);
      noGrad(() => {});
      assert.equal(isGradEnabled(), false);
      return mul(x, 2);
    });
    assert.equal(isGradEnabled(), true);
    assert.equal(y.requiresGrad, false);
    assert.equal(y.gradFn, null);
    assert.throws(() => noGrad(() => {
      throw new Error('boom');
    }), /boom/);
    assert.equal(isGradEnabled(), true);
  });

  it('stops at detach', () => {
    const x = f64([1, 2]);
    const y = mul(detach(x), x); // d/dx = detach(x)
    sum(y).backward();
    close(values(x.grad), [1, 2]);
    assert.equal(detach(x).requiresGrad, false);
  });

  it('propagates requiresGrad only from inputs that require it', () => {
    const x = f64([1, 2]);
    const c = f64([3, 4], false);
    assert.equal(mul(x, c).requiresGrad, true);
    assert.equal(mul(c, c).requiresGrad, false);
    assert.equal(mul(c, c).gradFn, null);
    sum(mul(x, c)).backward();
    assert.equal(c.grad, null);
    close(values(x.grad), [3, 4]);
  });

  it('backward of a leaf seeds it with ones', () => {
    const x = f64(3);
    x.backward();
    close(values(x.grad), [1]);
  });

  it('differentiates twice with createGraph', () => {
    const x = f64(3);
    const y = mul(mul(x, x), x); // y = x³
    y.backward(undefined, { createGraph: true });
    const g = x.grad!; // 3x² = 27, itself differentiable
    close(values(g), [27]);
    assert.equal(g.requiresGrad, true);
    x.grad = null;
    g.backward();
    close(values(x.grad), [18]); // 6x
    // without createGraph the gradient is a constant
    const z = f64(3);
    mul(z, z).backward();
    assert.equal(z.grad!.requiresGrad, false);
  });

  it('createGraph gives each leaf its own gradient, never the shared dy or the caller\'s gradient', () => {
    const x = f64([1, 2]);
    const y = f64([3, 4]);
    const g = f64([1, 1], false);
    add(x, y).backward(g, { createGraph: true }); // add passes the same dy (here g itself) to x and y
    sum(mul(x, 2)).backward(); // adds into x.grad in place
    close(values(x.grad), [3, 3]);
    close(values(y.grad), [1, 1]);
    close(values(g), [1, 1]);
  });

  it('a later backward adds to a gradient made with createGraph (as PyTorch)', () => {
    const x = f64([1, 2]);
    sum(mul(x, x)).backward(undefined, { createGraph: true }); // x.grad = 2x, part of a graph
    assert.equal(x.grad!.requiresGrad, true);
    sum(mul(x, 3)).backward();
    close(values(x.grad), [2 + 3, 4 + 3]);
  });

  it('a leaf gradient used as an input of the same graph is read as it was, whatever the order', () => {
    for (const bFirst of [true, false]) {
      const w = f64([1, 2]);
      sum(w).backward(); // w.grad = [1, 1]
      const b = f64([3, 4]);
      const ww = sum(mul(w, w));
      const bg = sum(mul(b, w.grad!)); // d/db = w.grad as the forward saw it
      (bFirst ? add(bg, ww) : add(ww, bg)).backward();
      close(values(b.grad), [1, 1]);
      close(values(w.grad), [1 + 2, 1 + 4]);
    }
  });

  it('rejects what it cannot differentiate, with messages', () => {
    const c = f64([1, 2], false);
    assert.throws(() => backward(c), (e: Error) => e instanceof ArgumentError && e.message ===
      'backward: the tensor does not require grad and has no gradFn; got tensor [2]\n' +
      'hint: set requiresGrad on the inputs (parameters do this) before computing the loss');
    const y = mul(f64([1, 2]), 2);
    assert.throws(() => y.backward(), (e: Error) => e instanceof ArgumentError && e.message ===
      'backward: a gradient must be given for a non-scalar output; got tensor [2]\n' +
      'hint: reduce to a scalar first (e.g. .sum() or .mean()), or pass { gradient }');
    assert.throws(() => y.backward(f64([1, 2, 3], false)), (e: Error) => e instanceof ArgumentError && e.message ===
      'backward: gradient must have the output\'s shape; got tensor [2] and gradient [3]');
  });

  it('gives no gradient to inputs that do not affect the output', () => {
    const x = f64([1, 2]);
    const u = f64([5, 6]);
    const y = sub(mul(x, 2), mul(detach(u), 0));
    sum(y).backward();
    close(values(x.grad), [2, 2]);
    assert.equal(u.grad, null);
  });
  it('a gradient takes its input\'s dtype: a float32 weight used with float64 data gets a float32 .grad', () => {
    const w = tensor([[1, 2], [3, 4]], { requiresGrad: true }); // float32
    const x = tensor([[0.5, -1], [2, 0.25]], { dtype: 'float64' });
    const loss = sum(matmul(x, w)); // promoted to float64
    assert.equal(loss.dtype, 'float64');
    loss.backward();
    assert.equal(w.grad!.dtype, 'float32');
    // d/dW Σ(x·W) = xᵀ·1
    close(values(w.grad), [2.5, 2.5, -0.75, -0.75]);
  });
});
