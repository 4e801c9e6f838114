// nn.init against torch.nn.init (tools/fixtures/init.py → test/fixtures/nn/init.json; concepts §6):
// gains, fans, and the exact distribution each initializer draws from — read off by a recording
// Rng (its uniform/normal record their arguments), so the values compared are those the public
// functions really pass — and orthogonalFrom against torch's orthogonal_ on the same matrix.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zeros, fromArray, Rng, init, type Tensor } from '../../index.js';
import { loadFixture } from '../../../test/helpers/reference.js';

const fx = loadFixture('nn', 'init');

/** An Rng that records what it is asked for instead of drawing (returns 0): the first call, the count, the distinct calls. */
class RecordingRng extends Rng {
  first: [string, number, number] | null = null;
  count = 0;
  distinct = new Set<string>();
  private record(c: [string, number, number]): number {
    this.first ??= c;
    this.count++;
    this.distinct.add(c.join());
    return 0;
  }
  override uniform(low = 0, high = 1): number {
    return this.record(['uniform', low, high]);
  }
  override normal(mean = 0, std = 1): number {
    return this.record(['normal', mean, std]);
  }
}

test('calculateGain equals torch.nn.init.calculate_gain for every nonlinearity', () => {
  assert.ok(fx.gains.length >= 17);
  for (const g of fx.gains) {
    const got = g.param === null ? init.calculateGain(g.nonlinearity) : init.calculateGain(g.nonlinearity, g.param);
    assert.equal(got, g.gain, `${g.nonlinearity}(${g.param})`);
  }
});

test('fans equal torch _calculate_fan_in_and_fan_out (2-D to 5-D weights)', () => {
  for (const f of fx.fans) {
    assert.deepEqual(init.fans('t', zeros(f.shape)), { fanIn: f.fanIn, fanOut: f.fanOut }, `[${f.shape}]`);
  }
});

const MODE: Record<string, 'fanIn' | 'fanOut'> = { fan_in: 'fanIn', fan_out: 'fanOut' };

/** The nabla calls that must draw what torch's `fn(**kwargs)` draws. */
function nablaCalls(fn: string, kw: Record<string, any>): [string, (t: Tensor, rng: Rng) => Tensor][] {
  const k = { ...kw, ...(kw.mode ? { mode: MODE[kw.mode] } : {}) };
  switch (fn) {
    case 'uniform_':
      return [['uniform_', (t, rng) => init.uniform_(t, kw.a, kw.b, { rng })]];
    case 'normal_':
      return [['normal_', (t, rng) => init.normal_(t, kw.mean, kw.std, { rng })]];
    case 'xavier_uniform_':
      return [['xavierUniform_', (t, rng) => init.xavierUniform_(t, { ...k, rng })]];
    case 'xavier_normal_':
      return [['xavierNormal_', (t, rng) => init.xavierNormal_(t, { ...k, rng })]];
    case 'kaiming_uniform_': {
      const out: [string, (t: Tensor, rng: Rng) => Tensor][] = [['kaimingUniform_', (t, rng) => init.kaimingUniform_(t, { ...k, rng })]];
      if (kw.nonlinearity === 'linear' && Object.keys(kw).length === 1) out.push(['lecunUniform_', (t, rng) => init.lecunUniform_(t, { rng })]);
      return out;
    }
    case 'kaiming_normal_': {
      const out: [string, (t: Tensor, rng: Rng) => Tensor][] = [['kaimingNormal_', (t, rng) => init.kaimingNormal_(t, { ...k, rng })]];
      if (kw.nonlinearity === 'linear' && Object.keys(kw).length === 1) out.push(['lecunNormal_', (t, rng) => init.lecunNormal_(t, { rng })]);
      if (Object.keys(kw).length === 0) out.push(['heNormal_', (t, rng) => init.heNormal_(t, { rng })]); // leaky_relu a = 0: gain √2 = relu's
      return out;
    }
    default:
      throw new Error(`no nabla initializer for ${fn}`);
  }
}

test('every initializer draws from the distribution torch uses (bounds and stds exact, 2-D to 5-D shapes)', () => {
  const seen = new Set<string>();
  let compared = 0;
  for (const d of fx.draws) {
    for (const [name, call] of nablaCalls(d.fn, d.kwargs)) {
      const rng = new RecordingRng(0);
      const t = zeros(d.shape, { dtype: 'float64' });
      assert.equal(call(t, rng), t, `${name} returns its argument`);
      const label = `${name} ${JSON.stringify(d.kwargs)} [${d.shape}]`;
      assert.equal(rng.count, t.size, `${label}: one draw per element`);
      assert.deepEqual(rng.first, [d.dist, ...d.params], label); // exact: same formula, same order of operations
      assert.equal(rng.distinct.size, 1, `${label}: one distribution`);
      seen.add(name);
      compared++;
    }
  }
  assert.deepEqual([...seen].sort(), ['heNormal_', 'kaimingNormal_', 'kaimingUniform_', 'lecunNormal_', 'lecunUniform_', 'normal_',
    'uniform_', 'xavierNormal_', 'xavierUniform_']);
  assert.ok(compared >= 140, `${compared} comparisons`);
});

test('orthogonalFrom equals torch.nn.init.orthogonal_ on the same normal matrix (to 1e-12)', () => {
  assert.ok(fx.orthogonal.length >= 8);
  for (const c of fx.orthogonal) {
    const q = init.orthogonalFrom(fromArray(c.matrix.data, c.matrix.shape, { dtype: 'float64' }), { gain: c.gain });
    assert.deepEqual(q.shape, c.expected.shape);
    const a = q.toTypedArray();
    let err = 0;
    for (let i = 0; i < a.length; i++) err = Math.max(err, Math.abs(a[i] - c.expected.data[i]));
    assert.ok(err < 1e-12, `[${c.shape}] gain ${c.gain}: max |nabla − torch| = ${err}`);
  }
});

test('orthogonal_ draws its matrix in torch\'s layout: orthogonal_ with a seeded Rng = orthogonalFrom of the same draws', () => {
  for (const shape of [[5, 3], [3, 5], [6, 2, 2]]) {
    const w = init.orthogonal_(zeros(shape, { dtype: 'float64' }), { gain: 1.5, rng: new Rng(8) });
    const g = new Rng(8);
    const rows = shape[0], cols = w.size / rows;
    const m = fromArray(Array.from({ length: rows * cols }, () => g.normal(0, 1)), [rows, cols], { dtype: 'float64' });
    assert.deepEqual([...w.toTypedArray()], [...init.orthogonalFrom(m, { gain: 1.5 }).toTypedArray()], `[${shape}]`);
  }
});
