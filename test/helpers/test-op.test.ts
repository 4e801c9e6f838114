// The harness must be able to fail (STYLE §3.7 rule 1): a wrong forward, and a backward that
// ignores dy, are both caught against the committed mul fixture.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { add, defineOp, expand, mul } from '../../src/index.js';
import { binaryCases, runAgainstFixture, serialize, type OpTestSpec } from './test-op.js';
import { loadCase } from './op-fixture.js';

const spec: OpTestSpec = { inputs: ['a', 'b'], fn: ([a, b]) => mul(a, b), torch: 'torch.mul(a, b)', cases: binaryCases() };
const c = serialize(spec, binaryCases().find((x) => x.name === 'broadcast pair')!);

/** a·b with the gradient of a ones upstream: [b, a], dy ignored. */
const mulForgetsDy = defineOp({
  name: 'mulForgetsDy',
  spec: '§2',
  args: ['a', 'b'],
  shape: ([a, b]) => ({ shape: [3, 4, 5], dtype: a.dtype === 'float64' || b.dtype === 'float64' ? 'float64' : 'float32' }),
  forward(ctx) {
    ctx.out.storage = mul(ctx.inputs[0], ctx.inputs[1]).storage;
  },
  backward: (ctx) => [expand(ctx.inputs[1], [3, 4, 5]), expand(ctx.inputs[0], [3, 4, 5])],
});

it('passes the real op', () => {
  for (const dtype of ['float64', 'float32'] as const) runAgainstFixture('mul', c, loadCase('mul', c), spec.fn, dtype);
});

it('fails a wrong forward', () => {
  assert.throws(() => runAgainstFixture('mul', c, loadCase('mul', c), ([a, b]) => add(a, b), 'float64'),
    /mul \/ broadcast pair \(float64\): forward: element \d+ is/);
});

it('fails a backward that ignores dy', () => {
  assert.throws(() => runAgainstFixture('mul', c, loadCase('mul', c), ([a, b]) => mulForgetsDy.apply([a, b], {}), 'float64'),
    /mul \/ broadcast pair \(float64\): grad a: element \d+ is/);
});
