/**
 * `shipshape check` over the whole corpus as one process, next to dclint (npm `dclint`, the
 * docker-compose-linter project) over the same files: wall time from spawn to exit, best of a few runs.
 * Both exit non-zero when they find something, which the corpus always gives them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './servers';

const CORPUS = path.resolve(process.env['SHIPSHAPE_CORPUS'] ?? path.join(ROOT, '..', 'shared', 'corpus'));
const RUNS = 3;

export interface CorpusCheck {
  readonly files: number;
  readonly shipshapeMs: number;
  readonly dclintMs: number;
}

/** Undefined when the corpus is not there. */
export function measureCorpusCheck(): CorpusCheck | undefined {
  if (!existsSync(CORPUS)) return undefined;
  const files = readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(CORPUS, f));
  const shipshape = [path.join(ROOT, 'dist', 'cli.js'), 'check', ...files];
  const dclint = [path.join(ROOT, 'node_modules', 'dclint', 'bin', 'dclint.cjs'), '--color', 'false', ...files];
  return { files: files.length, shipshapeMs: best(shipshape), dclintMs: best(dclint) };
}

function best(args: readonly string[]): number {
  let fastest = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const elapsed = performance.now() - started;
    // Exit 1 means "found problems"; anything else is a failure to check, which must not pass as a time.
    if (result.status !== 0 && result.status !== 1) throw new Error(`${path.basename(args[0]!)} exited with ${String(result.status)}: ${result.stderr.slice(-2000)}`);
    fastest = Math.min(fastest, elapsed);
  }
  return fastest;
}
