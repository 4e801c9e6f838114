export { mseLoss, MSELoss } from './mse.js';
export { CrossEntropyLoss } from './cross-entropy-loss.js';
export { entropy, crossEntropyOf, type InfoOptions } from './entropy.js';
