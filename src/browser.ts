// nabla's public API for browsers (package.json "exports" condition "browser"): everything except
// the Node-only data loaders (readIdx/writeIdx, loadMnist), which src/index.ts adds. Nothing reachable
// from here may import a node: module or a CLI package at top level (test/browser/imports.test.ts).
// Deep imports are not API.

export * from './ops/index.js';
export { Tensor, isTensor } from './tensor/tensor.js';
export {
  tensor, fromArray, full, zeros, ones, zerosLike, onesLike, fullLike, arange, linspace, eye, setDefaultDtype, getDefaultDtype,
  type CreateOptions, type RandomOptions,
} from './tensor/create.js';
export { rand, randn, randint, bernoulli, randperm } from './ops/random.js';
export { noGrad, isGradEnabled, withGradEnabled } from './autograd/no-grad.js';
export { backward, type BackwardOptions } from './autograd/engine.js';
export { gradcheck, numericalGrad, type GradcheckOptions, type GradcheckReport } from './autograd/gradcheck.js';
export { defineOp, type OpDef, type Op } from './autograd/define-op.js';
export { Rng, manualSeed, globalRng } from './core/rng.js';
export type { DType, TypedArray } from './core/dtype.js';
export {
  NablaError, ShapeError, DTypeError, ArgumentError, BackendError, DataError, NumericalError,
  CheckpointError, MemoryError, formatShape,
} from './core/errors.js';
export { getBackend, setBackend, listBackends, registerBackend } from './backend/registry.js';
export type { Backend, Storage } from './backend/kernels.js';
export * from './nn/index.js';
export * from './losses/index.js';
export * from './regularize/index.js';
export * from './optim/index.js';
export * from './data/browser.js';
export * from './train/index.js';
export {
  initWasm, loadWasm, useFastestBackend, wasmFeatures, wasmCoverage, fallbackCounts, resetFallbackCounts,
  relaxedSimdAvailable, sharedMemoryAvailable, type WasmBackend,
} from './backend/wasm/index.js';
