/**
 * `npm run bench [-- --sizes 1000,5000,20000 --runs 5 --no-peer]`: starts the built server
 * (dist/server.js) and the peers as separate processes over stdio, drives them through the same
 * generated files and prints one table with our figures, theirs, the ratios and our budgets (issue 18),
 * then the growth exponent of each latency, the spread of repeated runs and `shipshape check` against
 * dclint over the corpus. Peers: Microsoft's compose-language-service at every size up to `--peer-max`
 * (5,000 by default: beyond that it needs minutes per size), and yaml-language-server with the Compose
 * schema at 100 and 300 services (the sizes it can still do). At 5,000 services our server runs
 * `--runs` times (5 by default), because the memory budget holds in every run, not on average.
 * The results are also written to bench/results/<time>.json so runs can be compared. Timing is
 * measured with the diagnostics debounce set to 0; the default debounce is measured once, separately.
 * The machine is shared: compare ratios to the peers within one run, not absolute times across runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { random } from '../test/support/random';
import { measureCorpusCheck, type CorpusCheck } from './corpusCheck';
import { generateCompose } from './generate';
import { growthExponent } from './growth';
import { startLspProcess, type LspProcess } from './lspProcess';
import { COMPOSE_PEER, ROOT, SHIPSHAPE, YAML_PEER, type ServerUnderTest } from './servers';
import { reportTyping } from './typing';
import { measureProject, printProject } from './project';

const URI = 'file:///bench/compose.yaml';
const QUERIES = 60;
const EDITS = 20;
const YAML_PEER_SIZES = [100, 300];
/** The size the memory budget is judged at in every one of several runs. */
const REPEATED_SIZE = 5000;
/** Growth exponents are fitted from this size up. */
const GROWTH_FROM = 1000;

type Metric = 'initialize' | 'open' | 'hoverMedian' | 'hoverP95' | 'completionMedian' | 'completionP95' | 'edit' | 'editWithError' | 'peakMb' | 'idleMb';
type Measurement = Partial<Record<Metric, number>> & { crashed?: string };

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
const LATENCIES: readonly Metric[] = ['open', 'edit', 'editWithError', 'hoverP95', 'completionP95'];

/**
 * Issue 18's budgets for Shipshape, by size: `max` in the metric's unit, `ratio` to compose-language-service
 * in the same run; `everyRun` judges the worst of the repeated runs instead of their median.
 */
interface Budget {
  readonly max?: number;
  readonly ratio?: number;
  readonly everyRun?: boolean;
}
const BUDGETS: Record<number, Partial<Record<Metric, Budget>>> = {
  1000: { initialize: { max: 150, ratio: 1.0 }, open: { ratio: 0.5 }, edit: { max: 50 }, hoverP95: { max: 10 }, completionP95: { max: 10 }, peakMb: { ratio: 0.8 } },
  5000: { open: { ratio: 0.5 }, edit: { max: 150 }, hoverP95: { max: 20 }, completionP95: { max: 20 }, peakMb: { max: 400, everyRun: true } },
  20000: { open: { max: 10000 }, edit: { max: 600 }, hoverP95: { max: 50 }, completionP95: { max: 50 }, peakMb: { max: 1536 } },
};
const MAX_EXPONENT = 1.1;

interface Row {
  readonly services: number;
  readonly bytes: number;
  readonly yamlFloorMs: number;
  /** Every run of each server at this size. */
  readonly results: Record<string, Measurement[]>;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const peers = !args.includes('--no-peer');
  const runs = Number(option('--runs') ?? 5);
  const peerMax = Number(option('--peer-max') ?? 5000);
  const asked = (option('--sizes') ?? '10,100,1000,5000').split(',').map(Number);
  const sizes = [...new Set([...asked, ...(peers ? YAML_PEER_SIZES : [])])].sort((a, b) => a - b);
  const rows: Row[] = [];
  for (const services of sizes) {
    const text = generateCompose(services);
    const plan: [ServerUnderTest, number][] = [[SHIPSHAPE, services === REPEATED_SIZE ? runs : 1]];
    if (peers && services <= peerMax) plan.push([COMPOSE_PEER, 1]);
    if (peers && YAML_PEER_SIZES.includes(services)) plan.push([YAML_PEER, 1]);
    const results: Record<string, Measurement[]> = {};
    for (const [server, times] of plan) {
      for (let run = 1; run <= times; run++) {
        process.stderr.write(`${server.name}: ${services} services${times > 1 ? `, run ${run} of ${times}` : ''}... (load ${loadAverage()})\n`);
        (results[server.name] ??= []).push(await measure(server, text));
      }
    }
    rows.push({ services, bytes: text.length, yamlFloorMs: yamlFloor(text), results });
  }
  const defaultDebounce = await measureDefaultDebounce(generateCompose(1000));
  await reportTyping(SHIPSHAPE.command); // bench/typing.ts: 300 edits while requests arrive (issue 19)
  const project = await measureProject();
  const corpus = peers ? measureCorpusCheck() : undefined;
  const servers = peers ? [SHIPSHAPE, COMPOSE_PEER, YAML_PEER] : [SHIPSHAPE];
  printTable(rows, servers);
  const exponents = printGrowth(rows, servers);
  printSpread(rows);
  printProject(project);
  if (corpus) printCorpus(corpus);
  console.log(`\nDefault debounce (150 ms) at 1,000 services: edit -> diagnostics median ${defaultDebounce.toFixed(0)} ms.`);
  console.log(`Load average at the end: ${loadAverage()} (${os.cpus().length} CPUs).`);
  (await import('./editorFeatures')).benchEditorFeatures();
  const file = path.join(ROOT, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const versions = Object.fromEntries(servers.map((s) => [s.name, packageVersion(s)]));
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), node: process.version, cpus: os.cpus().length, load: loadAverage(), versions, rows, exponents, project, corpus, defaultDebounceEditMs: defaultDebounce }, null, 2) + '\n');
  console.log(`Results written to ${path.relative(process.cwd(), file)}`);
}

/** One run of a server on one text; a crash is recorded, not thrown (the 20,000-service budget is "no crash"). */
async function measure(server: ServerUnderTest, text: string): Promise<Measurement> {
  try {
    return await measureOnce(server, text);
  } catch (error) {
    process.stderr.write(`${server.name} failed: ${String(error)}\n`);
    return { crashed: String(error).slice(0, 200) };
  }
}

async function measureOnce(server: ServerUnderTest, original: string): Promise<Measurement> {
  const lsp = await startLspProcess(server.command, server.initializationOptions, {}, server.requests);
  try {
    for (const { method, params } of server.setUp ?? []) await lsp.connection.sendNotification(method, params);
    // A server that pulls its settings does so asynchronously: give it time before the document arrives.
    if (server.requests) await new Promise((resolve) => setTimeout(resolve, 500));
    const result: Measurement = { initialize: lsp.initializeMs };
    const document = new OpenDocument(lsp, original);
    result.open = await document.open();
    // A server that refuses the file (ours: over parse.ts' MAX_TEXT_LENGTH) must not pass as fast.
    if (document.refused) throw new Error(`refused the file: ${document.refused}`);

    const positions = queryPositions(original).slice(0, server.samples?.queries ?? QUERIES);
    if (lsp.capabilities.hoverProvider) [result.hoverMedian, result.hoverP95] = await latencies(lsp, 'textDocument/hover', positions);
    if (lsp.capabilities.completionProvider) [result.completionMedian, result.completionP95] = await latencies(lsp, 'textDocument/completion', positions);

    const edits = server.samples?.edits ?? EDITS;
    result.edit = await document.editMedian(oneCharacterEdits(document.text, edits));
    // A key typed without its colon yet, in a service in the middle, stays while typing goes on elsewhere.
    await document.edit(unfinishedKey(document.text));
    result.editWithError = await document.editMedian(oneCharacterEdits(document.text, edits));
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
  /** Set when the server answered the open with "not checked: too large". */
  refused: string | undefined;

  constructor(
    private readonly lsp: LspProcess,
    public text: string,
  ) {}

  async open(): Promise<number> {
    const opened = this.lsp.nextDiagnostics(URI, 1);
    const started = performance.now();
    await this.lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dockercompose', version: 1, text: this.text } });
    const diagnostics = await opened;
    const elapsed = performance.now() - started;
    this.refused = diagnostics.find((d) => d.code === 'yaml-too-large')?.message;
    return elapsed;
  }

  async edit(change: Edit): Promise<number> {
    const version = ++this.version;
    const published = this.lsp.nextDiagnostics(URI, version);
    const started = performance.now();
    await this.lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range: change.range, text: change.text }] });
    await published;
    const elapsed = performance.now() - started;
    // The benchmark's own copy of the text is kept after the clock stops: splitting and joining 19 MB
    // took 140 ms per edit at 20,000 services, which no editor spends.
    this.text = change.apply(this.text);
    return elapsed;
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
function oneCharacterEdits(text: string, count = EDITS): Edit[] {
  const lines = text.split('\n');
  const images = imageLines(lines);
  const edits: Edit[] = [];
  for (let i = 0; edits.length < count; i++) {
    const line = images[Math.floor(((i + 0.5) / (count / 2)) * images.length) % images.length]!;
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

/** The median of a server's runs for one metric. */
function typical(row: Row, server: string, key: Metric): number | undefined {
  const values = (row.results[server] ?? []).flatMap((m) => (m[key] === undefined ? [] : [m[key]]));
  return values.length === 0 ? undefined : quantile(values, 0.5);
}

function worst(row: Row, server: string, key: Metric): number | undefined {
  const values = (row.results[server] ?? []).flatMap((m) => (m[key] === undefined ? [] : [m[key]]));
  return values.length === 0 ? undefined : Math.max(...values);
}

function printTable(rows: readonly Row[], servers: readonly ServerUnderTest[]): void {
  const [ours, ...peers] = servers;
  const compose = peers.find((p) => p === COMPOSE_PEER);
  console.log(`\n${servers.map((s) => `${s.title} ${packageVersion(s)}`).join(' vs ')}; node ${process.version}, ${os.cpus().length} CPUs, debounce 0; ratio = ours / theirs`);
  const header = ['services', 'MB', 'metric', ours!.name, ...peers.flatMap((p) => [p.name, 'ratio']), 'budget'];
  const table: string[][] = [header];
  for (const row of rows) {
    const size = [String(row.services), (row.bytes / 1048576).toFixed(2)];
    table.push([...size, 'yaml parse floor', `${row.yamlFloorMs.toFixed(1)} ms`, ...peers.flatMap(() => ['', '']), '']);
    const crashed = (row.results[ours!.name] ?? []).find((m) => m.crashed);
    if (crashed) table.push([...size, 'CRASHED or refused', crashed.crashed!, ...peers.flatMap(() => ['', '']), 'no crash MISSED']);
    for (const { key, label, unit } of METRICS) {
      const value = typical(row, ours!.name, key);
      const cells = peers.flatMap((peer) => {
        if (!row.results[peer.name]) return ['', ''];
        const theirs = typical(row, peer.name, key);
        return [format(theirs, unit), value !== undefined && theirs ? (value / theirs).toFixed(2) : 'n/a'];
      });
      const budget = BUDGETS[row.services]?.[key];
      const judged = budget?.everyRun ? worst(row, ours!.name, key) : value;
      const theirs = compose ? typical(row, compose.name, key) : undefined;
      table.push([...size, label, format(value, unit), ...cells, budget ? verdict(budget, judged, theirs, unit) : '']);
    }
  }
  const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
  for (const cells of table) console.log(cells.map((cell, column) => (column === 2 || column === cells.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
}

function verdict(budget: Budget, value: number | undefined, theirs: number | undefined, unit: 'ms' | 'MB'): string {
  const parts: string[] = [];
  if (budget.max !== undefined) parts.push(`<= ${budget.max} ${unit}${budget.everyRun ? ' every run' : ''} ${value === undefined ? 'n/a' : value <= budget.max ? 'ok' : 'MISSED'}`);
  if (budget.ratio !== undefined) parts.push(`<= ${budget.ratio}x ${value === undefined || !theirs ? 'n/a' : value / theirs <= budget.ratio ? 'ok' : 'MISSED'}`);
  return parts.join(', ');
}

/** Growth exponents of each latency from GROWTH_FROM services up, for every server measured at two such sizes. */
function printGrowth(rows: readonly Row[], servers: readonly ServerUnderTest[]): Record<string, Partial<Record<Metric, number>>> {
  const large = rows.filter((row) => row.services >= GROWTH_FROM);
  const exponents: Record<string, Partial<Record<Metric, number>>> = {};
  if (large.length < 2) return exponents;
  console.log(`\nGrowth exponent k (time ~ services^k, least squares on log-log, sizes ${large.map((r) => r.services).join(', ')}); budget for ours k <= ${MAX_EXPONENT}:`);
  for (const server of servers) {
    const cells: string[] = [];
    for (const key of LATENCIES) {
      const k = growthExponent(large.flatMap((row) => {
        const value = typical(row, server.name, key);
        return value === undefined ? [] : [{ size: row.services, value }];
      }));
      if (k === undefined) continue;
      (exponents[server.name] ??= {})[key] = k;
      cells.push(`${key} ${k.toFixed(2)}${server === SHIPSHAPE ? (k <= MAX_EXPONENT ? ' ok' : ' MISSED') : ''}`);
    }
    if (cells.length > 0) console.log(`  ${server.name.padEnd(10)} ${cells.join(', ')}`);
  }
  return exponents;
}

/** Min / median / max of every metric over repeated runs of our server. */
function printSpread(rows: readonly Row[]): void {
  for (const row of rows) {
    const runs = row.results[SHIPSHAPE.name] ?? [];
    if (runs.length < 2) continue;
    console.log(`\nSpread over ${runs.length} runs of ${SHIPSHAPE.name} at ${row.services} services (min / median / max):`);
    for (const { key, label, unit } of METRICS) {
      const values = runs.flatMap((m) => (m[key] === undefined ? [] : [m[key]]));
      if (values.length === 0) continue;
      console.log(`  ${label.padEnd(30)} ${format(Math.min(...values), unit)} / ${format(quantile(values, 0.5), unit)} / ${format(Math.max(...values), unit)}   [${values.map((v) => v.toFixed(0)).join(', ')}]`);
    }
  }
}

function printCorpus(corpus: CorpusCheck): void {
  console.log(`\nWhole corpus (${corpus.files} files) in one process, best of 3: shipshape check ${corpus.shipshapeMs.toFixed(0)} ms, dclint ${corpus.dclintMs.toFixed(0)} ms, ratio ${(corpus.shipshapeMs / corpus.dclintMs).toFixed(2)}.`);
}

function format(value: number | undefined, unit: 'ms' | 'MB'): string {
  if (value === undefined) return 'n/a';
  return `${value < 10 && unit === 'ms' ? value.toFixed(2) : value.toFixed(0)} ${unit}`;
}

function packageVersion(server: ServerUnderTest): string {
  return (JSON.parse(readFileSync(path.join(server.packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
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
