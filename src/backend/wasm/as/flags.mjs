// The AssemblyScript compiler flags of the kernels, shared by the package build (build.mjs) and
// the A/B variant builds of tools/ab/build-variant.mjs.

/** Flags every build uses (add the entry file first, memory and feature flags after). */
export const COMMON_FLAGS = ['-O3', '--runtime', 'stub', '--noAssert', '--importMemory', '--initialMemory', '32',
  '--use', 'abort=', '--enable', 'simd'];
export const RELAXED_FLAGS = ['--enable', 'relaxed-simd'];
