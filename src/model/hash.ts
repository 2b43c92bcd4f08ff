/**
 * 32-bit hashing for features. Models key weights by hash rather than by string so a shipped model
 * needs no feature vocabulary and prediction builds no strings; with ~10^6 features in a 2^32 space
 * collisions are rare enough to be noise.
 */

/** FNV-1a hash of a string's UTF-16 code units, as an unsigned 32-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Combines two 32-bit values into one hash (order matters). Used to build conjunction features
 * (`template × value`, `template × value × value`) from precomputed parts without strings.
 */
export function hashMix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** {@link hashString} of `s.slice(0, length)`, without building the slice. */
export function hashPrefix(s: string, length: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
