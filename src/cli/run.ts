// Entry point of the `nabla` binary.
import { main } from './main.js';

// `nabla info | head -1` closes the pipe early: end quietly instead of an unhandled EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main();
