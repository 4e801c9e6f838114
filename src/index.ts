// nabla's public API (Node): the browser API (./browser.ts) plus the data loaders that read files.
// Deep imports are not API.

export * from './browser.js';
export { readIdx, writeIdx } from './data/formats/idx.js';
export { loadMnist, mnistDataDir, type Mnist, type MnistOptions } from './data/mnist.js';
