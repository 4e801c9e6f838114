// The op ids of the wasm kernels, defined once and compiled twice: AssemblyScript builds them into
// the kernels (elementwise.ts, strided.ts and reduce.ts switch on these members), tsc emits
// dist/backend/wasm/as/op-ids.js, from which coverage.ts makes the name → id tables the backend
// looks ops up in. A member's name is the op's id (src/ops: defineUnary/defineBinary `name`);
// its number is its position. Plain TypeScript that is also AssemblyScript: no imports, no types.
// test/backend/op-ids.test.ts runs every member's kernel against that op's scalar formula.

/** Unary kernels (elementwise.ts unary). */
export enum Unary { neg, exp, log, sqrt, abs, reciprocal, relu, sigmoid, tanh, sign }

/** Binary kernels (elementwise.ts binaryRow, strided.ts binaryStrided). */
export enum Binary {
  add, sub, mul, div, maximum, minimum, pow, eq, ne, lt, le, gt, ge,
  reluBackward, sigmoidBackward, tanhBackward,
}

/** Reductions over one axis (reduce.ts reduce; argmax/argmin are argReduce's flag). */
export enum Reduce { sum, max, min }
