/** A text shortened to `n` characters (an ellipsis marking the cut) on one line, for display. */
export function clip(s: string, n = 90): string {
  return (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');
}
