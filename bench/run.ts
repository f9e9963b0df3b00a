/**
 * `npm run bench [-- --sizes 10,100 --no-peer]`: starts the built server (dist/server.js) and Microsoft's
 * compose-language-service as separate processes over stdio, drives both through the same generated
 * files and prints one table with our figures, theirs, the ratio and our budget (issue 8). The results
 * are also written to bench/results/<time>.json so runs can be compared. Timing is measured with the
 * diagnostics debounce set to 0; the default debounce is measured once, separately.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { random } from '../test/support/random';
import { generateCompose } from './generate';
import { startLspProcess, type LspProcess } from './lspProcess';

const ROOT = path.resolve(__dirname, '..');
const URI = 'file:///bench/compose.yaml';
const QUERIES = 60;
const EDITS = 20;

interface ServerUnderTest {
  readonly name: string;
  readonly command: readonly string[];
  readonly initializationOptions: object;
}

const SHIPSHAPE: ServerUnderTest = {
  name: 'shipshape',
  command: [process.execPath, path.join(ROOT, 'dist', 'server.js'), '--stdio'],
  initializationOptions: { settings: { diagnostics: { debounceMs: 0 } } },
};
const PEER_PACKAGE = path.join(ROOT, 'node_modules', '@microsoft', 'compose-language-service');
const PEER: ServerUnderTest = {
  name: 'compose-ls',
  // Its package declares Node >= 22, but the server runs on Node 20 (checked by this benchmark).
  command: [process.execPath, path.join(PEER_PACKAGE, 'bin', 'docker-compose-langserver'), '--stdio'],
  initializationOptions: { diagnosticDelay: 0 },
};

type Metric = 'initialize' | 'open' | 'hoverMedian' | 'hoverP95' | 'completionMedian' | 'completionP95' | 'edit' | 'editWithError' | 'peakMb' | 'idleMb';
type Measurement = Partial<Record<Metric, number>>;

const METRICS: { key: Metric; label: string; unit: 'ms' | 'MB' }[] = [
  { key: 'initialize', label: 'initialize', unit: 'ms' },
  { key: 'open', label: 'didOpen -> diagnostics', unit: 'ms' },
  { key: 'edit', label: 'edit -> diagnostics (median)', unit: 'ms' },
  { key: 'editWithError', label: 'same, with a YAML error open', unit: 'ms' },
  { key: 'hoverMedian', label: 'hover median', unit: 'ms' },
  { key: 'hoverP95', label: 'hover p95', unit: 'ms' },
  { key: 'completionMedian', label: 'completion median', unit: 'ms' },
  { key: 'completionP95', label: 'completion p95', unit: 'ms' },
  { key: 'peakMb', label: 'peak RSS', unit: 'MB' },
  { key: 'idleMb', label: 'idle RSS', unit: 'MB' },
];

/** Issue 8's budgets for Shipshape, by size. */
const BUDGETS: Record<number, Measurement> = {
  1000: { open: 1000, edit: 150, hoverP95: 20, completionP95: 20 },
  5000: { edit: 1000, hoverP95: 30, completionP95: 30, peakMb: 600 },
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : undefined;
  const sizes = (sizesArg ?? '10,100,1000,5000').split(',').map(Number);
  const servers = args.includes('--no-peer') ? [SHIPSHAPE] : [SHIPSHAPE, PEER];
  const rows: { services: number; bytes: number; yamlFloorMs: number; results: Record<string, Measurement> }[] = [];
  for (const services of sizes) {
    const text = generateCompose(services);
    const results: Record<string, Measurement> = {};
    for (const server of servers) {
      process.stderr.write(`${server.name}: ${services} services...\n`);
      results[server.name] = await measure(server, text);
    }
    rows.push({ services, bytes: text.length, yamlFloorMs: yamlFloor(text), results });
  }
  const defaultDebounce = await measureDefaultDebounce(generateCompose(1000));
  printTable(rows, servers.map((s) => s.name));
  console.log(`\nDefault debounce (150 ms) at 1,000 services: edit -> diagnostics median ${defaultDebounce.toFixed(0)} ms.`);
  const file = path.join(ROOT, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), node: process.version, cpus: os.cpus().length, peer: peerVersion(), rows, defaultDebounceEditMs: defaultDebounce }, null, 2) + '\n');
  console.log(`Results written to ${path.relative(process.cwd(), file)}`);
}

async function measure(server: ServerUnderTest, original: string): Promise<Measurement> {
  const lsp = await startLspProcess(server.command, server.initializationOptions);
  try {
    const result: Measurement = { initialize: lsp.initializeMs };
    const document = new OpenDocument(lsp, original);
    result.open = await document.open();

    const positions = queryPositions(original);
    if (lsp.capabilities.hoverProvider) [result.hoverMedian, result.hoverP95] = await latencies(lsp, 'textDocument/hover', positions);
    if (lsp.capabilities.completionProvider) [result.completionMedian, result.completionP95] = await latencies(lsp, 'textDocument/completion', positions);

    result.edit = await document.editMedian(oneCharacterEdits(document.text));
    // A key typed without its colon yet, in a service in the middle, stays while typing goes on elsewhere.
    await document.edit(unfinishedKey(document.text));
    result.editWithError = await document.editMedian(oneCharacterEdits(document.text));
    result.peakMb = lsp.memory().peakMb;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    result.idleMb = lsp.memory().rssMb;
    return result;
  } finally {
    await lsp.stop();
  }
}

interface Position {
  readonly line: number;
  readonly character: number;
}

/** Seeded positions spread over the file: on keys and inside values. */
function queryPositions(text: string): Position[] {
  const lines = text.split('\n');
  const rnd = random(42);
  const positions: Position[] = [];
  while (positions.length < QUERIES) {
    const line = Math.floor(rnd() * lines.length);
    const content = lines[line]!;
    const indent = content.length - content.trimStart().length;
    if (content.trim() === '' || content.trimStart().startsWith('#')) continue;
    const colon = content.indexOf(': ');
    const onValue = positions.length % 2 === 1 && colon > 0 && colon + 3 <= content.length;
    positions.push({ line, character: onValue ? colon + 3 : indent + 1 });
  }
  return positions;
}

async function latencies(lsp: LspProcess, method: string, positions: readonly Position[]): Promise<[number, number]> {
  const times: number[] = [];
  for (const position of positions) {
    const started = performance.now();
    await lsp.connection.sendRequest(method, { textDocument: { uri: URI }, position });
    times.push(performance.now() - started);
  }
  return [quantile(times, 0.5), quantile(times, 0.95)];
}

/** The benchmark's document in a server under test: opened, then edited, each step timed until its diagnostics arrive. */
class OpenDocument {
  private version = 1;

  constructor(
    private readonly lsp: LspProcess,
    public text: string,
  ) {}

  async open(): Promise<number> {
    const opened = this.lsp.nextDiagnostics(URI, 1);
    const started = performance.now();
    await this.lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dockercompose', version: 1, text: this.text } });
    await opened;
    return performance.now() - started;
  }

  async edit(change: Edit): Promise<number> {
    const version = ++this.version;
    const published = this.lsp.nextDiagnostics(URI, version);
    const started = performance.now();
    await this.lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range: change.range, text: change.text }] });
    await published;
    this.text = change.apply(this.text);
    return performance.now() - started;
  }

  /** The median time of `changes`, made one after the other. */
  async editMedian(changes: readonly Edit[]): Promise<number> {
    const times: number[] = [];
    for (const change of changes) times.push(await this.edit(change));
    return quantile(times, 0.5);
  }
}

interface Edit {
  readonly range: { start: Position; end: Position };
  readonly text: string;
  apply(text: string): string;
}

/** One-character edits spread over the services: a character typed into an image tag, then deleted. */
function oneCharacterEdits(text: string): Edit[] {
  const lines = text.split('\n');
  const images = imageLines(lines);
  const edits: Edit[] = [];
  for (let i = 0; edits.length < EDITS; i++) {
    const line = images[Math.floor(((i + 0.5) / (EDITS / 2)) * images.length) % images.length]!;
    const character = lines[line]!.length;
    const at = { line, character };
    edits.push({ range: { start: at, end: at }, text: '1', apply: (t) => replaceLine(t, line, (l) => l + '1') });
    edits.push({ range: { start: at, end: { line, character: character + 1 } }, text: '', apply: (t) => replaceLine(t, line, (l) => l.slice(0, -1)) });
  }
  return edits;
}

/** A new line `    x` (a YAML error: a key without a value) after the middle service's image line. */
function unfinishedKey(text: string): Edit {
  const images = imageLines(text.split('\n'));
  const line = images[Math.floor(images.length / 2)]! + 1;
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, text: '    x\n', apply: (t) => replaceLine(t, line, (l) => '    x\n' + l) };
}

/** The indexes of the services' `image:` lines. */
function imageLines(lines: readonly string[]): number[] {
  return lines.flatMap((line, index) => (/^ {4}image: /.test(line) ? [index] : []));
}

function replaceLine(text: string, line: number, change: (line: string) => string): string {
  const lines = text.split('\n');
  lines[line] = change(lines[line]!);
  return lines.join('\n');
}

/** The `yaml` package alone parsing the text (best of 3): the floor for a full parse. */
function yamlFloor(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    parseAllDocuments(text, { lineCounter: new LineCounter() });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

async function measureDefaultDebounce(text: string): Promise<number> {
  const lsp = await startLspProcess(SHIPSHAPE.command, {});
  try {
    const document = new OpenDocument(lsp, text);
    await document.open();
    return await document.editMedian(oneCharacterEdits(text).slice(0, 10));
  } finally {
    await lsp.stop();
  }
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

function printTable(rows: readonly { services: number; bytes: number; yamlFloorMs: number; results: Record<string, Measurement> }[], servers: readonly string[]): void {
  const [ours, peer] = [servers[0]!, servers[1]];
  console.log(`\nShipshape vs ${peer ? `@microsoft/compose-language-service ${peerVersion()}` : '(no peer)'}; node ${process.version}, ${os.cpus().length} CPUs, debounce 0`);
  const header = ['services', 'MB', 'metric', ours, ...(peer ? [peer, 'ratio'] : []), 'budget'];
  const table: string[][] = [header];
  for (const row of rows) {
    const size = [String(row.services), (row.bytes / 1048576).toFixed(2)];
    table.push([...size, 'yaml parse floor', `${row.yamlFloorMs.toFixed(1)} ms`, ...(peer ? ['', ''] : []), '']);
    for (const { key, label, unit } of METRICS) {
      const value = row.results[ours]?.[key];
      const theirs = peer ? row.results[peer]?.[key] : undefined;
      const budget = BUDGETS[row.services]?.[key];
      const verdict = budget === undefined ? '' : value === undefined ? `<= ${budget} n/a` : `<= ${budget} ${value <= budget ? 'ok' : 'MISSED'}`;
      table.push([...size, label, format(value, unit), ...(peer ? [format(theirs, unit), value !== undefined && theirs ? (value / theirs).toFixed(2) : 'n/a'] : []), verdict]);
    }
  }
  const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
  for (const cells of table) console.log(cells.map((cell, column) => (column === 2 || column === cells.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
}

function format(value: number | undefined, unit: 'ms' | 'MB'): string {
  if (value === undefined) return 'n/a';
  return `${value < 10 && unit === 'ms' ? value.toFixed(2) : value.toFixed(0)} ${unit}`;
}

function peerVersion(): string {
  return (JSON.parse(readFileSync(path.join(PEER_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
