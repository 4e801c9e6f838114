// The wasm backend's public entry: builds the backend (sync in Node, `initWasm()` in browsers),
// registers it as 'wasm', attaches the worker pool, and picks the fastest available backend.

import { ArgumentError, BackendError } from '../../core/errors.js';
import { badArg, checkBool, checkInt, checkOneOf, checkOptions } from '../../core/check.js';
import { getBackend, preferBackend, registerBackend, registerLazyBackend, setBackend } from '../registry.js';
import { loadModuleAsync, loadModuleSync, relaxedSimdAvailable, type LoadOptions, type LoadedModule } from './loader.js';
import { WorkerPool } from './pool.js';
import { createWasmBackend, type WasmBackend, type WasmBackendOptions } from './wasm-backend.js';

export { wasmCoverage, fallbackCounts, resetFallbackCounts, type CoverageEntry } from './coverage.js';
export { relaxedSimdAvailable, relaxedSimdExecArgv, sharedMemoryAvailable } from './loader.js';
export type { WasmBackend } from './wasm-backend.js';

export interface WasmOptions extends LoadOptions, WasmBackendOptions {
  /** Threads for large kernels (default: available cores, at most 8; 1 without shared memory). */
  threads?: number;
  /** Smallest matmul (m·n·k) and element-wise op or optimizer update (elements) split over threads (tests lower them). */
  parallelMinWork?: number;
  parallelMinElements?: number;
  /** Smallest chunk (MACs) of a split matmul (tests lower it so every thread claims many). */
  parallelMinChunk?: number;
  /** Split every matmul by rows (over a shared packed B) or by columns instead of by shape (tests). */
  parallelSplit?: 'auto' | 'rows' | 'columns';
}

type NodeProcess = { getBuiltinModule?: (id: string) => unknown };
const nodeProc = (globalThis as { process?: NodeProcess }).process;
const isNode = typeof nodeProc?.getBuiltinModule === 'function';

function defaultThreads(): number {
  if (isNode) {
    const os = nodeProc!.getBuiltinModule!('node:os') as typeof import('node:os');
    return Math.min(8, os.availableParallelism());
  }
  const hc = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return Math.min(8, hc ?? 1);
}

const WASM_KEYS = ['dir', 'variant', 'shared', 'name', 'budget', 'threads', 'parallelMinWork', 'parallelMinElements',
  'parallelMinChunk', 'parallelSplit'];

/** Checks the options of loadWasm/initWasm/useFastestBackend before anything is built. */
function wasmOptions(op: string, opts: unknown, extra: readonly string[] = []): void {
  const o = checkOptions(op, opts as WasmOptions & { baseUrl?: unknown }, [...WASM_KEYS, ...extra]);
  if (o.threads !== undefined) checkInt(op, 'threads', o.threads, 1);
  if (o.budget !== undefined) checkInt(op, 'budget', o.budget, 1);
  for (const k of ['parallelMinWork', 'parallelMinElements', 'parallelMinChunk'] as const) {
    if (o[k] !== undefined) checkInt(op, k, o[k], 0);
  }
  if (o.variant !== undefined) checkOneOf(op, 'variant', o.variant, ['simd', 'relaxed']);
  if (o.parallelSplit !== undefined) checkOneOf(op, 'parallelSplit', o.parallelSplit, ['auto', 'rows', 'columns']);
  if (o.shared !== undefined) checkBool(op, 'shared', o.shared);
  if (o.name !== undefined && (typeof o.name !== 'string' || o.name === '')) throw badArg(op, 'name must be a non-empty string', o.name);
  if (o.dir !== undefined && !(o.dir instanceof URL)) throw badArg(op, 'dir must be a URL', o.dir, 'write pathToFileURL(dir) (node:url)');
  if (o.baseUrl !== undefined && typeof o.baseUrl !== 'string' && !(o.baseUrl instanceof URL)) {
    throw badArg(op, 'baseUrl must be a string or a URL', o.baseUrl);
  }
}

/** Pools still starting, by backend (browser workers start only when the page yields). */
const starting = new WeakMap<WasmBackend, Promise<void>>();

function build(loaded: LoadedModule, opts: WasmOptions): WasmBackend {
  const b = createWasmBackend(loaded, opts);
  const threads = loaded.shared ? (opts.threads ?? defaultThreads()) : 1;
  if (threads > 1) {
    const wt = isNode ? (nodeProc!.getBuiltinModule!('node:worker_threads') as typeof import('node:worker_threads')) : null;
    const pool = WorkerPool.create(loaded.module, b.exports, b.mem, threads, wt);
    if (opts.parallelMinWork !== undefined) pool.minWork = opts.parallelMinWork;
    if (opts.parallelMinElements !== undefined) pool.minElements = pool.minStepElements = opts.parallelMinElements;
    if (opts.parallelMinChunk !== undefined) pool.minChunkWork = opts.parallelMinChunk;
    if (opts.parallelSplit !== undefined) pool.split = opts.parallelSplit;
    starting.set(b, pool.started);
    b.attachPool(pool);
  }
  return b;
}

/** A new wasm backend, synchronously (Node). Not registered: see `loadWasm` for that. */
export function createWasmBackendSync(opts: WasmOptions = {}): WasmBackend {
  return build(loadModuleSync(opts), opts);
}

/** The registered 'wasm' backend, once built. */
let instance: WasmBackend | null = null;

/**
 * Browsers (and Node): fetches the module, builds and registers the 'wasm' backend (once) and
 * makes it the default (concepts §2).
 */
export async function initWasm(opts: WasmOptions & { baseUrl?: string | URL } = {}): Promise<WasmBackend> {
  wasmOptions('initWasm', opts, ['baseUrl']);
  if (instance) return instance;
  const b = build(await loadModuleAsync(opts), { ...opts, name: 'wasm' });
  await starting.get(b);
  registerBackend(b);
  preferBackend(['wasm']);
  setBackend('wasm');
  requestedThreads = opts.threads ?? defaultThreads();
  return (instance = b);
}

/**
 * Node: builds and registers the 'wasm' backend synchronously (once; later calls return it)
 * (concepts §2).
 */
export function loadWasm(opts: WasmOptions = {}): WasmBackend {
  wasmOptions('loadWasm', opts);
  if (instance) {
    // the backend is built once: a different thread count would be silently ignored
    if (opts.threads !== undefined && opts.threads !== requestedThreads) {
      throw new ArgumentError('loadWasm', `the wasm backend is already loaded with threads ${requestedThreads}; ` +
        'options apply at the first load only', { got: [['threads', String(opts.threads)]] },
        'call loadWasm({ threads }) before the first tensor is made on wasm (nabla train: --threads)');
    }
    return instance;
  }
  const b = createWasmBackendSync({ ...opts, name: 'wasm' });
  registerBackend(b);
  requestedThreads = opts.threads ?? defaultThreads();
  return (instance = b);
}

/** The thread count the registered backend was asked for (it may run fewer without shared memory). */
let requestedThreads = 0;

// In Node, `setBackend('wasm')` builds the backend on first use (synchronously).
if (isNode) {
  registerLazyBackend('wasm', () => loadWasm());
  preferBackend(['wasm']);
}

/**
 * Selects the wasm backend when it loads (relaxed SIMD when the engine has it, threads when
 * memory can be shared), else stays on js. Returns what it chose (concepts §2).
 */
export function useFastestBackend(opts: WasmOptions = {}): { name: string; threads: number; variant: string } {
  wasmOptions('useFastestBackend', opts);
  try {
    const b = isNode ? loadWasm(opts) : (getBackend('wasm') as WasmBackend);
    setBackend(b.name);
    return { name: b.name, threads: b.threads, variant: b.variant };
  } catch (e) {
    if (!(e instanceof BackendError)) throw e;
    setBackend('js');
    return { name: 'js', threads: 1, variant: 'none' };
  }
}

/**
 * Whether the relaxed-SIMD build can run here (Node 20: --experimental-wasm-relaxed-simd)
 * (concepts §2).
 */
export function wasmFeatures(): { relaxedSimd: boolean } {
  return { relaxedSimd: relaxedSimdAvailable() };
}
