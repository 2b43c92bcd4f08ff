/**
 * Share of the first 8,192 characters that are control characters other than whitespace, or
 * U+FFFD from bytes that did not decode: how binary a text looks.
 */
export function binaryShare(s: string): number {
  const n = Math.min(s.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return n ? bad / n : 0;
}
