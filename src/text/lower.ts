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

const lowered = new WeakMap<readonly { text: string }[], string[]>();

/**
 * {@link toLower} of every token's text, computed once per token array: several stages lower the
 * same tokens, some once per cue or sentence they read. Token texts never change after
 * segmentation, so the array stays valid as long as the tokens do.
 */
export function lowerTexts(tokens: readonly { text: string }[]): readonly string[] {
  let out = lowered.get(tokens);
  if (out === undefined || out.length !== tokens.length) {
    out = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = toLower(tokens[i]!.text);
    lowered.set(tokens, out);
  }
  return out;
}

const positions = new WeakMap<readonly string[], Map<string, number[]>>();

/**
 * Where each lower-cased word occurs in {@link lowerTexts}' array, built once per document:
 * stages that fire on a few trigger words (the late finders, a dozen of them) look their words
 * up here instead of each scanning every token.
 */
export function wordPositions(lower: readonly string[]): ReadonlyMap<string, readonly number[]> {
  let out = positions.get(lower);
  if (out === undefined) {
    out = new Map();
    for (let i = 0; i < lower.length; i++) {
      const list = out.get(lower[i]!);
      if (list) list.push(i); else out.set(lower[i]!, [i]);
    }
    positions.set(lower, out);
  }
  return out;
}
