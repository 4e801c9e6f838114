// In-place updates (ops/inplace.ts): each equals its out-of-place op on js and wasm, keeps self's
// memory (views see the change), broadcasts only towards self's shape, converts dtypes as torch's
// copy_, and refuses what autograd would not see.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { add, sub, mul, div, tensor, zeros, randn, noGrad, ArgumentError, Rng } from '../index.js';
import { loadWasm } from '../backend/wasm/index.js';

await loadWasm({ threads: 2 });

for (const backend of ['js', 'wasm']) {
  describe(`in-place ops on ${backend}`, () => {
    const rng = new Rng(7);
    const opts = { backend, rng } as const;
    for (const dtype of ['float32', 'float64'] as const) {
      it(`add_/sub_/mul_/div_ equal add/sub/mul/div, ${dtype}, same shape, broadcast row and scalar`, () => {
        for (const otherShape of [[3, 5], [5], [1, 5], [3, 1], []]) {
          for (const [name, inplace, outOfPlace] of [
            ['add_', (a: ReturnType<typeof zeros>, b: ReturnType<typeof zeros>) => a.add_(b), add],
            ['sub_', (a: ReturnType<typeof zeros>, b: ReturnType<typeof zeros>) => a.sub_(b), sub],
            ['mul_', (a: ReturnType<typeof zeros>, b: ReturnType<typeof zeros>) => a.mul_(b), mul],
            ['div_', (a: ReturnType<typeof zeros>, b: ReturnType<typeof zeros>) => a.div_(b), div],
          ] as const) {
            const a = randn([3, 5], { ...opts, dtype });
            const b = randn(otherShape, { ...opts, dtype });
            const want = (outOfPlace as (x: unknown, y: unknown) => ReturnType<typeof zeros>)(a, b).tolist();
            const storage = a.storage;
            const r = inplace(a, b);
            assert.equal(r, a, `${name} returns self`);
            assert.equal(a.storage, storage, `${name} keeps self's memory`);
            assert.deepEqual(a.tolist(), want, `${name} with other ${JSON.stringify(otherShape)}`);
          }
        }
      });
    }
    it('alpha scales other: add_(b, { alpha }) = a + alpha·b, sub_ likewise', () => {
      const a = tensor([1, 2, 3], { backend, dtype: 'float64' });
      a.add_(tensor([1, 1, 1], { backend, dtype: 'float64' }), { alpha: 0.5 });
      assert.deepEqual(a.tolist(), [1.5, 2.5, 3.5]);
      a.sub_(2, { alpha: -1 });
      assert.deepEqual(a.tolist(), [3.5, 4.5, 5.5]);
    });
    it('a view shares the update (reshape aliases memory, as torch.view)', () => {
      const a = zeros([2, 3], { backend });
      const v = a.reshape([6]);
      a.fill_(2);
      assert.deepEqual(v.tolist(), [2, 2, 2, 2, 2, 2]);
      v.add_(1);
      assert.deepEqual(a.tolist(), [[3, 3, 3], [3, 3, 3]]);
      a.zero_();
      assert.deepEqual(v.tolist(), [0, 0, 0, 0, 0, 0]);
    });
    it('int32 counters: add_(1) stays int32 (num_batches_tracked)', () => {
      const c = zeros([], { backend, dtype: 'int32' });
      for (let i = 0; i < 3; i++) c.add_(1);
      assert.equal(c.dtype, 'int32');
      assert.equal(c.item(), 3);
    });
    it('copy_ broadcasts, converts dtype (float → int truncates as torch) and reads its own view', () => {
      const a = zeros([2, 3], { backend });
      a.copy_(tensor([1, 2, 3], { backend, dtype: 'float64' }));
      assert.deepEqual(a.tolist(), [[1, 2, 3], [1, 2, 3]]);
      const i = zeros([3], { backend, dtype: 'int32' }).copy_(tensor([1.9, -1.9, 0.5], { backend }));
      assert.deepEqual(i.tolist(), [1, -1, 0]);
      const s = tensor(5, { backend });
      assert.equal(zeros([], { backend }).copy_(s).item(), 5);
      const t = tensor([[1, 2], [3, 4]], { backend });
      t.copy_(t.reshape([2, 2]).slice(0, 0, 1)); // a row of itself, broadcast over both rows
      assert.deepEqual(t.tolist(), [[1, 2], [1, 2]]);
    });
    it('copy_ from the other backend moves the values', () => {
      const other = backend === 'js' ? 'wasm' : 'js';
      const a = zeros([3], { backend });
      a.copy_(tensor([4, 5, 6], { backend: other }));
      assert.deepEqual(a.tolist(), [4, 5, 6]);
      assert.equal(a.backend.name, backend);
    });
  });
}

describe('in-place ops and autograd', () => {
  it('a parameter is updated under noGrad; with grad enabled the op is refused and nothing changes', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    assert.throws(() => w.mul_(2), ArgumentError);
    assert.throws(() => zeros([2]).copy_(w), ArgumentError); // from a tensor that requires grad, too
    assert.deepEqual(w.tolist(), [1, 2]);
    noGrad(() => w.mul_(2));
    assert.deepEqual(w.tolist(), [2, 4]);
    w.detach().add_(1); // .detach() / .data share memory and do not require grad: allowed, as torch
    assert.deepEqual(w.tolist(), [3, 5]);
  });
  it('the gradient still flows to a tensor updated in place between steps', () => {
    const w = tensor([1, 2], { requiresGrad: true, dtype: 'float64' });
    w.mul(w).sum().backward();
    assert.deepEqual(w.grad!.tolist(), [2, 4]);
    noGrad(() => w.sub_(w.grad!, { alpha: 0.5 }));
    w.grad = null;
    w.mul(w).sum().backward();
    assert.deepEqual(w.tolist(), [0, 0]);
    assert.deepEqual(w.grad!.tolist(), [0, 0]);
  });
});

describe('in-place ops: review fixes', () => {
  it('alpha scales in self\'s dtype: float self += 0.5 · int32 other; an int32 self refuses a fractional alpha', () => {
    const a = zeros([3]);
    a.add_(tensor([2, 4, 6], { dtype: 'int32' }), { alpha: 0.5 });
    assert.deepEqual(a.tolist(), [1, 2, 3]);
    const i = zeros([2], { dtype: 'int32' });
    assert.throws(() => i.add_(tensor([1, 1], { dtype: 'int32' }), { alpha: 0.5 }), (e: Error) => e.message.startsWith('Tensor.add_: alpha must be an integer for an int32 tensor'));
    assert.throws(() => i.fill_(0.5), (e: Error) => e.message.startsWith('Tensor.fill_: value must be an integer for an int32 tensor'));
    assert.deepEqual(i.tolist(), [0, 0]);
  });
});

describe('in-place ops and saved tensors (version counter)', () => {
  it('backward refuses a graph whose saved operand was overwritten in place since; after backward it is fine', () => {
    const x = tensor([1, 2], { requiresGrad: true, dtype: 'float64' });
    const w = tensor([3, 4], { dtype: 'float64' });
    const y = x.mul(w).sum(); // mul saves w for dx = dy·w
    w.add_(1);
    assert.throws(() => y.backward(), (e: Error) =>
      e.message.startsWith("backward: mul's gradient needs b (tensor [2] float64), which was modified in place after mul used it"));
    const y2 = x.mul(w).sum();
    y2.backward();
    assert.deepEqual(x.grad!.tolist(), [4, 5]);
    w.mul_(2); // after backward: nothing left to corrupt
  });
  it('a view shares the counter: updating a reshape of a saved tensor is caught too', () => {
    const x = tensor([[1, 2]], { requiresGrad: true, dtype: 'float64' });
    const w = tensor([[3, 4]], { dtype: 'float64' });
    const y = x.mul(w).sum();
    w.reshape([2]).fill_(0);
    assert.throws(() => y.backward(), /modified in place/);
  });
});
