// Property failures kept as regression cases: each property replays its entries before its random
// runs (test/property/runs.ts). A failing property prints the entry to add here. `seed` + `path`
// replay the shrunk case through fast-check (valid while the property's generator is unchanged);
// `example` holds the case itself, for a generator that changed since.

export interface Regression {
  /** The property's name, as declared with property(). */
  property: string;
  seed: number;
  /** fast-check's counterexample path (replays exactly the shrunk case with this seed). */
  path?: string;
  /** The shrunk case itself, as the property's generator produces it. */
  example?: unknown;
  /** Only this backend (default: both). */
  backend?: 'js' | 'wasm';
  /** What failed, and the commit that fixed it. */
  note: string;
}

export const REGRESSIONS: readonly Regression[] = [
  {
    property: 'reduce: result shapes with and without keepdim',
    seed: -1782384266,
    path: '21:2:1',
    example: { spec: { shape: [], dtype: 'float64', values: [0] }, dims: [-1], axes: [], keepdim: true, order: [] },
    note: 'sum(0-d tensor, −1) threw "dim -1 is out of range for a tensor of rank 0" (dim 0 was taken); ' +
      'fixed in 5a50464',
  },
  {
    property: 'mean: mean·n equals sum',
    seed: -1168831056,
    path: '6:0:0:0:0:0',
    example: { spec: { shape: [], dtype: 'float32', values: [0] }, dims: [0], axes: [], keepdim: false, order: [] },
    note: 'mean(0-d tensor, 0) was NaN: it divided by x.shape[0], undefined; fixed in 5a50464',
  },
  {
    property: 'softmax: ignores a shift of the logits, exactly when the shift is exact',
    seed: -1158279661,
    path: '0:2:1:1:2:0:0:0:1:0:0:0:0:0:0:0:0:0:0:1:0:0',
    example: [{ spec: { shape: [2], dtype: 'float32', values: [0, 0] }, dim: 0 }, -9],
    backend: 'wasm',
    note: 'wasm logSoftmax([−9, −9]) was −0.6931467, not −0.6931472: it rounded max + log Σ to float32 first; ' +
      'fixed in 851d2b6',
  },
  {
    property: 'gradcheck: linear',
    seed: 307288284,
    path: '0:0',
    example: {
      inputs: [{ shape: [0], values: [], kind: 'float' }, { shape: [0, 0], values: [], kind: 'float' }], args: {}, dySeed: 0,
    },
    note: 'linear with D_in = 0: rows = x.size / D_in was NaN (bias dropped, backward threw); fixed in 571dc85',
  },
  {
    property: 'mean: mean·n equals sum',
    seed: -1168831056,
    example: {
      spec: {
        shape: [7, 1, 6, 3], dtype: 'float64', values: Array.from({ length: 126 }, (_, i) => (i === 117 ? 5e-324 : 0)),
      },
      dims: [3], axes: [3], keepdim: true, order: [3],
    },
    note: 'the test\'s own bound: 5e-324 / 3 rounds to 0, and the float64 underflow slack 2⁻¹⁰⁷⁵ was itself 0 ' +
      '(found at 1000 runs; the example alone replays it: its path was 120 steps long)',
  },
];
