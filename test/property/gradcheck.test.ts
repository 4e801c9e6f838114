// gradcheck in float64 on random shapes for every differentiable op (issue 14): autograd's
// gradients against central differences (eps 1e-6, atol 1e-5, rtol 1e-3: PyTorch's defaults)
// with a random upstream gradient, on both backends. The table must name every public op of
// src/ops/index.ts and every op object with a backward exported from src/ops/*.ts and
// src/losses/*.ts — a new op
// fails here until it gets a generator (or a reason it has no gradient).

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as ops from '../../src/ops/index.js';
import * as nb from '../../src/index.js';
import { REPO } from '../helpers/op-fixture.js';
import type { GradCase, GradEntry, GradTable, NotDifferentiable } from './gradcheck-cases.js';
import { ELEMENTWISE } from './gradcheck-elementwise.js';
import { LAYOUT } from './gradcheck-layout.js';
import { property, type BackendName } from './runs.js';

const TABLE: GradTable = { ...ELEMENTWISE, ...LAYOUT };

/** The op catalogue's shared machinery, not ops (as test/style/op-tests.test.ts). */
const HELPERS = new Set(['index.ts', 'methods.ts', 'operand.ts', 'elementwise.ts', 'reduce-plan.ts']);

/** def.name of every exported op object with a backward, in every src/ops file. */
async function primitivesWithBackward(): Promise<string[]> {
  const names = new Set<string>();
  // losses/ holds op objects too (crossEntropy's fused op)
  const files = ['ops', 'losses'].flatMap((dir) => readdirSync(`${REPO}src/${dir}`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !HELPERS.has(f)).map((f) => `${dir}/${f}`));
  for (const f of files) {
    const mod = (await import(`../../src/${f.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
    for (const v of Object.values(mod)) {
      const def = (v as { def?: { name: string; backward?: unknown } } | null)?.def;
      if (def && typeof (v as { apply?: unknown }).apply === 'function' && def.backward) names.add(def.name);
    }
  }
  return [...names];
}

const isNotDifferentiable = (e: GradEntry | NotDifferentiable): e is NotDifferentiable => 'notDifferentiable' in e;

function runGradcheck(name: string, entry: GradEntry, c: GradCase, backend: BackendName): void {
  const xs = c.inputs.map((inp) => inp.kind === 'int'
    ? nb.fromArray(Int32Array.from(inp.values), inp.shape, { dtype: 'int32', backend })
    : nb.fromArray(Float64Array.from(inp.values), inp.shape, {
      dtype: 'float64', backend, requiresGrad: (inp.kind ?? 'float') === 'float',
    }));
  const report = nb.gradcheck((...t) => entry.fn(t, c.args), xs, {
    seed: c.dySeed, names: c.inputs.map((inp, i) => `${inp.kind === 'int' ? 'index' : 'x'}${i}`),
    ...(entry.eps ? { eps: entry.eps } : {}),
  });
  const call = `${name}(${c.inputs.map((i) => nb.formatShape(i.shape)).join(', ')}; ${JSON.stringify(c.args)})`;
  assert.ok(report.ok, `${call}:\n${report.summary}`);
}

describe('property: gradcheck of every differentiable op', async () => {
  const publicOps = Object.entries(ops).filter(([, v]) => typeof v === 'function').map(([k]) => k);
  const primitives = await primitivesWithBackward();

  it('the table names every public op and every primitive with a backward, and nothing else', () => {
    const required = new Set([...publicOps, ...primitives]);
    const missing = [...required].filter((n) => !(n in TABLE)).sort();
    const stale = Object.keys(TABLE).filter((n) => !required.has(n)).sort();
    assert.deepEqual(missing, [], 'ops without a gradcheck generator: add them to test/property/gradcheck-*.ts');
    assert.deepEqual(stale, [], 'table entries that are no longer ops');
  });

  it('ops declared not differentiable are not (their output does not require grad)', () => {
    for (const [name, e] of Object.entries(TABLE)) {
      if (!isNotDifferentiable(e)) continue;
      const x = nb.tensor([[0.5, -1.5, 2], [3, -0.25, 1]], { dtype: 'float64', requiresGrad: true });
      assert.equal(e.sample(x).requiresGrad, false,
        `${name} is declared not differentiable (${e.notDifferentiable}) but its output requires grad`);
    }
  });

  for (const [name, e] of Object.entries(TABLE)) {
    if (isNotDifferentiable(e)) continue;
    property(`gradcheck: ${name}`, e.arb, (c, backend) => runGradcheck(name, e, c, backend));
  }
});
