/**
 * `s.toLowerCase()` without the allocation when nothing changes: V8 returns a fresh string even
 * for text that is already lower case, and most tokens are. Non-ASCII text takes the full path.
 */
export function toLower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return s.toLowerCase();
  }
  return s;
}
