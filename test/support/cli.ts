/** Runs the built CLI (dist/cli.js) as users do, in a scratch folder tree made per test file. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../server/src/cli/main';
import { createLanguageService } from '../../server/src/service/index';
import { ROOT, schemas } from './service';

export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** A compose file with exactly one finding (an error on line 3), so the text output names every file checked. */
export const ONE_ERROR = 'services:\n  web:\n    imag: nginx\n';

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: SpawnSyncOptions & { nodeArgs?: readonly string[] } = {}): CliRun {
  const { nodeArgs = [], ...spawnOptions } = options;
  const result = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    ...spawnOptions,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...spawnOptions.env },
  });
  return { status: result.status, signal: result.signal, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Writes `files` (relative path -> text) under a fresh temporary folder and returns the folder. */
export function scratchTree(files: Readonly<Record<string, string | Buffer>> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipshape-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The files named in text output (`file:line:col ...`), in order, once each. */
export function filesReported(stdout: string): string[] {
  return [...new Set(stdout.split('\n').filter(Boolean).map((line) => line.replace(/:\d+:\d+ .*$/, '')))];
}

/**
 * Runs `main` in this process: the same code as the built CLI without a process start per run (the
 * validators are generated at build time, so a language service per run costs little). Spawned runs (`runCli`) cover the entry point itself,
 * hangs and memory limits.
 */
export async function runInProcess(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(
    args,
    {
      out: (text) => (stdout += text),
      err: (text) => (stderr += text),
      stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? {},
      isTTY: options.isTTY ?? false,
    },
    (host) => createLanguageService({ schemas, host }),
  );
  return { status, signal: null, stdout, stderr };
}
