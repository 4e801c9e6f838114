// The js reference backend run through the conformance suite (it must agree with itself; this
// also checks the suite's own cases run).
import { jsBackend } from '../../src/backend/js/js-backend.js';
import { runConformance } from './conformance.js';

runConformance({ backend: jsBackend });
