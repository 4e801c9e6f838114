// Bad arguments of autograd, backends, wasm and errors (concepts §2).
import {
  noGrad, withGradEnabled, backward, gradcheck, numericalGrad, defineOp, getBackend, setBackend, registerBackend,
  initWasm, loadWasm, useFastestBackend, formatShape,
  zeros, tensor, sigmoid, ArgumentError, BackendError,
} from '../../../src/index.js';
import { availableParallelism } from 'node:os';
import { r, type Rows } from './types.js';

const leaf = () => tensor([0.5, -1], { dtype: 'float64', requiresGrad: true });

export const rows: Rows = {
  noGrad: [r(() => noGrad(zeros([1]) as never), ArgumentError, "noGrad: fn must be a function; got Tensor [1] float32\nhint: write noGrad(() => …)")],
  withGradEnabled: [r(() => withGradEnabled('on' as never, () => 1), ArgumentError, "withGradEnabled: on must be true or false; got 'on' (string)"), r(() => withGradEnabled(false, 1 as never), ArgumentError, "withGradEnabled: fn must be a function; got 1 (number)")],
  backward: [
    r(() => backward([1, 2] as never), ArgumentError, "backward: root must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
    r(() => backward(leaf().sum(), { gradient: [1] } as never), ArgumentError, "backward: gradient must be a Tensor; got [1] (array)\nhint: make it a tensor first: tensor([1])"),
    r(() => backward(leaf().sum(), { retain_graph: true } as never), ArgumentError, "backward: unknown option 'retain_graph' (options: gradient, retainGraph, createGraph)\nhint: did you mean retainGraph?"),
    r(() => backward(leaf(), { gradient: zeros([3], { dtype: 'float64' }) }), ArgumentError, "backward: gradient must have the output's shape; got tensor [2] and gradient [3]"),
  ],
  gradcheck: [
    r(() => gradcheck((x) => sigmoid(x), leaf() as never), ArgumentError, "gradcheck: inputs must be an array of Tensors; got Tensor [2] float64\nhint: wrap it: gradcheck(fn, [x])"),
    r(() => gradcheck('sigmoid' as never, [leaf()]), ArgumentError, "gradcheck: fn must be a function; got 'sigmoid' (string)"),
    r(() => gradcheck((x) => sigmoid(x), [leaf()], { eps: 0 }), ArgumentError, "gradcheck: eps must be a finite number > 0; got 0 (number)"),
    r(() => gradcheck((x) => sigmoid(x), [leaf()], { tol: 1e-3 } as never), ArgumentError, "gradcheck: unknown option 'tol' (options: eps, atol, rtol, seed, names)"),
  ],
  numericalGrad: [
    r(() => numericalGrad((x) => sigmoid(x), [leaf()], { wrt: [1] }), ArgumentError, "numericalGrad: wrt must be an array of input indices in [0, 0]; got [1] (array)"),
    r(() => numericalGrad((x) => sigmoid(x), [[0.5]] as never), ArgumentError, "numericalGrad: inputs[0] must be a Tensor; got [0.5] (array)\nhint: make it a tensor first: tensor([0.5])"),
  ],
  defineOp: [
    r(() => defineOp({ name: 'twice', spec: '§2', args: ['x'] } as never), ArgumentError, "defineOp(twice): shape must be a function; got undefined"),
    r(() => defineOp({ name: 'twice', spec: '§2', args: ['x'], shape: (i: never) => i, forward() {} }).apply([[1, 2]] as never, {}), ArgumentError, "twice: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
  ],
  getBackend: [r(() => getBackend('gpu'), BackendError, "getBackend: unknown backend 'gpu' (available: js, wasm)"), r(() => getBackend(1 as never), ArgumentError, "getBackend: backend must be a backend name ('js' or 'wasm'); got 1 (number)")],
  setBackend: [r(() => setBackend('cuda'), BackendError, "setBackend: unknown backend 'cuda' (available: js, wasm)", () => getBackend().name)],
  registerBackend: [
    r(() => registerBackend('js' as never), ArgumentError, "registerBackend: backend must be a Backend object with a name; got 'js' (string)"),
    r(() => registerBackend({ name: 'half' } as never), BackendError, "registerBackend: backend 'half' must implement every kernel of the contract (missing: alloc, fromArray, read, write, free, pin, fill, unary, binary, where, copyStrided, reduce, matmul, cast, gatherRows, softmax, pick, softmaxXentBackward, adamStep, sgdStep)"),
  ],
  initWasm: [r(() => initWasm({ threads: 0 }), ArgumentError, "initWasm: threads must be a positive integer; got 0 (number)")],
  loadWasm: [
    r(() => loadWasm({ threads: 2.5 }), ArgumentError, "loadWasm: threads must be a positive integer; got 2.5 (number)"),
    r(() => loadWasm({ variant: 'sse' as never }), ArgumentError, "loadWasm: variant must be 'simd' or 'relaxed'; got 'sse' (string)"),
    // loaded already (the default backend, with one thread a core up to 8): another count is refused
    r(() => (getBackend('wasm'), loadWasm({ threads: 9 })), ArgumentError, `loadWasm: the wasm backend is already loaded with threads ${Math.min(8, availableParallelism())}; options apply at the first load only; got threads 9\nhint: call loadWasm({ threads }) before the first tensor is made on wasm (nabla train: --threads)`),
    r(() => loadWasm({ thread: 2 } as never), ArgumentError, "loadWasm: unknown option 'thread' (options: dir, variant, shared, name, budget, threads, parallelMinWork, parallelMinElements, parallelMinChunk, parallelSplit)"),
  ],
  useFastestBackend: [r(() => useFastestBackend({ budget: -1 }), ArgumentError, "useFastestBackend: budget must be a positive integer; got -1 (number)", () => getBackend().name)],
  formatShape: [r(() => formatShape('2, 3' as never), ArgumentError, "formatShape: shape must be an array of numbers; got '2, 3' (string)")],
};

const errorClass = 'an error class: nabla constructs it; any arguments render a message';
const none = 'takes no arguments';
export const reasons: Record<string, string> = {
  NablaError: errorClass, ShapeError: errorClass, DTypeError: errorClass, ArgumentError: errorClass,
  BackendError: errorClass, DataError: errorClass, NumericalError: errorClass, CheckpointError: errorClass,
  MemoryError: errorClass,
  isTensor: 'takes any value and answers true or false',
  isGradEnabled: none, listBackends: none, wasmFeatures: none, wasmCoverage: none, fallbackCounts: none,
  resetFallbackCounts: none, relaxedSimdAvailable: none, sharedMemoryAvailable: none, mnistDataDir: none,
};
