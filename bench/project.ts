/**
 * Multi-file rows of `npm run bench` (issue 13): a generated project of 10 Compose files with 1,000
 * services in all, listed in COMPOSE_FILE of its `.env`, on disk in a temporary folder. Measured with the
 * real server over stdio: opening one file until its diagnostics (the other nine are read from disk),
 * an edit in it, the refresh of a second open file of the project after that edit, and an edit of `.env`
 * on disk until the open files are re-checked. Budgets: 1 s, 150 ms, 300 ms and 500 ms.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCompose } from './generate';
import { startLspProcess } from './lspProcess';
import { SHIPSHAPE } from './servers';

const FILES = 10;
const SERVICES = 1000;
const EDITS = 10;

export interface ProjectRow {
  readonly openMs: number;
  readonly editMs: number;
  readonly dependentMs: number;
  readonly envEditMs: number;
}

/** One generated 1,000-service file cut into `FILES` files: each keeps the `x-` anchors its services use. */
export function generateProject(services = SERVICES, files = FILES): string[] {
  const lines = generateCompose(services).split('\n');
  const top = (name: string) => lines.findIndex((line) => line === `${name}:`);
  const servicesAt = top('services');
  const afterServices = lines.findIndex((line, index) => index > servicesAt && /^\S/.test(line));
  const header = lines.slice(0, servicesAt);
  const tail = lines.slice(afterServices);
  const starts = lines.flatMap((line, index) => (index > servicesAt && index < afterServices && /^ {2}\S/.test(line) ? [index] : []));
  const perFile = Math.ceil(starts.length / files);
  return Array.from({ length: files }, (_, file) => {
    const from = starts[file * perFile] ?? afterServices;
    const to = starts[(file + 1) * perFile] ?? afterServices;
    return [...header, 'services:', ...lines.slice(from, to), ...(file === 0 ? tail : [])].join('\n') + '\n';
  });
}

export async function measureProject(): Promise<ProjectRow> {
  const folder = mkdtempSync(path.join(tmpdir(), 'shipshape-bench-project-'));
  const texts = generateProject();
  const names = texts.map((_, index) => `compose.part${index}.yaml`);
  texts.forEach((text, index) => writeFileSync(path.join(folder, names[index]!), text));
  const envPath = path.join(folder, '.env');
  writeFileSync(envPath, `COMPOSE_FILE=${names.join(':')}\nFEATURE_FLAGS=a\n`);
  const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const lsp = await startLspProcess(SHIPSHAPE.command, SHIPSHAPE.initializationOptions, {}, {}, pathToFileURL(folder).toString());
  try {
    const [first, second] = [uri(names[0]!), uri(names[1]!)];
    let started = performance.now();
    const opened = lsp.nextDiagnostics(first, 1);
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: first, languageId: 'dockercompose', version: 1, text: texts[0] } });
    await opened;
    const openMs = performance.now() - started;
    const secondOpened = lsp.nextDiagnostics(second, 1);
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: second, languageId: 'dockercompose', version: 1, text: texts[1] } });
    await secondOpened;
    const edits: number[] = [];
    const dependents: number[] = [];
    let text = texts[0]!;
    for (let version = 2; version < 2 + EDITS; version++) {
      // A one-character edit in a service's command, as a user types.
      const at = text.indexOf('"serve"') + 2;
      text = text.slice(0, at) + (version % 2 ? 'x' : '') + text.slice(at + (version % 2 ? 0 : 1));
      started = performance.now();
      const own = lsp.nextDiagnostics(first, version);
      const other = lsp.nextDiagnostics(second);
      await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: first, version }, contentChanges: [{ text }] });
      await own;
      edits.push(performance.now() - started);
      await other;
      dependents.push(performance.now() - started);
    }
    writeFileSync(envPath, `COMPOSE_FILE=${names.join(':')}\nFEATURE_FLAGS=b\n`);
    started = performance.now();
    const refreshed = Promise.all([lsp.nextDiagnostics(first), lsp.nextDiagnostics(second)]);
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(envPath).toString(), type: 2 }] });
    await refreshed;
    const envEditMs = performance.now() - started;
    return { openMs, editMs: median(edits), dependentMs: median(dependents), envEditMs };
  } finally {
    await lsp.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export function printProject(row: ProjectRow): void {
  console.log(`\nProject of ${FILES} files, ${SERVICES.toLocaleString('en')} services in all (COMPOSE_FILE in .env):`);
  const line = (label: string, ms: number, budget: number) => console.log(`  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  (budget ${budget} ms${ms <= budget ? '' : ', MISSED'})`);
  line('open one file -> complete diagnostics', row.openMs, 1000);
  line('edit in it -> its diagnostics (median)', row.editMs, 150);
  line('same edit -> other open file refreshed', row.dependentMs, 300);
  line('.env edited on disk -> open files refreshed', row.envEditMs, 500);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
