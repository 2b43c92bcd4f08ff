/**
 * linkedom's HTML parser, re-exported from one place so the build can replace this module with
 * a single-file bundle of linkedom and its dependencies (`tools/bundle-vendor.mjs`, run by
 * `npm run build`): loading linkedom's 200 modules one by one took about 240 ms of every
 * start, the bundle about 85 ms. Compiled by `tsc` alone, this file still works, only slower.
 */
export { parseHTML } from 'linkedom';
