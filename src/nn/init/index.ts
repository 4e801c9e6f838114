export { fans, calculateGain, type Nonlinearity } from './fan.js';
export { constant_, zeros_, ones_ } from './constant.js';
export { uniform_, lecunUniform_ } from './uniform.js';
export { normal_, lecunNormal_ } from './normal.js';
export { xavierUniform_, xavierNormal_ } from './xavier.js';
export { kaimingNormal_, kaimingUniform_, heNormal_, type KaimingOptions } from './kaiming.js';
export { orthogonal_, orthogonalFrom } from './orthogonal.js';
export { lsuv, type LsuvOptions, type LsuvLayerReport } from './lsuv.js';
