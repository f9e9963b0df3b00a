/**
 * Incremental parsing (server/src/service/parse/incremental.ts): an edit inside one element re-parses
 * that element only, and whatever path is taken the result equals a full parse of the new text.
 */
import * as assert from 'node:assert/strict';
import { generateCompose } from '../../bench/generate';
import { contentIdentity, reparse, type PreviousParse } from '../../server/src/service/parse/incremental';
import { parseYaml, type ParsedYaml } from '../../server/src/service/parse/parse';
import { get, MAX_ALIAS_NODES, type MapNode, type Node } from '../../server/src/service/parse/tree';
import { createLanguageService, type ComposeDocument, type ComposeMode } from '../../server/src/service/index';
import { corpusFiles } from '../support/corpus';
import { below, random } from '../support/random';
import { schemas, service } from '../support/service';
import { plainTrees } from '../support/tree';

/** `service` has cached results of earlier versions; `fresh` sees each text once, parsed whole. */
const fresh = createLanguageService({ schemas });

function assertSameAsFullParse(doc: ComposeDocument, mode: ComposeMode = 'compose'): void {
  const full = fresh.parse(doc.text, mode);
  assert.deepEqual(plainTrees(doc.documents), plainTrees(full.documents));
  assert.deepEqual(doc.syntaxFindings, full.syntaxFindings);
  assert.deepEqual(plainTrees(doc.model), plainTrees(full.model));
  assert.deepEqual(service.diagnostics(doc), fresh.diagnostics(full));
}

function edit(text: string, find: string, replacement: string): string {
  assert.ok(text.includes(find), find);
  return text.replace(find, replacement);
}

const BASE = `x-log: &log
  driver: json-file
services:
  a:
    image: nginx
    logging: *log
  b:
    image: redis
    <<: &shared
      restart: always
  c:
    image: postgres
    ports:
      - "5432:5432"
    logging: *log
networks:
  back: {}
`;

describe('incremental parsing', () => {
  it('re-parses only the edited service: services before it are reused, services after it keep their content identity', () => {
    const before = service.parse(BASE.replace('<<: &shared\n      restart: always', 'restart: always'), 'compose');
    const after = service.parse(edit(before.text, 'image: redis', 'image: redis:7'), 'compose', before);
    const node = (doc: ComposeDocument, name: string) => doc.model.services.get(name)!.node;
    assert.equal(node(after, 'a'), node(before, 'a'));
    assert.notEqual(node(after, 'c'), node(before, 'c'));
    assert.equal(contentIdentity(node(after, 'c')), contentIdentity(node(before, 'c')));
    assert.notEqual(contentIdentity(node(after, 'b')), contentIdentity(node(before, 'b')));
    assertSameAsFullParse(after);
  });

  it('expands aliases to anchors outside the re-parsed service', () => {
    const before = service.parse(BASE, 'compose');
    const after = service.parse(edit(BASE, 'image: nginx', 'image: nginx:1'), 'compose', before);
    const node = (doc: ComposeDocument, name: string) => doc.model.services.get(name)!.node;
    assert.equal(contentIdentity(node(after, 'c')), contentIdentity(node(before, 'c')));
    assert.notEqual(contentIdentity(node(after, 'a')), contentIdentity(node(before, 'a')));
    assertSameAsFullParse(after);
  });

  const fallbacks: [string, string, string][] = [
    ['a line dedented to the service level becomes a new service', 'ports:', 'ports:\n  d:\n    image: x\n   '],
    ['the anchored block changes', 'driver: json-file', 'driver: local'],
    ['a service that defines an anchor changes', 'restart: always', 'restart: "no"'],
    ['a service gains an anchor', 'image: postgres', 'image: &pg postgres'],
    ['a service key is renamed to a duplicate', '  b:\n', '  a:\n'],
    ['a syntax error appears', 'image: redis', 'image: [redis'],
    ['a second document starts', 'networks:', '---\nnetworks:'],
    ['a tab indents a line', '    image: postgres', '\timage: postgres'],
    ['the alias points nowhere', 'logging: *log\nnetworks', 'logging: *nolog\nnetworks'],
    ['the edit is at the end of the file', 'back: {}\n', 'back: {}\nvolumes: {}\n'],
  ];
  for (const [title, find, replacement] of fallbacks) {
    it(`equals a full parse when ${title}`, () => {
      const before = service.parse(BASE, 'compose');
      assertSameAsFullParse(service.parse(edit(BASE, find, replacement), 'compose', before));
    });
  }

  it('equals a full parse after an edit that fixes an earlier syntax error', () => {
    const broken = service.parse(edit(BASE, 'image: redis', 'image: [redis'), 'compose');
    assertSameAsFullParse(service.parse(BASE, 'compose', broken));
  });

  it('equals a full parse after each of many random small edits and their undos (corpus and generated files)', function () {
    this.timeout(120_000);
    const rnd = random(8);
    const generated = { text: generateCompose(60), mode: 'compose' as const, edits: 60 };
    const files = [generated, ...corpusFiles().map(({ text, mode }) => ({ text, mode, edits: 3 }))];
    let incremental = 0;
    for (const file of files) {
      // Each keystroke is undone again, as typing often is, so later edits start from a valid file.
      let doc = service.parse(file.text, file.mode);
      for (let i = 0; i < file.edits; i++) {
        const next = service.parse(smallEdit(doc.text, rnd), file.mode, doc);
        assertSameAsFullParse(next, file.mode);
        if (file === generated && keepsSomeService(doc, next)) incremental++;
        doc = service.parse(doc.text, file.mode, next);
        assertSameAsFullParse(doc, file.mode);
      }
    }
    // Most keystrokes land inside a service of the generated file: they must not cost a full parse.
    assert.ok(incremental >= 30, `${incremental} of ${generated.edits} edits in the generated file were incremental`);
  });
});

describe('incremental parsing of the last element of a section', () => {
  const node = (doc: ComposeDocument, section: 'services' | 'networks', name: string) => doc.model[section].get(name)!.node;
  const cases: [string, string, string, string][] = [
    ['the last service, before the next section', BASE, 'image: postgres', 'image: postgres:16'],
    ['the last service, with comments before the next section', BASE.replace('networks:', '\n    # kept\n# about networks\n\nnetworks:'), '      - "5432:5432"', '      - "5432:5432"\n      - "8080:80"'],
    ['the last network, at the end of the file', BASE, 'back: {}', 'back: { driver: bridge }'],
    ['the last service, at the end of a file without a final line break', 'services:\n  a:\n    image: x\n  b:\n    image: y', 'image: y', 'image: y:1'],
    ['the last service, with a comment at the end of the file', 'services:\n  a:\n    image: x\n  b:\n    image: y\n\n# end\n', 'image: y', 'image: y\n    restart: always'],
  ];
  for (const [title, text, find, replacement] of cases) {
    it(`re-parses ${title} alone and equals a full parse`, () => {
      const before = service.parse(text, 'compose');
      const after = service.parse(edit(text, find, replacement), 'compose', before);
      assert.equal(node(after, 'services', after.model.services.keys().next().value!), node(before, 'services', before.model.services.keys().next().value!));
      assertSameAsFullParse(after);
    });
  }

  it('equals a full parse after random small edits in the last element of each section and their undos (corpus and generated files)', function () {
    this.timeout(120_000);
    const rnd = random(21);
    const files = [{ text: generateCompose(60), mode: 'compose' as const }, ...corpusFiles()];
    let incremental = 0;
    let edits = 0;
    for (const file of files) {
      let doc = service.parse(file.text, file.mode);
      const root = doc.documents[0]?.root;
      if (doc.syntaxFindings.length > 0 || root?.kind !== 'map') continue;
      for (const { value } of root.entries) {
        const last = value.kind === 'map' ? value.entries.at(-1) : undefined;
        if (!last || last.value.span.end <= last.keySpan.end) continue;
        for (let i = 0; i < 4; i++) {
          const at = last.keySpan.end + 1 + below(rnd, last.value.span.end - last.keySpan.end);
          const next = service.parse(doc.text.slice(0, at) + 'x9: "-#\n'[below(rnd, 8)] + doc.text.slice(at), file.mode, doc);
          assertSameAsFullParse(next, file.mode);
          edits++;
          if (keepsSomeService(doc, next)) incremental++;
          doc = service.parse(doc.text, file.mode, next);
          assertSameAsFullParse(doc, file.mode);
        }
      }
    }
    // Most keystrokes there leave the file valid: they must not cost a full parse.
    assert.ok(incremental >= edits / 3, `${incremental} of ${edits} edits were incremental`);
  });
});

/**
 * Large files (confineErrors): a YAML error stays in the element it is in, so typing in a big file
 * with an error open costs one small parse per keystroke rather than a whole one.
 */
describe('incremental parsing and the alias budget (issue 19 item 9)', function () {
  this.timeout(60_000);
  /**
   * `aliases` services each expanding an anchor of `size` nodes, then the service the edit changes.
   * Before, a re-parsed block got a budget of its own, so an edit crossing the file's limit went
   * unreported until the file was opened afresh (and one below it could be cut off only afresh).
   */
  const nearLimit = (size: number, aliases: number) => [
    `x-big: &big [${Array(size).fill('1').join(',')}]`,
    'x-small: &small [1, 2, 3]',
    'services:',
    ...Array.from({ length: aliases }, (_, i) => `  s${i}:\n    image: x\n    command: *big`),
    '  edited:\n    image: x\n    command: x',
    '  edited2:\n    image: x\n    command: x',
    '  last:\n    image: x',
  ].join('\n') + '\n';

  const UNDER_LIMIT = Math.floor(MAX_ALIAS_NODES / 10_001);
  const cases: [string, string, number, number][] = [
    // Each expansion of &big costs size + 1 nodes: 49 of them stay under the limit, a 50th crosses it.
    ['crosses the absolute limit', '*big', 10_000, UNDER_LIMIT],
    ['stays just under the absolute limit', '*small', 10_000, UNDER_LIMIT],
    // The old per-length budget (100,000 nodes here): a fresh parse crossed it, the re-parsed block did not.
    ['crosses the old length-based budget', '*big', 2_999, 32],
  ];
  for (const [title, alias, size, aliases] of cases) {
    it(`agrees with a fresh parse when an edit ${title}`, () => {
      const before = service.parse(nearLimit(size, aliases), 'compose');
      assert.deepEqual(before.syntaxFindings, []);
      const after = service.parse(edit(before.text, 'command: x', `command: ${alias}`), 'compose', before);
      assertSameAliasLimit(after);
      assert.equal(after.syntaxFindings.some((f) => f.code === 'yaml-alias-limit'), title.startsWith('crosses the absolute'));
    });
  }

  it('reports the limit once the edits add up past it', () => {
    let doc = service.parse(nearLimit(10_000, UNDER_LIMIT - 1), 'compose');
    doc = service.parse(edit(doc.text, 'command: x', 'command: *big'), 'compose', doc);
    assert.deepEqual(doc.syntaxFindings, []);
    doc = service.parse(edit(doc.text, 'command: x', 'command: *big'), 'compose', doc);
    assert.ok(doc.syntaxFindings.some((f) => f.code === 'yaml-alias-limit'));
    assertSameAliasLimit(doc);
  });

  /** The checks of assertSameAsFullParse that stay quick on a million nodes. */
  function assertSameAliasLimit(doc: ComposeDocument): void {
    const full = fresh.parse(doc.text, 'compose');
    assert.deepEqual(doc.syntaxFindings, full.syntaxFindings);
    for (const name of ['edited', 'edited2']) assert.deepEqual(plainTrees(doc.model.services.get(name)?.node), plainTrees(full.model.services.get(name)?.node));
  }
});

describe('incremental parsing with errors kept to their element', () => {
  const parse = (text: string): PreviousParse => ({ ...parseYaml(text), text });
  const edited = (previous: PreviousParse, text: string): PreviousParse | undefined => {
    const result = reparse(previous, text, true);
    return result && { ...result, text };
  };
  const yamlErrors = (parsed: ParsedYaml) => parsed.syntaxFindings.filter((f) => f.code === 'yaml-syntax');
  const services = (parsed: ParsedYaml): MapNode => get(parsed.documents[0]!.root, 'services') as MapNode;
  const serviceNode = (parsed: ParsedYaml, name: string): Node => get(services(parsed), name)!;
  const CLEAN = BASE.replace('<<: &shared\n      restart: always', 'restart: always');

  it('reports an error in the edited service, keeps it through edits elsewhere, and drops it once fixed', () => {
    const broken = edited(parse(CLEAN), CLEAN.replace('    image: redis\n', '    image: redis\n    imag\n'))!;
    const [error] = yamlErrors(broken);
    assert.ok(error && broken.text.slice(error.span.start, error.span.end + 4).includes('imag'), JSON.stringify(error));
    assert.deepEqual(yamlErrors(broken), yamlErrors(parseYaml(broken.text)));
    assert.deepEqual(plainTrees(serviceNode(broken, 'c')), plainTrees(serviceNode(parseYaml(broken.text), 'c')));

    const elsewhere = edited(broken, broken.text.replace('image: nginx', 'image: nginx:1.27'))!;
    assert.deepEqual(yamlErrors(elsewhere), yamlErrors(parseYaml(elsewhere.text)));
    assert.equal(elsewhere.text.slice(yamlErrors(elsewhere)[0]!.span.start).startsWith(broken.text.slice(error.span.start, error.span.end)), true);

    const fixed = edited(elsewhere, elsewhere.text.replace('    imag\n', '    labels: {}\n'))!;
    assert.deepEqual(fixed.syntaxFindings, []);
    assert.deepEqual(plainTrees(fixed.documents), plainTrees(parseYaml(fixed.text).documents));
  });

  it('is how the language service edits a file over 256 KB with an error open', function () {
    this.timeout(30_000);
    const text = generateCompose(300);
    const middle = text.indexOf('\n', text.indexOf('    image: ', text.length / 2)) + 1;
    const opened = service.parse(text, 'compose');
    const broken = service.parse(text.slice(0, middle) + '    x\n' + text.slice(middle), 'compose', opened);
    assert.ok(keepsSomeService(opened, broken));
    assert.equal(broken.syntaxFindings.filter((f) => f.code === 'yaml-syntax').length, 1);
    const typing = service.parse(edit(broken.text, 'image: ', 'image: 1'), 'compose', broken);
    assert.ok(keepsSomeService(broken, typing), 'a keystroke elsewhere re-parses one service');
    assert.deepEqual(typing.syntaxFindings.map((f) => f.code), ['yaml-syntax']);
  });

  it('leaves errors of a whole parse to a whole parse', () => {
    const wholeWithError = parse(CLEAN.replace('    image: redis\n', '    image: redis\n    imag\n'));
    assert.equal(reparse(wholeWithError, wholeWithError.text.replace('image: nginx', 'image: nginx:1'), true), undefined);
  });

  it('keeps an error that runs past the next service to its element, read as a fresh parse in pieces reads it (issue 19 item 5)', function () {
    this.timeout(60_000);
    let doc = service.parse(generateCompose(300), 'compose');
    const at = doc.text.indexOf('image: ', doc.text.length / 2) + 'image: '.length;
    const typed = (text: string, offset: number, s: string) => text.slice(0, offset) + s + text.slice(offset);
    const steps = [typed(doc.text, at, '"'), typed(doc.text, at, '"ab'), typed(doc.text, at, '"a'), typed(doc.text, at, '"'), doc.text];
    for (const [i, text] of steps.entries()) {
      const next = service.parse(text, 'compose', doc);
      assert.ok(keepsSomeService(doc, next), `step ${i} re-parsed one service`);
      assert.deepEqual(sortedFindings(next), sortedFindings(fresh.parse(text, 'compose')), `step ${i}`);
      assert.deepEqual(plainTrees(next.documents), plainTrees(fresh.parse(text, 'compose').documents), `step ${i}`);
      assert.equal(next.syntaxFindings.some((f) => f.code === 'yaml-syntax'), i < 4, `step ${i}`);
      doc = next;
    }
  });

  it('agrees with a whole parse on whether there are errors, and equals it when there are none, over many random edits and undos', function () {
    this.timeout(60_000);
    const rnd = random(11);
    const assertAgrees = (result: PreviousParse, what: string): void => {
      const full = parseYaml(result.text);
      assert.equal(yamlErrors(result).length > 0, yamlErrors(full).length > 0, what);
      if (yamlErrors(full).length === 0) assert.deepEqual(plainTrees(result.documents), plainTrees(full.documents), what);
    };
    let current = parse(generateCompose(20));
    let confined = 0;
    for (let i = 0; i < 120; i++) {
      // Each keystroke is undone again, so a confined error is also taken away incrementally.
      const typed = edited(current, smallEdit(current.text, rnd));
      if (!typed) continue;
      assertAgrees(typed, `edit ${i}`);
      if (yamlErrors(typed).length === 0) continue;
      confined++;
      const undone = edited(typed, current.text);
      assert.ok(undone, `undo of edit ${i}`);
      assertAgrees(undone, `undo of edit ${i}`);
      current = undone;
    }
    assert.ok(confined >= 20, `${confined} edits kept an error to its element`);
  });
});

describe('incremental parsing of the elements an edit moves (copied when first read, parse/shift.ts)', () => {
  const reparsed = (previous: PreviousParse, text: string): PreviousParse => {
    const result = reparse(previous, text);
    assert.ok(result, 'the edit re-parses one element');
    return { ...result, text };
  };
  const servicesOf = (parsed: ParsedYaml): MapNode => get(parsed.documents[0]!.root, 'services') as MapNode;

  // Reads of the services between edits: none (trees wait for many moves), the top level of each (their
  // children wait), or one service whole; each leaves a different mix of copied and waiting nodes.
  const reads: Record<string, (parsed: ParsedYaml, step: number) => void> = {
    nothing: () => undefined,
    'each service\'s top level': (parsed) => servicesOf(parsed).entries.forEach((e) => get(e.value, 'image')),
    'one service whole': (parsed, step) => void plainTrees(servicesOf(parsed).entries[step % 30]!.value),
  };
  for (const [title, read] of Object.entries(reads)) {
    it(`equals a whole parse after 100 edits above the other services, reading ${title} in between`, function () {
      this.timeout(60_000);
      let current: PreviousParse = { ...parseYaml(generateCompose(30)), text: generateCompose(30) };
      for (let step = 0; step < 100; step++) {
        // Typed into the first service's image and taken away again, so that every later service moves.
        const at = current.text.indexOf('image: ') + 'image: '.length;
        const text = step % 3 === 2 ? current.text.slice(0, at) + current.text.slice(at + 2) : current.text.slice(0, at) + 'x' + current.text.slice(at);
        current = reparsed(current, text);
        read(current, step);
        if (step % 25 === 24) assert.deepEqual(plainTrees(current.documents), plainTrees(parseYaml(text).documents), `step ${step}`);
      }
    });
  }
});

describe('incremental parsing while something is typed at column 0 among the services (issue 19 item 5)', () => {
  // The keystrokes typed at the start of a service's line, one version each; `everyStep` when each of
  // them re-parses one service, not only the edits to later services.
  const cases: { title: string; keystrokes: string[]; everyStep: boolean }[] = [
    { title: 'a key', keystrokes: ['x', 'x:\n'], everyStep: false },
    { title: 'a document marker', keystrokes: ['-', '--', '---', '---\n'], everyStep: true },
  ];
  for (const { title, keystrokes, everyStep } of cases) {
    it(`equals a fresh parse while ${title} is typed, the services after it are edited, and it is taken away`, function () {
      this.timeout(60_000);
      let doc = service.parse(generateCompose(300), 'compose');
      const line = doc.text.indexOf('    restart: ', doc.text.length / 3);
      const typed = (text: string, offset: number, s: string) => text.slice(0, offset) + s + text.slice(offset);
      const original = doc.text;
      const count = doc.model.services.size;
      const done = typed(original, line, keystrokes.at(-1)!);
      const later = done.indexOf('    image: ', (done.length * 2) / 3) + '    image: '.length;
      const edits = [typed(done, later, 'z'), typed(done, later, 'zz'), done];
      const steps = [...keystrokes.map((k) => typed(original, line, k)), ...edits, original];
      for (const [i, text] of steps.entries()) {
        const next = service.parse(text, 'compose', doc);
        const editsLater = i >= keystrokes.length && i < keystrokes.length + 2;
        if (everyStep || editsLater) assert.ok(keepsSomeService(doc, next), `step ${i} re-parsed one service`);
        doc = next;
        const expected = fresh.parse(text, 'compose');
        assert.deepEqual(sortedFindings(doc), sortedFindings(expected), `step ${i}`);
        assert.deepEqual(plainTrees(doc.documents), plainTrees(expected.documents), `step ${i}`);
        assert.equal(doc.model.services.size, count, `step ${i}: every service is still read as one`);
      }
      assert.deepEqual(doc.syntaxFindings, []);
    });
  }
});

function sortedFindings(doc: ComposeDocument) {
  return [...doc.syntaxFindings].sort((a, b) => a.span.start - b.span.start || a.message.localeCompare(b.message));
}

function keepsSomeService(before: ComposeDocument, after: ComposeDocument): boolean {
  const identities = new Set([...before.model.services.values()].map((e) => contentIdentity(e.node)));
  return [...after.model.services.values()].some((e) => identities.has(contentIdentity(e.node)));
}

/** A keystroke-sized edit somewhere after the first line: a character typed, deleted, or a new line. */
function smallEdit(text: string, rnd: () => number): string {
  const at = Math.min(text.length, text.indexOf('\n') + 1 + below(rnd, Math.max(1, text.length)));
  const choice = below(rnd, 5);
  if (choice === 0 && at < text.length) return text.slice(0, at) + text.slice(at + 1);
  if (choice === 1) return text.slice(0, at) + '\n      ' + text.slice(at);
  return text.slice(0, at) + 'x9: "-#'[below(rnd, 7)] + text.slice(at);
}
