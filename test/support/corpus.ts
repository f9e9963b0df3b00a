/** The real-world corpus in ../shared/corpus (or $SHIPSHAPE_CORPUS): each file with its kind (compose or stack). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ComposeMode } from '../../server/src/service/index';
import { ROOT } from './service';

export const CORPUS = path.resolve(process.env['SHIPSHAPE_CORPUS'] ?? path.join(ROOT, '..', 'shared', 'corpus'));

export function hasCorpus(): boolean {
  return existsSync(path.join(CORPUS, 'INDEX.tsv'));
}

/** Every corpus file, sorted by name, with its path in its repository (`owner/name/path`); none when the corpus is absent. */
export function corpusFiles(): { file: string; mode: ComposeMode; text: string; origin: string }[] {
  if (!hasCorpus()) return [];
  const index = readFileSync(path.join(CORPUS, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
  const rows = new Map(index.map((line) => line.split('\t')).map((cols) => [cols[0]!, { mode: cols[5] === 'stack' ? ('stack' as const) : ('compose' as const), origin: `${cols[1]}/${cols[2]}` }]));
  return readdirSync(CORPUS)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => ({ file, mode: rows.get(file)?.mode ?? 'compose', origin: rows.get(file)?.origin ?? file, text: readFileSync(path.join(CORPUS, file), 'utf8') }));
}
