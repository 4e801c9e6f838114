// Random tensors (ops/random.ts): drawn by one op without tensor inputs, so they are the same on
// every backend and thread count, freed with the allocation scope they were made in, and their
// statistics are those asked for (10⁶ draws; bounds from the standard error).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rand, randn, bernoulli, randint, Rng, Parameter, defineOp, ArgumentError } from '../index.js';
import { withAllocScope } from '../tensor/alloc-scope.js';
import { randomFillOp } from './random.js';
import { loadWasm } from '../backend/wasm/index.js';
import { stats } from '../../test/helpers/stats.js';

const wasm = await loadWasm({ threads: 2 });

describe('random tensors', () => {
  it('the same seed gives the same values on js and on wasm (2 threads), float32 and float64', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const a = randn([1000], { rng: new Rng(3), dtype, backend: 'js' }).toTypedArray();
      const b = randn([1000], { rng: new Rng(3), dtype, backend: 'wasm' }).toTypedArray();
      assert.deepEqual(b, a);
      const m1 = bernoulli(0.3, [777], { rng: new Rng(9), backend: 'js' }).toTypedArray();
      const m2 = bernoulli(0.3, [777], { rng: new Rng(9), backend: 'wasm' }).toTypedArray();
      assert.deepEqual(m2, m1);
    }
  });
  it('a generator state read with getState and restored with setState replays the draws', () => {
    const r = new Rng(11);
    randn([3], { rng: r });
    const saved = r.getState();
    const first = rand([50], { rng: r }).tolist();
    r.setState(saved);
    assert.deepEqual(rand([50], { rng: r }).tolist(), first);
  });
  it('moments over 10⁶ draws: randn(mean, std), rand(low, high), bernoulli(p), randint', () => {
    const n = 1e6, se = (sd: number) => sd / Math.sqrt(n);
    const z = stats(randn([n], { rng: new Rng(1), mean: 2, std: 3, dtype: 'float64' }));
    assert.ok(Math.abs(z.mean - 2) < 5 * se(3), `normal mean ${z.mean}`);
    assert.ok(Math.abs(z.std - 3) < 5 * 3 / Math.sqrt(2 * n), `normal std ${z.std}`);
    const u = stats(rand([n], { rng: new Rng(2), low: -1, high: 3, dtype: 'float64' }));
    assert.ok(u.min >= -1 && u.max < 3, `uniform bounds ${u.min} ${u.max}`);
    assert.ok(Math.abs(u.mean - 1) < 5 * se(4 / Math.sqrt(12)), `uniform mean ${u.mean}`);
    assert.ok(Math.abs(u.std - 4 / Math.sqrt(12)) < 0.005, `uniform std ${u.std}`);
    const b = stats(bernoulli(0.2, [n], { rng: new Rng(3) }));
    assert.ok(Math.abs(b.mean - 0.2) < 5 * se(Math.sqrt(0.16)), `bernoulli rate ${b.mean}`);
    const i = stats(randint(0, 10, [n], { rng: new Rng(4) }));
    assert.ok(i.min === 0 && i.max === 9 && Math.abs(i.mean - 4.5) < 5 * se(Math.sqrt(99 / 12)), `randint ${i.mean}`);
  });
  it('a random tensor made inside an allocation scope is freed with it; one made a Parameter survives', () => {
    for (const backend of ['js', 'wasm']) {
      let temp = null as ReturnType<typeof randn> | null;
      let kept = null as Parameter | null;
      withAllocScope(() => {
        temp = randn([64], { backend });
        kept = new Parameter(randn([64], { backend }));
      }, () => []);
      assert.equal(temp!.storage.freed, true, `${backend}: the temporary is released`);
      assert.equal(kept!.storage.freed, false, `${backend}: the parameter is not`);
      assert.equal(kept!.toTypedArray().length, 64);
    }
    assert.ok(wasm.threads >= 1);
  });
  it('an op without tensor inputs needs its backend; randomFill records no gradient', () => {
    const noInput = defineOp<Record<string, never>>({
      name: 'seven', spec: '§2', args: [],
      shape: () => ({ shape: [2], dtype: 'float32' }),
      forward: (ctx) => ctx.k.fill(ctx.out.storage, 7),
    });
    assert.throws(() => noInput.apply([], {}), ArgumentError);
    assert.deepEqual(noInput.apply([], {}, wasm).tolist(), [7, 7]);
    const t = randomFillOp.apply([], { shape: [3], dtype: 'float64', rng: new Rng(0), draw: (r) => r.random() }, wasm);
    assert.equal(t.gradFn, null);
    assert.equal(t.dtype, 'float64');
  });
});
