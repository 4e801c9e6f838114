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

export const REGRESSIONS: readonly Regression[] = [];
