// Finds, compiles and instantiates the AssemblyScript kernel module on a WebAssembly.Memory:
// synchronously in Node (fs + new WebAssembly.Module), asynchronously in browsers (initWasm).

import { BackendError } from '../../core/errors.js';

/** The raw exports of the kernel module (pointers are byte addresses in the shared memory). */
export interface KernelExports {
  fill(out: number, n: number, value: number): void;
  unary(op: number, x: number, out: number, n: number): void;
  binaryRow(op: number, a: number, sa: number, b: number, sb: number, out: number, n: number): void;
  binaryStrided(op: number, a: number, b: number, out: number, meta: number): void;
  whereStrided(cond: number, condInt: number, a: number, b: number, out: number, meta: number): void;
  copyStrided(x: number, out: number, meta: number): void;
  castI32F32(x: number, out: number, n: number): void;
  gatherRows(x: number, indices: number, count: number, rowSize: number, out: number): void;
  castU8F32(x: number, out: number, n: number): void;
  reduce(op: number, x: number, out: number, outer: number, r: number, inner: number): void;
  argReduce(isMax: number, x: number, out: number, outer: number, r: number, inner: number): void;
  softmax(x: number, out: number, rows: number, cols: number, log: number): void;
  pick(x: number, index: number, out: number, rows: number, cols: number): void;
  softmaxXentBackward(p: number, index: number, scale: number, dx: number, rows: number, cols: number): void;
  /** Block [r0, r1) × [c0, c1) of C; flags: 1 transA, 2 transB, 4 accumulate. */
  matmul(a: number, b: number, c: number, bias: number, m: number, n: number, k: number,
    flags: number, r0: number, r1: number, c0: number, c1: number, scratch: number): void;
  scratchBytes(): number;
  /** Bytes of a shared packed op(B) (all k-blocks) for a product with this n and k. */
  packedBBytes(n: number, k: number): number;
  /** Packs rows [q0, q1) of op(B) (all columns) into the shared layout at bp. */
  packBShared(b: number, n: number, k: number, flags: number, q0: number, q1: number, bp: number): void;
  /** Rows [r0, r1) of C with op(B) already packed at bp by packBShared. */
  matmulPacked(a: number, bp: number, c: number, bias: number, m: number, n: number, k: number,
    flags: number, r0: number, r1: number, scratch: number): void;
  /** Nonzero elements of x[0:n]; 1 if x[0:n] is all finite (as/sparse.ts). */
  countNonzero(x: number, n: number): number;
  allFinite(x: number, n: number): number;
  /** Task t of a sparse product: t < P builds lists, t ≥ P computes column slice [c0, c1); 1 if finite. */
  sparseTask(t: number, P: number, x: number, xr: number, xc: number, byCols: number, l: number, d: number, width: number,
    c0: number, c1: number, out: number, flags: number, bias: number, tsrc: number): number;
  /** Adam over n elements; 1−β₁ and 1−β₂ are passed, not β (as/optim.ts says why). */
  adamStep(theta: number, grad: number, m: number, v: number, n: number, lr: number, oneMinusBeta1: number,
    oneMinusBeta2: number, eps: number, lambda: number, c1: number, c2: number): void;
  sgdStep(theta: number, grad: number, buf: number, n: number, lr: number, mu: number,
    oneMinusDampening: number, nesterov: number, lambda: number, first: number): void;
}

export type Variant = 'simd' | 'relaxed';

export interface LoadedModule {
  readonly module: WebAssembly.Module;
  readonly variant: Variant;
  readonly shared: boolean;
}

/** Pages (64 KiB) the module declares as its maximum; memories are created with the same. */
export const MAX_PAGES = 32768;
export const INITIAL_PAGES = 256;

/** A minimal module using f32x4.relaxed_madd: validates only where relaxed SIMD is enabled. */
function relaxedProbe(): Uint8Array<ArrayBuffer> {
  const v128const = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
  const body = [0x00, ...v128const, ...v128const, ...v128const, 0xfd, 0x85, 0x02, 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type: () → v128
    0x03, 0x02, 0x01, 0x00, // one function of type 0
    0x0a, body.length + 2, 0x01, body.length, ...body,
  ]);
}

/**
 * True when this engine runs relaxed-SIMD code (Node 20: needs
 * --experimental-wasm-relaxed-simd) (concepts §2).
 */
export function relaxedSimdAvailable(): boolean {
  try {
    return WebAssembly.validate(relaxedProbe());
  } catch {
    return false;
  }
}

/**
 * True when a shared WebAssembly.Memory can be made (Node; cross-origin-isolated pages)
 * (concepts §2).
 */
export function sharedMemoryAvailable(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  try {
    new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    return true;
  } catch {
    return false;
  }
}

export function wasmFileName(variant: Variant, shared: boolean): string {
  return `nabla-${variant}${shared ? '-shared' : ''}.wasm`;
}

/** The package's dist/wasm/ folder, from src/backend/wasm/ (tsx) or dist/backend/wasm/ alike. */
export function defaultWasmDir(): URL {
  return new URL('../../../dist/wasm/', import.meta.url);
}

/**
 * The Node flags that would enable relaxed SIMD here: ['--experimental-wasm-relaxed-simd'] on a
 * Node whose V8 has it behind a flag (Node 20), [] when it already runs or cannot. A CLI can
 * re-exec itself with these (`node ${flags} script`).
 */
export function relaxedSimdExecArgv(): string[] {
  if (relaxedSimdAvailable()) return [];
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  return node !== undefined && Number(node.split('.')[0]) === 20 ? ['--experimental-wasm-relaxed-simd'] : [];
}

export interface LoadOptions {
  /** Folder holding the .wasm files (default: the package's dist/wasm/). */
  dir?: URL;
  /** Force a variant ('simd' to ignore relaxed SIMD even when available). */
  variant?: Variant;
  /** Force unshared memory (one thread). */
  shared?: boolean;
}

function choose(opts: LoadOptions): { variant: Variant; shared: boolean } {
  const variant = opts.variant ?? (relaxedSimdAvailable() ? 'relaxed' : 'simd');
  if (variant === 'relaxed' && !relaxedSimdAvailable()) {
    throw new BackendError('wasm', 'relaxed SIMD is not available in this engine', {},
      'Node 20 needs --experimental-wasm-relaxed-simd; use the plain simd variant otherwise');
  }
  const shared = opts.shared ?? sharedMemoryAvailable();
  return { variant, shared };
}

function missing(path: string, cause: unknown): BackendError {
  return new BackendError('wasm', 'the compiled kernel module is missing', { note: path },
    `run \`npm run build\` (or \`npm run build:wasm\`) to compile src/backend/wasm/as; cause: ${String(cause)}`);
}

/** Node only: reads and compiles the module synchronously. */
export function loadModuleSync(opts: LoadOptions = {}): LoadedModule {
  const { variant, shared } = choose(opts);
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
  if (!fs) {
    throw new BackendError('wasm', 'synchronous loading needs Node (>= 20.16)', {},
      'in a browser, `await initWasm()` first');
  }
  const url = new URL(wasmFileName(variant, shared), opts.dir ?? defaultWasmDir());
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(url);
  } catch (e) {
    throw missing(url.pathname, e);
  }
  return { module: new WebAssembly.Module(bytes as BufferSource), variant, shared };
}

/** Browsers (or Node): fetches and compiles the module from `baseUrl` (default: dist/wasm/). */
export async function loadModuleAsync(opts: LoadOptions & { baseUrl?: string | URL } = {}): Promise<LoadedModule> {
  const { variant, shared } = choose(opts);
  const url = new URL(wasmFileName(variant, shared), opts.baseUrl ?? opts.dir ?? defaultWasmDir());
  if (url.protocol === 'file:') return loadModuleSync({ variant, shared, dir: new URL('./', url) });
  let res: Response;
  try {
    res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (e) {
    throw missing(url.href, e);
  }
  return { module: await WebAssembly.compile(await res.arrayBuffer()), variant, shared };
}

export function createMemory(shared: boolean): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAX_PAGES, shared });
}

export function instantiate(m: WebAssembly.Module, memory: WebAssembly.Memory): KernelExports {
  const inst = new WebAssembly.Instance(m, { env: { memory } });
  return inst.exports as unknown as KernelExports;
}
