export { Module } from './module.js';
export { Parameter, isParameter } from './parameter.js';
export { Buffer, isBuffer, type BufferOptions } from './buffer.js';
export { Sequential } from './sequential.js';
export { Linear, type LinearOptions } from './linear.js';
export { ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Identity } from './activations.js';
export * as init from './init/index.js';
