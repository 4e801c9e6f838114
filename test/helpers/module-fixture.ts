// Module fixtures: the case description shared with tools/fixtures/modules.py, its hash, and
// loading the generated test/fixtures/modules/<Module>.json. A missing or stale case throws
// (never skips). Unlike op fixtures, no generator hash: each case is checked by its own hash only,
// so adding a case or a module regenerates only that case (docs/design.md §4, modules.py).

import { existsSync, readFileSync } from 'node:fs';
import { jsonHash, REPO, type Domain, type SerialInput } from './op-fixture.js';

/** What modules.py needs to build the torch module, draw its state and inputs, and train it. */
export interface SerialModuleCase {
  name: string;
  /** A Python expression over torch, nn (torch.nn) and F, e.g. `nn.Linear(3, 4, bias=False)`. */
  torch: string;
  inputs: SerialInput[];
  /** Training iterations (forward, backward, p -= lr·grad) before the state and eval records. */
  steps: number;
  lr: number;
  /** Domains of the initial state by state_dict key or by its last component (`running_var`). */
  state: Record<string, Domain>;
}
export interface SerialModule {
  module: string;
  cases: (SerialModuleCase & { hash: string })[];
}

/** Bumped when the file layout changes; the generator writes it, the loader insists on it. */
export const MODULE_FIXTURE_FORMAT = 1;
export const REGENERATE = 'run `npm run fixtures` (or /usr/bin/python3 tools/fixtures/modules.py)';

export function moduleCaseHash(c: SerialModuleCase): string {
  return jsonHash(c);
}

/** An array as the generator writes it: base64 of little-endian float64/float32, or a plain list. */
export type Data = string | number[];
export interface StateEntry {
  shape: number[];
  /** int: torch int64 (num_batches_tracked), int32 in nabla, compared by value. */
  kind: 'float' | 'int';
  data: Data;
}
/** One dtype's replay: per step the output, input gradients and parameter gradients. */
export interface ModuleRun {
  steps: { out: Data; dx: (Data | null)[]; grads: Record<string, Data | null> }[];
  /** The state_dict after the steps (int entries as lists). */
  state: Record<string, Data>;
  /** The output of one eval-mode forward after the steps. */
  eval: Data;
}
export interface ModuleFixtureCase {
  hash: string;
  torch: string;
  /** named_parameters() order. */
  params: string[];
  /** The initial state_dict, float values float32-representable, in state_dict order. */
  state: Record<string, StateEntry>;
  steps: { inputs: Data[]; dy: Data | null; outShape: number[] }[];
  eval: { inputs: Data[]; outShape: number[] };
  float64: ModuleRun;
  float32: ModuleRun;
}
interface ModuleFixtureFile {
  format: number;
  module: string;
  cases: Record<string, ModuleFixtureCase>;
}

const cache = new Map<string, ModuleFixtureFile>();

export function moduleFixturePath(module: string): string {
  return `test/fixtures/modules/${module}.json`;
}

function loadFile(module: string): ModuleFixtureFile {
  const cached = cache.get(module);
  if (cached) return cached;
  const rel = moduleFixturePath(module);
  if (!existsSync(REPO + rel)) throw new Error(`fixture ${rel} is missing: ${REGENERATE}`);
  const file = JSON.parse(readFileSync(REPO + rel, 'utf8')) as ModuleFixtureFile;
  if (file.format !== MODULE_FIXTURE_FORMAT) {
    throw new Error(`fixture ${rel} has format ${file.format}, the loader reads ${MODULE_FIXTURE_FORMAT}: ${REGENERATE}`);
  }
  cache.set(module, file);
  return file;
}

/** The fixture of one case; throws with the command that fixes it when missing or stale. */
export function loadModuleCase(module: string, c: SerialModuleCase): ModuleFixtureCase {
  const rel = moduleFixturePath(module);
  const fx = loadFile(module).cases[c.name];
  if (!fx) throw new Error(`fixture ${rel} has no case "${c.name}": ${REGENERATE}`);
  if (fx.hash !== moduleCaseHash(c)) {
    throw new Error(`fixture ${rel} case "${c.name}" is stale (the case changed): ${REGENERATE}`);
  }
  return fx;
}

/** Case names in the fixture file, to catch cases that were removed from the test. */
export function moduleFixtureCaseNames(module: string): string[] {
  return Object.keys(loadFile(module).cases);
}
