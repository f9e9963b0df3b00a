/**
 * The configuration files of one `shipshape check` run: `--config FILE` for every file, or for each file
 * the one found in its folder or above (service/config). Each configuration's problems are printed once,
 * as `file:line:col: severity: message (code)`; a file configured by one with errors is not checked (the
 * run exits 2), since checking it with half its configuration would report what the user turned off.
 */
import * as nodePath from 'node:path';
import { ConfigLookup, isExcluded, stackModeFor, type ConfigFile, type ModeChoice } from '../service/index';
import { DISK_HOST } from './diskHost';
import type { CliEnvironment } from './environment';
import { toPosix } from './walk';

export type Configured = { readonly file: ConfigFile | undefined } | 'broken';

export class CliConfig {
  private readonly lookup = new ConfigLookup(DISK_HOST);
  /** Configuration path → whether it may be used (no errors), once its problems are printed. */
  private readonly usable = new Map<string, boolean>();
  private explicit: ConfigFile | undefined;

  constructor(private readonly io: CliEnvironment) {}

  /** Reads `--config FILE`; a sentence for the user when it cannot be read. */
  useFile(option: string): string | undefined {
    const loaded = this.lookup.load(toPosix(nodePath.resolve(this.io.cwd, option)));
    if ('problem' in loaded) return `${option}: ${loaded.problem}`;
    this.explicit = loaded;
    return undefined;
  }

  /** The configuration of the file at `absolute` (standard input: the current folder's). */
  forFile(absolute: string): Configured {
    const file = this.explicit ?? this.lookup.forFile(toPosix(absolute));
    if (!file) return { file: undefined };
    let usable = this.usable.get(file.path);
    if (usable === undefined) {
      usable = this.report(file);
      this.usable.set(file.path, usable);
    }
    return usable ? { file } : 'broken';
  }

  modeOf(absolute: string): ModeChoice {
    const configured = this.forFile(absolute);
    return stackModeFor(toPosix(absolute), configured === 'broken' ? undefined : configured.file);
  }

  excluded(absolute: string): boolean {
    const configured = this.forFile(absolute);
    return configured !== 'broken' && isExcluded(configured.file, toPosix(absolute));
  }

  private report(file: ConfigFile): boolean {
    const relative = nodePath.relative(this.io.cwd, file.path);
    const display = relative.startsWith('..') || nodePath.isAbsolute(relative) ? file.path : toPosix(relative);
    for (const finding of file.findings) {
      const { line, character } = file.lineIndex.positionAt(finding.span.start);
      this.io.err(`shipshape: ${display}:${line + 1}:${character + 1}: ${finding.severity}: ${finding.message} (${finding.code})\n`);
    }
    const errors = file.findings.some((finding) => finding.severity === 'error');
    if (errors) this.io.err(`shipshape: ${display}: the configuration has errors; the files it configures are not checked\n`);
    return !errors;
  }
}
