/** Command-line arguments of `notes-navigator`. Bad usage is a `UsageError` (exit 2, one clear line). */
export type Command = 'check' | 'coverage' | 'help' | 'version';

export interface CliArgs {
  command: Command;
  folder: string;
  format: string;
  config?: string;
  maxWarnings?: number;
  color?: boolean;
  quiet: boolean;
  /** threads reading and checking notes; undefined: chosen from the workspace size and the CPUs */
  threads?: number;
}

export class UsageError extends Error {}

const FORMATS: Record<string, string[]> = { check: ['text', 'json', 'sarif'], coverage: ['md', 'json'] };

export const HELP = `notes-navigator — check a Markdown knowledge base organised as series of notes

Usage:
  notes-navigator check [folder] [--format text|json|sarif] [--config file] [--max-warnings N] [--quiet]
                        [--threads N] [--color[=always|never|auto] | --no-color]
  notes-navigator coverage [folder] [--format md|json] [--config file] [--threads N]
                           [--color[=always|never|auto] | --no-color]
  notes-navigator --help | --version

Commands:
  check       run every rule on the notes under folder (default: the current folder)
  coverage    print each series' coverage matrix with declared and computed statuses

Options:
  -f, --format <fmt>     output format (check: text, json, sarif; coverage: md, json)
  -c, --config <file>    configuration file (default: <folder>/.notes-navigator.json when present)
  --max-warnings <N>     exit 1 when there are more than N warnings (default: no limit)
  -q, --quiet            check, text format: print errors only (the summary still counts warnings,
                         and --max-warnings still applies)
  --threads <N>          threads reading and checking notes, at most one per CPU and per 1,000
                         notes (default: 1, or one per CPU up to 4 on machines with 4 CPUs or more
                         for 2,000 notes or more)
  --color[=WHEN]         colours: always (the same as --color), never, or auto (the default: on a
                         TTY, unless NO_COLOR is set or TERM is dumb); coverage prints no colours and
                         accepts the colour options only so a script can pass them to every command
  --no-color             the same as --color=never
  -h, --help             show this help
  -v, --version          show the version
  --                     end of options: what follows is a command or folder, even if it starts with -

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 bad usage, an unreadable folder or
configuration. coverage exits 0 whatever the statuses (out-of-date rows are for check to report).`;

const COLOR_WHEN: Record<string, boolean | undefined> = { always: true, never: false, auto: undefined };

function colorWhen(v: string): boolean | undefined {
  if (!Object.hasOwn(COLOR_WHEN, v)) throw new UsageError(`--color takes always, never or auto, got "${v}"`);
  return COLOR_WHEN[v];
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', folder: '.', format: '', quiet: false };
  const positional: string[] = [];
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    // a negative number is a value (which the option then refuses by name), any other `-x` the next option
    if (v === undefined || v === '' || (v.startsWith('-') && !/^-\d/.test(v))) throw new UsageError(`option ${name} needs a value`);
    return v;
  };
  // an option given again must say the same: `--format sarif … --format text` would otherwise write text
  const given = new Map<string, { value: string; shown: string }>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    // `--` ends the options: what follows is a command or a folder even when it starts with `-`
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    // the value after `=`: `--format=json`, `-f=json`
    const eq = a.startsWith('-') ? a.indexOf('=') : -1;
    const [name, inline] = eq > 1 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const take = () => {
      if (inline === '') throw new UsageError(`option ${name} needs a value`);
      return inline ?? value(i++, name);
    };
    const start = i;
    /** `option` (by its long name) is `v` as it reads it (`-f x` and `--format=x` are both `x`); once its value is taken */
    const once = <T>(option: string, v: T): T => {
      const shown = argv.slice(start, i + 1).join(' ');
      const first = given.get(option);
      if (first && first.value !== String(v)) throw new UsageError(`option ${option} given twice with different values (${first.shown}, then ${shown})`);
      given.set(option, { value: String(v), shown });
      return v;
    };
    // a flag that takes no value: `--quiet=false` would otherwise turn quiet on
    const flag = () => {
      if (inline !== undefined) throw new UsageError(`option ${name} takes no value, got "${a}"`);
    };
    switch (name) {
      case '-h': case '--help': flag(); return { ...args, command: 'help' };
      case '-v': case '--version': flag(); return { ...args, command: 'version' };
      case '-f': case '--format': args.format = once('--format', take()); break;
      case '-c': case '--config': args.config = once('--config', take()); break;
      case '--max-warnings': {
        const v = take();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, got "${v}"`);
        args.maxWarnings = once(name, Number(v));
        break;
      }
      case '-q': case '--quiet': flag(); args.quiet = true; break;
      case '--threads': {
        const v = take();
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) throw new UsageError(`--threads needs a whole number from 1 to 64, got "${v}"`);
        args.threads = once(name, Number(v));
        break;
      }
      case '--color': args.color = once(name, inline === undefined ? true : colorWhen(inline)); break;
      case '--no-color': flag(); args.color = once('--color', false); break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a} (see --help)`);
        positional.push(a);
    }
  }
  if (positional.length === 0) {
    // bare `notes-navigator` is a question; options with no command are a mistake (`--format sarif > out.sarif`
    // in a CI step would otherwise write the help into the report and pass)
    if (argv.length === 0) return { ...args, command: 'help' };
    throw new UsageError('no command given (expected check or coverage; see --help)');
  }
  const cmd = positional[0];
  if (cmd !== 'check' && cmd !== 'coverage') throw new UsageError(`unknown command "${cmd}" (expected check or coverage; see --help)`);
  if (positional.length > 2) throw new UsageError(`${cmd} takes one folder, got ${positional.length - 1}`);
  // `check "$NOTES_DIR"` with the variable unset would otherwise check the current folder
  if (positional[1] === '') throw new UsageError(`${cmd} takes a folder, got an empty argument`);
  args.command = cmd;
  args.folder = positional[1] ?? '.';
  args.format ||= cmd === 'check' ? 'text' : 'md';
  if (!FORMATS[cmd].includes(args.format)) {
    throw new UsageError(`unknown format "${args.format}" for ${cmd} (expected ${FORMATS[cmd].join(', ')})`);
  }
  if (args.maxWarnings !== undefined && cmd !== 'check') throw new UsageError('--max-warnings applies to check only');
  // JSON and SARIF always hold every finding (a CI step filters them by level); the summary still counts warnings
  if (args.quiet && !(cmd === 'check' && args.format === 'text')) throw new UsageError(`--quiet applies to check's text format only`);
  return args;
}
