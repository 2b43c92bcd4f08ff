/**
 * Long strings of generated model modules, held in memory once.
 *
 * A string literal in a module exists twice while the module lives: the engine keeps the module's
 * source text (for lazy compilation and `Function.prototype.toString`), and evaluating the literal
 * makes a second, separate copy. For the shipped models' base64 weights that second copy was
 * 12 MB that stayed reachable for the life of the process (the exported model constants and the
 * module's compiled code both held it), although each is read once, when its model is decoded.
 *
 * So the generated modules put each such string in a function that returns it, and read it through
 * {@link embeddedString}, which takes the literal's text out of the function's own source text. V8
 * (Node, Chromium) returns that as a slice of the module source it keeps anyway, so no copy is
 * made, and the function itself is never compiled. Where the source text does not have the
 * expected shape (a minifier rewrote it, or an engine hides function sources), the function is
 * simply called: the result is the same string either way.
 */

/** `function name() { return "` (or `'`), as `Function.prototype.toString` renders a generated data function. */
const HEAD = /^function\s*[\w$]*\s*\(\s*\)\s*\{\s*return\s*(["'])/;
/** What may follow the literal's closing quote. */
const TAIL = /^\s*;?\s*\}$/;

/**
 * The string that `literal` returns, read from its source text when that is a plain
 * `function name() { return "…"; }` whose literal has no escapes (so its text is its value), else
 * by calling it. Used by generated model modules; see the module comment for why.
 */
export function embeddedString(literal: () => string): string {
  const src = Function.prototype.toString.call(literal);
  const head = HEAD.exec(src.slice(0, 200));
  if (head) {
    const quote = head[1]!;
    const open = head[0].length;
    const close = src.lastIndexOf(quote);
    // One literal (no other quote of its kind inside) without backslashes reads as its raw text:
    // both searches run natively over the text, far faster than decoding it.
    if (close >= open && src.indexOf(quote, open) === close && src.indexOf('\\', open) < 0 && TAIL.test(src.slice(close + 1))) {
      return src.slice(open, close);
    }
  }
  return literal();
}
