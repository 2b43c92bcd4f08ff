import { main } from './main.js';
import { nodeIo } from './node-io.js';

// Sets exitCode rather than exiting so pending output flushes.
main(process.argv.slice(2), nodeIo()).then((code) => { process.exitCode = code; });
