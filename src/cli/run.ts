// Entry point of the `nabla` binary.
import { main } from './main.js';

main();
