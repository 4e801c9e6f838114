// Entry of the AssemblyScript kernel module: raw-pointer float32 kernels on imported memory.
// Built twice (plain SIMD, relaxed SIMD) by build.mjs; the loader picks one.

export { fill, unary, binaryRow, castI32F32, castU8F32, gatherRows } from './elementwise';
export { binaryStrided, whereStrided, copyStrided } from './strided';
export { reduce, argReduce, softmax, pick, softmaxXentBackward } from './reduce';
export { matmul, matmulPacked, packBShared, packedBBytes, scratchBytes } from './matmul';
export { adamStep, sgdStep } from './optim';
export { countNonzero, allFinite, sparseTask } from './sparse';
