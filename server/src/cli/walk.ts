/**
 * Walks a folder for `shipshape check DIR` and quoted globs: yields regular files in a stable (sorted)
 * order, one at a time, so a large tree is never held in memory. It skips what a user never means to
 * check: `node_modules`, VCS folders, paths ignored by `.gitignore` files, and `--exclude` globs.
 * The walk is iterative (no recursion depth limit to hit) and never follows symbolic links to folders,
 * so a symlink loop cannot make it run forever; symbolic links to files are followed.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readBounded } from './readFile';

/** Folders never worth descending into: dependencies and version-control metadata. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** `.gitignore` files are small; a huge one is ignored rather than read. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

/** Decides whether a path (absolute) is left out of walks and inputs. */
export interface PathFilter {
  excluded(absolute: string, isDirectory: boolean): boolean;
}

/** The `.gitignore` rules that apply inside one walk, each file scoped to its own folder. */
class GitIgnores {
  private readonly scopes: { readonly dir: string; readonly rules: Ignore }[] = [];

  /** Adds `dir/.gitignore`, if it exists and is readable. */
  load(dir: string): void {
    const read = readBounded(path.join(dir, '.gitignore'), MAX_GITIGNORE_BYTES);
    if (read.kind === 'text') this.scopes.push({ dir, rules: ignore().add(read.text) });
  }

  /** Adds the `.gitignore` files of the folders above `dir` up to the repository root (the folder holding `.git`). */
  loadAncestors(dir: string): void {
    const ancestors: string[] = [];
    for (let current = path.dirname(dir); ; current = path.dirname(current)) {
      if (hasGitFolder(current)) {
        ancestors.push(current);
        break;
      }
      if (current === path.dirname(current)) return; // not in a repository: no ancestor rules apply
      ancestors.push(current);
    }
    for (const ancestor of ancestors.reverse()) this.load(ancestor);
  }

  ignored(absolute: string, isDirectory: boolean): boolean {
    for (const { dir, rules } of this.scopes) {
      const relative = path.relative(dir, absolute);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      if (rules.ignores(toPosix(relative) + (isDirectory ? '/' : ''))) return true;
    }
    return false;
  }
}

function hasGitFolder(dir: string): boolean {
  try {
    return statSync(path.join(dir, '.git'), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Yields the regular files under `root` (absolute), depth first in sorted order (a folder's files before
 * its subfolders), that `filter` and the `.gitignore` files between the repository root and each file
 * keep. Not `recursive`: the files directly in `root` only.
 */
export function* walkFiles(root: string, filter: PathFilter, recursive = true): Generator<string> {
  const gitIgnores = new GitIgnores();
  gitIgnores.loadAncestors(root);
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    gitIgnores.load(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing in it can be checked, and walking on is what users expect
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (recursive && !SKIPPED_FOLDERS.has(entry.name) && !filter.excluded(absolute, true) && !gitIgnores.ignored(absolute, true)) subfolders.push(absolute);
      } else if (entry.isFile() || (entry.isSymbolicLink() && isFileBehindLink(absolute))) {
        if (!filter.excluded(absolute, false) && !gitIgnores.ignored(absolute, false)) yield absolute;
      }
    }
    // Pushed in reverse so the first subfolder in sorted order is walked first.
    for (let i = subfolders.length - 1; i >= 0; i--) pending.push(subfolders[i]!);
  }
}

/** A symbolic link is followed only to a regular file: a loop or a link to a folder is skipped. */
function isFileBehindLink(absolute: string): boolean {
  try {
    return statSync(absolute).isFile();
  } catch {
    return false;
  }
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
