// The data layer (concepts §7): datasets, the DataLoader, file formats, MNIST and transforms. The
// browser-safe part is ./browser.ts; readIdx/writeIdx and MNIST read files (Node).

export * from './browser.js';
export { readIdx, writeIdx } from './formats/idx.js';
export { loadMnist, mnistDataDir, type Mnist, type MnistOptions } from './mnist.js';
