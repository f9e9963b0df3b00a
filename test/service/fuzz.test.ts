/**
 * Robustness: every corpus file, mutated the ways half-typed or damaged files look, goes through every
 * feature of the language service at many offsets without an exception; hostile inputs get a finding
 * and bounded work. Seeded, so a failure repeats. Only a generous hang guard is timed.
 */
import * as assert from 'node:assert/strict';
import { generateCompose } from '../../bench/generate';
import type { ComposeDocument, ComposeMode, LanguageService } from '../../server/src/service/index';
import { corpusFiles } from '../support/corpus';
import { MUTATIONS } from '../support/mutations';
import { below, random } from '../support/random';
import { projectFiles, projectService, service } from '../support/service';

/** A call that takes this long is a hang, not slowness. */
const HANG_GUARD_MS = 10_000;
const MUTATIONS_PER_FILE = 20;
const OFFSETS_PER_MUTATION = 6;

/**
 * Every feature, called at an offset. Typed over LanguageService, so a new feature does not compile
 * until it is fuzzed here too.
 */
const FEATURES: { readonly [K in Exclude<keyof LanguageService, 'parse'>]: (doc: ComposeDocument, offset: number) => unknown } = {
  diagnostics: (doc) => service.diagnostics(doc, { rules: { 'schema-unknown-property': 'warning' } }),
  codeActions: (doc, offset) => service.codeActions(doc, { start: offset, end: Math.min(doc.text.length, offset + 3) }),
  // Up to 200 rounds of a full check: fuzzed on the corpus-sized files, not the 300-service one (budget per call).
  fixAll: (doc) => (doc.text.length < 64 * 1024 ? service.fixAll(doc.text, 'compose') : undefined),
  quickFixes: (doc, offset) => service.diagnostics(doc).filter((f) => f.span.start <= offset && offset <= f.span.end).map((f) => service.quickFixes(doc, f)),
  documentSymbols: (doc) => service.documentSymbols(doc),
  definition: (doc, offset) => service.definition(doc, offset),
  references: (doc, offset) => service.references(doc, offset, true),
  documentHighlights: (doc, offset) => service.documentHighlights(doc, offset),
  prepareRename: (doc, offset) => service.prepareRename(doc, offset),
  rename: (doc, offset) => service.rename(doc, offset, 'renamed'),
  networkGraph: (doc) => service.networkGraph(doc),
  findingsInSteps: (doc) => [...service.findingsInSteps(doc)],
  hover: (doc, offset) => service.hover(doc, offset),
  completion: (doc, offset) => service.completion(doc, offset),
  foldingRanges: (doc) => service.foldingRanges(doc),
  selectionRanges: (doc, offset) => service.selectionRanges(doc, [offset, 0, doc.text.length]),
  documentLinks: (doc) => service.documentLinks(doc, '/fuzz/compose.yaml'),
  project: (doc) => projectService.project('/fuzz/compose.yaml', doc),
  // In a project with an override (see below), every file-crossing feature on the mutated base.
  projectDefinition: (doc, offset) => projectService.projectDefinition(members(doc), '/fuzz/compose.yaml', offset),
  projectReferences: (doc, offset) => projectService.projectReferences(members(doc), '/fuzz/compose.yaml', offset, true),
  projectPrepareRename: (doc, offset) => projectService.projectPrepareRename(members(doc), '/fuzz/compose.yaml', offset),
  projectRename: (doc, offset) => projectService.projectRename(members(doc), '/fuzz/compose.yaml', offset, 'renamed'),
  projectNetworkGraph: (doc) => {
    const view = projectService.project('/fuzz/compose.yaml', doc);
    return view && projectService.projectNetworkGraph(view);
  },
  folderProject: () => projectService.folderProject('/fuzz'),
  codeLenses: (doc) => service.codeLenses(doc),
  workspaceSymbols: (doc) => service.workspaceSymbols([{ path: '/fuzz/compose.yaml', doc }], 'a'),
  inlayHints: (doc, offset) => service.inlayHints(doc, { start: offset, end: doc.text.length }),
  // A range formats the whole text first, so this covers Format Document too.
  format: (doc, offset) => service.format(doc, { tabSize: 2 + (offset % 3), sequenceIndent: offset % 2 ? 'flush' : 'preserve' }, { start: offset, end: Math.min(doc.text.length, offset + 80) }),
  semanticTokens: (doc, offset) => service.semanticTokens(doc, { start: offset, end: Math.min(doc.text.length, offset + 200) }),
};

/** The files of the mutated base's project (itself and the override), as navigation reads them. */
function members(doc: ComposeDocument) {
  return projectService.project('/fuzz/compose.yaml', doc)?.members ?? [];
}

describe('fuzzing every feature on mutated corpus files', function () {
  // The work is fixed by the seed and a hang is caught per call (HANG_GUARD_MS); per file, the timeout is
  // a generous guard that does not depend on what else shares the machine's 2 cores (the whole run takes
  // over 4 CPU-minutes).
  this.timeout(300_000);
  const files = [
    ...corpusFiles().map((file) => ({ ...file, mutations: MUTATIONS_PER_FILE })),
    { file: 'generated', mode: 'compose' as ComposeMode, text: generateCompose(30), mutations: MUTATIONS_PER_FILE },
    // Over 256 KB: parsed in pieces, with YAML errors kept to their piece or service.
    { file: 'generated, 300 services', mode: 'compose' as ComposeMode, text: generateCompose(300), mutations: 8 },
  ];
  const totals = { inputs: 0, calls: 0, slowest: { ms: 0, what: '' } };

  before(() => {
    // A project around each file, so that its environment is applied to every mutation.
    projectFiles.set('/fuzz/.env', 'PORT=8080\nTAG=1\nexport NAME="a b"\n');
    // An override merged onto every mutation (the mutated text stands for compose.yaml itself).
    projectFiles.set('/fuzz/compose.yaml', '');
    projectFiles.set('/fuzz/compose.override.yaml', 'services:\n  web:\n    ports: ["8080:80"]\n    depends_on: [db]\n  db:\n    image: postgres\n    networks: [back]\nnetworks:\n  back: {}\n');
  });

  after(() => console.log(`      fuzz: ${totals.inputs} inputs, ${totals.calls} feature calls, 0 failures; slowest call ${totals.slowest.ms.toFixed(0)} ms (${totals.slowest.what})`));

  files.forEach(({ file, mode, text, mutations }, index) => {
    it(`throws nowhere and answers every call: ${file}`, () => {
      // Seeded per file, so one file's failure repeats alone.
      const rnd = random(20261123 + index);
      const original = service.parse(text, mode);
      for (let i = 0; i < mutations; i++) {
        const [name, mutate] = Object.entries(MUTATIONS)[below(rnd, Object.keys(MUTATIONS).length)]!;
        const mutated = mutate(text, rnd);
        const what = `${file} after ${name} #${i}`;
        totals.inputs++;
        let doc: ComposeDocument | undefined;
        call(`parse ${what}`, () => (doc = service.parse(mutated, mode)));
        call(`incremental parse ${what}`, () => service.parse(mutated, mode, original));
        const offsets = [0, mutated.length, ...Array.from({ length: OFFSETS_PER_MUTATION }, () => below(rnd, mutated.length + 1))];
        for (const [feature, run] of Object.entries(FEATURES)) {
          for (const offset of offsets) call(`${feature} at ${offset} in ${what}`, () => run(doc!, offset));
        }
      }
    });
  });

  function call(what: string, run: () => unknown): void {
    const started = performance.now();
    try {
      run();
    } catch (error) {
      assert.fail(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const ms = performance.now() - started;
    totals.calls++;
    if (ms > totals.slowest.ms) totals.slowest = { ms, what };
    assert.ok(ms < HANG_GUARD_MS, `${what} took ${ms.toFixed(0)} ms`);
  }
});

describe('hostile inputs', function () {
  this.timeout(60_000);
  const hostile: Record<string, { text: string; code?: string; message?: RegExp }> = {
    'an alias bomb ("billion laughs")': {
      text: 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`).join('\n') + '\n',
      code: 'yaml-alias-limit',
    },
    'flow nesting 100,000 levels deep': { text: 'services: ' + '['.repeat(100_000), code: 'yaml-syntax', message: /too deep/ },
    // Issue 19: `yaml` nests every later line one level deeper (its parser and our tree builder once overflowed
    // the stack); the piece that holds the bracket now says where it is, and the rest is read without it.
    'an unclosed { before 2,000 services': { text: '{' + generateCompose(2000), code: 'yaml-syntax', message: /^This '\{' is never closed/ },
    'block nesting 3,000 levels deep': { text: Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n'), code: 'yaml-syntax', message: /too deep/ },
    'a file over 32 million characters': { text: 'x: 1\n'.repeat(6_500_000), code: 'yaml-too-large' },
    'binary content': { text: String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
    'one line of 1 MB': { text: 'services:\n  web:\n    image: "' + 'x'.repeat(1 << 20) + '"\n    imag: x\n', code: 'schema-unknown-property' },
    'CRLF line ends': { text: 'services:\r\n  web:\r\n    imag: nginx\r\n', code: 'schema-unknown-property' },
    'lone CR line ends': { text: 'services:\r  web:\r    imag: nginx\r', code: 'schema-unknown-property' },
    'a byte order mark': { text: '\uFEFFservices:\n  web:\n    imag: nginx\n', code: 'schema-unknown-property' },
    'replacement characters from non-UTF-8 bytes': { text: 'services:\n  w\uFFFDb:\n    image: caf\uFFFD\n', code: 'schema-invalid-name' },
  };
  for (const [title, { text, code, message }] of Object.entries(hostile)) {
    it(`survives ${title}${code ? ` and reports ${code}` : ''}`, () => {
      const doc = service.parse(text, 'compose');
      const findings = service.diagnostics(doc);
      service.documentSymbols(doc);
      service.codeActions(doc, { start: 0, end: Math.min(10, text.length) });
      if (code) {
        const finding = findings.find((f) => f.code === code);
        assert.ok(finding, `${code} in ${findings.map((f) => f.code).join(', ')}`);
        if (message) assert.match(finding.message, message);
      }
    });
  }

  it('places findings after CRLF lines, lone CRs, mixed line ends and a byte order mark on the right line and column', () => {
    // A lone CR ends a line in YAML 1.2, go-yaml and LSP alike (issue 19 item 16): the line index and the parser must agree.
    for (const text of ['services:\r\n  web:\r\n    imag: nginx\r\n', 'services:\r  web:\r    imag: nginx\r', 'services:\r\n  web:\r    imag: nginx\n', '\uFEFFservices:\n  web:\n    imag: nginx\n']) {
      const doc = service.parse(text, 'compose');
      const [finding, ...more] = service.diagnostics(doc);
      assert.deepEqual(more, [], JSON.stringify(text));
      assert.deepEqual(doc.lineIndex.positionAt(finding!.span.start), { line: 2, character: 4 });
      assert.equal(text.slice(finding!.span.start, finding!.span.end), 'imag');
    }
  });
});
