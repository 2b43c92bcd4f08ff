/** Streams and helpers a CLI command writes to; injectable so commands are testable in-process. */
export interface CliIo {
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
  /**
   * Reads standard input as bytes. With `maxBytes`, keeps at most `maxBytes + 1` of them (the rest
   * is read and dropped), so a caller can refuse an oversized stream without holding it.
   */
  stdin: (maxBytes?: number) => Promise<Uint8Array>;
  /** Working directory paths resolve against. */
  cwd: string;
}

/** A CLI command: parses its own arguments and returns the exit code (never calls process.exit). */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Parsed flags: `--name value`, `--flag`, and positionals. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Parses `--key value`, `--key=value` and bare `--switch` flags. `booleans` lists flags that take
 * no value. A lone `-` is a positional (standard input).
 */
export function parseArgs(args: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { positionals.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      if (eq > 0) { flags.set(a.slice(2, eq), a.slice(eq + 1)); continue; }
      const name = a.slice(2);
      if (booleans.includes(name) || i + 1 >= args.length || args[i + 1]!.startsWith('--')) flags.set(name, true);
      else flags.set(name, args[++i]!);
      continue;
    }
    positionals.push(a);
  }
  return { positionals, flags };
}

/** Reads a string flag, or the fallback when absent or given without a value. */
export function flagString(p: ParsedArgs, name: string, fallback: string): string;
export function flagString(p: ParsedArgs, name: string): string | undefined;
export function flagString(p: ParsedArgs, name: string, fallback?: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : fallback;
}

/** A command that dispatches to lazily loaded subcommands (`hearsay eval attributions …`). */
export function subcommands(name: string, table: Record<string, () => Promise<Command>>): Command {
  return async (args, io) => {
    const [what, ...rest] = args;
    const load = what ? table[what] : undefined;
    if (!load) {
      io.stderr(`usage: hearsay ${name} ${Object.keys(table).join('|')} …\n`);
      return 2;
    }
    return (await load())(rest, io);
  };
}
