/**
 * What a configuration file changes for one file, in the precedence every binding keeps: built-in
 * defaults < configuration file < editor settings < command-line flags. The bindings pass the layers
 * above the file; this module only knows how the file's own globs apply (relative to its folder).
 */
import { matchesAny } from '../mode/paths';
import type { ModeFacts, RuleSetting } from '../types';
import type { ConfigFile } from './configFile';

/** The path relative to the configuration's folder, or undefined when it is not below it. */
function relativeTo(file: ConfigFile, path: string): string | undefined {
  const prefix = file.folder === '/' ? '/' : `${file.folder}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/**
 * What decides stack or Compose for the file at absolute `path`: the patterns given from above (an editor
 * setting the user set), else the configuration's patterns, make it a stack file when one matches;
 * otherwise the core decides from its modeline, name and content (service/mode/decide.ts).
 */
export function stackModeFor(path: string, file: ConfigFile | undefined, patterns?: readonly string[]): ModeFacts {
  if (patterns) return { path, stackBySetting: matchesAny(path, patterns) };
  const own = file?.config.stackFilePatterns;
  const relative = file && relativeTo(file, path);
  return { path, stackBySetting: own !== undefined && relative !== undefined && matchesAny(relative, own) };
}

/** Whether the configuration's `exclude` leaves out `path` or one of its folders below the configuration's. */
export function isExcluded(file: ConfigFile | undefined, path: string): boolean {
  const relative = file && relativeTo(file, path);
  if (!relative || file.config.exclude.length === 0) return false;
  const parts = relative.split('/');
  // `vendor` leaves out the folder and all it holds, as `--exclude vendor` does.
  for (let end = 1; end <= parts.length; end++) if (matchesAny(parts.slice(0, end).join('/'), file.config.exclude)) return true;
  return false;
}

/** The configuration's rule settings overridden by those from above (editor settings, `--rule`). */
export function rulesWith(file: ConfigFile | undefined, over: Readonly<Record<string, RuleSetting>> | undefined): Readonly<Record<string, RuleSetting>> {
  return { ...file?.config.rules, ...over };
}
