export { mseLoss, MSELoss } from './mse.js';
export { crossEntropy, CrossEntropyLoss } from './cross-entropy.js';
export type { Reduction } from './reduction.js';
export { entropy, crossEntropyOf, type InfoOptions } from './entropy.js';
