/**
 * Parsing in pieces (server/src/service/parse/pieces.ts): a large file is parsed a piece at a time, and
 * the result equals a full parse, or the text is left to the full parse; a YAML error stays in the
 * element it is in, even one that runs on (issue 19 item 5). Small piece sizes force many cuts on small
 * texts, so every cut the real size would make somewhere is exercised here.
 */
import * as assert from 'node:assert/strict';
import { generateCompose } from '../../bench/generate';
import { parseYaml, type ParsedYaml } from '../../server/src/service/parse/parse';
import { parseInPieces } from '../../server/src/service/parse/pieces';
import { entry, get, type MapNode } from '../../server/src/service/parse/tree';
import type { Finding } from '../../server/src/service/types';
import { corpusFiles, hasCorpus } from '../support/corpus';
import { service } from '../support/service';
import { MUTATIONS } from '../support/mutations';
import { below, random } from '../support/random';

/**
 * Parses `text` in pieces of `size` characters; true when it did, after asserting that it equals a
 * full parse, or for a text with YAML errors, that it finds errors too (kept to their pieces).
 */
function assertPiecesEqualFullParse(text: string, size: number, what: string): boolean {
  const pieces = parseInPieces(text, size);
  if (!pieces) return false;
  const full = parseYaml(text);
  assert.ok(pieces.confined, what);
  if (hasYamlErrors(full)) {
    assert.ok(hasYamlErrors(pieces), what);
    return true;
  }
  assert.deepEqual(pieces.documents, full.documents, what);
  assert.deepEqual(sorted(pieces), sorted(full), what);
  assert.deepEqual(pieces.anchors, full.anchors, what);
  return true;
}

function hasYamlErrors(parsed: ParsedYaml): boolean {
  return parsed.syntaxFindings.some((f) => f.code === 'yaml-syntax');
}

function sorted(parsed: ParsedYaml): Finding[] {
  return [...parsed.syntaxFindings].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}

const SERVICES = (names: readonly string[]) => 'services:\n' + names.map((n) => `  ${n}:\n    image: ${n}:1\n    ports:\n      - "80"\n`).join('');

describe('parsing in pieces', () => {
  it('cuts a generated file with anchors, aliases and merge keys, and equals a full parse', () => {
    const text = generateCompose(200);
    assert.ok(assertPiecesEqualFullParse(text, 2000, 'generated'));
    assert.ok(assertPiecesEqualFullParse(text, 1, 'generated, a cut at every service'));
  });

  it('is how the language service parses a file over 256 KB, with the same result as a full parse', function () {
    this.timeout(60_000);
    const text = generateCompose(300);
    assert.ok(text.length > 256 * 1024 && parseInPieces(text));
    assert.deepEqual(service.parse(text, 'compose').documents, parseYaml(text).documents);
  });

  it('reads lone CR line ends as the line ends they are, in pieces or whole (issue 19 item 16)', () => {
    const lf = generateCompose(200);
    const cr = lf.replace(/\n/g, '\r');
    // Same length, so the same spans: the tree of the LF twin, whichever way the text is parsed.
    assert.deepEqual(parseInPieces(cr, 2000)?.documents ?? parseYaml(cr).documents, parseYaml(lf).documents);
    assert.deepEqual(parseYaml(cr).documents, parseYaml(lf).documents);
    const mixed = lf.replace(/\n/g, (_, at: number) => (at % 3 === 0 ? '\r' : at % 3 === 1 ? '\r\n' : '\n'));
    assertPiecesEqualFullParse(mixed, 2000, 'mixed line ends');
    assert.deepEqual(service.diagnostics(service.parse(mixed, 'compose')).length, service.diagnostics(service.parse(lf, 'compose')).length);
  });

  it('leaves short texts to the full parse', () => {
    assert.equal(parseInPieces(SERVICES(['a', 'b'])), undefined);
  });

  const cases: { title: string; text: string; cut: boolean }[] = [
    { title: 'a service repeated in a later piece', text: SERVICES(['a', 'b', 'a', 'a']), cut: true },
    { title: 'a top-level key repeated in a later piece', text: 'networks:\n  n: {}\n' + SERVICES(['a', 'b']) + 'networks:\n  m: {}\n', cut: true },
    { title: 'a section repeated, and continued in the piece where it repeats', text: SERVICES(['a', 'b']) + SERVICES(['c', 'd']), cut: true },
    { title: 'an alias to an anchor in an earlier piece', text: 'x-img: &img nginx\nx-env: &env\n  A: 1\n' + SERVICES(['a', 'b']).replace('image: b:1', 'image: *img\n    environment: *env'), cut: true },
    { title: 'an anchor defined twice, aliased in between', text: SERVICES(['a', 'b', 'c']).replace('image: a:1', 'image: &i one').replace('image: b:1', 'image: *i').replace('image: c:1', 'image: &i two'), cut: true },
    { title: 'a file opening with ---', text: '---\n' + SERVICES(['a', 'b', 'c']), cut: true },
    { title: 'CRLF line ends', text: SERVICES(['a', 'b', 'c']).replace(/\n/g, '\r\n'), cut: true },
    { title: 'a byte order mark', text: '\uFEFF' + SERVICES(['a', 'b', 'c']), cut: true },
    { title: 'comments at column 0 and blank lines between services', text: SERVICES(['a', 'b', 'c']).replace(/ {2}b:/, '\n# the b team\n\n  b:'), cut: true },
    { title: 'a block scalar before a cut', text: SERVICES(['a', 'b']).replace('image: a:1', 'command: |\n      run\n\n      more\n'), cut: true },
    // Whatever YAML makes of these, the line looking like a key makes a cut: each half is an error.
    { title: 'a quoted string that runs over a line looking like a key', text: SERVICES(['a', 'b']).replace('image: a:1', 'command: "run\n  c: x"'), cut: true },
    { title: 'a flow mapping that runs over a line looking like a key', text: SERVICES(['a', 'b']).replace('image: a:1', 'labels: {a: 1,\n  c: x}'), cut: true },
    // A key YAML reads at column 0 that is not plain ends the section, which the cuts cannot see.
    { title: 'a quoted key at column 0 whose mapping is indented like services', text: SERVICES(['a', 'b']) + '"x-q":\n  d:\n    image: x\n  e:\n    image: y\n', cut: false },
    { title: 'a complex key at column 0 that breaks only the next service', text: SERVICES(['a', 'b', 'c']).replace('      - "80"\n  b:', '? - x\n      - y\n  b:'), cut: false },
    { title: 'an anchored mapping at column 0 after the services, indented like them', text: SERVICES(['a', 'b']) + 'x-foo: &x\n  k: v\n  l: w\nx-bar:\n  k: v\n  l: w\n', cut: true },
    { title: 'sections indented differently, the later less', text: SERVICES(['a', 'b']).replace(/^ {2}(?=\S)/gm, '    ').replace(/^ {4}(?=(image|ports))/gm, '      ').replace(/^ {6}-/gm, '        -') + 'networks:\n  n:\n    driver: bridge\n  m:\n    driver: bridge\n', cut: true },
    { title: 'a key with a space at column 0 whose mapping is indented like services', text: SERVICES(['a', 'b']) + 'x q:\n  d:\n    image: x\n  e:\n    image: y\n', cut: false },
    { title: 'a merge key among the services', text: 'x-s: &s\n  z:\n    image: z\n' + SERVICES(['a', 'b']).replace('  b:\n', '  <<: *s\n  b:\n'), cut: false },
    { title: 'a merge key at the top level', text: 'x-t: &t\n  name: n\n<<: *t\n' + SERVICES(['a', 'b']), cut: false },
    { title: 'a second document', text: SERVICES(['a']) + '---\n' + SERVICES(['b']), cut: false },
    { title: 'a second document of indented keys, which YAML reads without an error', text: SERVICES(['a', 'b', 'c']).replace('      - "80"\n  b:', '      - "80"\n---\n  b:'), cut: false },
    { title: 'a quoted string after the services, with a line indented like them', text: SERVICES(['a', 'b']) + 'x-note: "one\n  c: two"\nx-more: 1\n', cut: true },
    { title: 'a document end marker between top-level keys', text: SERVICES(['a', 'b']) + '...\nnetworks:\n  n: {}\n', cut: false },
    { title: 'a YAML error, kept in its piece', text: SERVICES(['a', 'b', 'c']).replace('    image: b:1', '    image: b:1\n    imag'), cut: true },
    { title: 'a tab-indented line, kept in its piece', text: SERVICES(['a', 'b', 'c']).replace('    image: b:1', '\timage: b:1'), cut: true },
    { title: 'a quote left open, which runs on into the next piece', text: SERVICES(['a', 'b', 'c']).replace('image: b:1', "image: 'b:1"), cut: true },
    { title: 'an alias bomb', text: 'a: &a [x, x, x, x, x, x, x, x, x]\n' + 'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefg'[i]).join(', ')}]`).join('\n') + '\n', cut: false },
  ];
  for (const { title, text, cut } of cases) {
    it(`${cut ? 'cuts' : 'leaves to the full parse'} ${title}`, () => {
      assert.equal(assertPiecesEqualFullParse(text, 1, title), cut);
    });
  }

  it('reports a YAML error where a full parse does and parses the other pieces as usual', () => {
    const text = SERVICES(['a', 'b', 'c']).replace('    image: b:1', '    image: b:1\n    imag');
    const pieces = parseInPieces(text, 1)!;
    const full = parseYaml(text);
    assert.deepEqual(sorted(pieces), sorted(full));
    const services = (parsed: ParsedYaml) => get(parsed.documents[0]!.root, 'services') as MapNode;
    assert.deepEqual(entry(services(pieces), 'c'), entry(services(full), 'c'));
  });

  /**
   * Errors that run on: in a whole parse each swallows or breaks every line after it (an open quote
   * reads the rest of the file into one string), and costs seconds per keystroke on a large file. In
   * pieces each stays in its service: the services around it read as in the text without the error,
   * a twin of the same length.
   */
  const RUN_ON: [string, string, string][] = [
    ['a double quote left open', 'image: "b:1', 'image:  b:1'],
    ['a single quote left open', "image: 'b:1", 'image:  b:1'],
    ['a bracket left open', 'image: [b:1', 'image:  b:1'],
    ['a brace left open', 'image: {b:1', 'image:  b:1'],
    ['a word typed at column 0', 'image: b:1\noops', 'image: b:1\n#ops'],
    ['a line indented with a tab', 'image: b:1\n\tx: 1', 'image: b:1\n#x: 1'],
    ['a document marker typed at column 0', 'image: b:1\n---', 'image: b:1\n#--'],
    ['a document marker and a tab typed at column 0', 'image: b:1\n---\tx{', 'image: b:1\n#--\tx{'],
    ['a document end marker typed at column 0', 'image: b:1\n...', 'image: b:1\n#..'],
  ];
  for (const [title, broken, twin] of RUN_ON) {
    it(`keeps ${title} to its service, and reads the others as if it were not there`, () => {
      const text = SERVICES(['a', 'b', 'c']).replace('image: b:1', broken);
      const fixed = SERVICES(['a', 'b', 'c']).replace('image: b:1', twin);
      for (const size of [1, 40]) {
        const pieces = parseInPieces(text, size);
        assert.ok(pieces, `${title}, pieces of ${size}`);
        const errors = pieces.syntaxFindings.filter((f) => f.code === 'yaml-syntax');
        assert.ok(errors.length > 0);
        const [from, to] = [text.indexOf('  b:'), text.indexOf('  c:')];
        for (const error of errors) assert.ok(error.span.start >= from && error.span.end < to, `${title}: ${JSON.stringify(error)} in [${from}, ${to})`);
        assert.ok(errors[0]!.span.start <= parseYaml(text).syntaxFindings[0]!.span.start, 'no later than a whole parse');
        const services = (parsed: ParsedYaml) => get(parsed.documents[0]!.root, 'services') as MapNode;
        for (const name of ['a', 'c']) assert.deepEqual(entry(services(pieces), name), entry(services(parseYaml(fixed)), name), `${title}: ${name}`);
      }
    });
  }

  const STRAY_KEYS: [string, string, string][] = [
    ['a mapping deeper than the services', 'ulimits:\n      nofile: 1\n', '#limits:\n#     nofile: 1\n'],
    ['a plain value', 'ulimits: 1\n', '#limits: 1\n'],
    ['a plain value, then a mapping deeper than the services', 'x: 1\nulimits:\n      nofile: 1\n', '#: 1\n#limits:\n#     nofile: 1\n'],
    ['a quoted value that closes on the next line, at column 0', 'ulimits: "a\n"\n', '#limits: "a\n#\n'],
    ['a double-quoted value with escaped quotes', 'ulimits: "a\\"\n\\\\"\n', '#limits: "a\\"\n#\\"\n'],
    ["a single-quoted value with a quote written twice", "ulimits: 'it''s\n'\n", "#limits: 'it''s\n#\n"],
  ];
  for (const [title, stray, comment] of STRAY_KEYS) it(`reads the services after a key typed at column 0 among them as services, with one error where they resume: ${title}`, () => {
    const text = SERVICES(['a', 'b', 'c', 'd']).replace('    image: b:1\n', `    image: b:1\n${stray}`);
    const twin = SERVICES(['a', 'b', 'c', 'd']).replace('    image: b:1\n', `    image: b:1\n${comment}`);
    for (const size of [1, 40]) {
      const pieces = parseInPieces(text, size);
      assert.ok(pieces, `pieces of ${size}`);
      const services = (parsed: ParsedYaml) => get(parsed.documents[0]!.root, 'services') as MapNode;
      for (const name of ['a', 'c', 'd']) assert.deepEqual(entry(services(pieces), name), entry(services(parseYaml(twin)), name), name);
      assert.ok(get(pieces.documents[0]!.root, 'ulimits'));
      const resumed = pieces.syntaxFindings.filter((f) => f.message.includes("'ulimits' at column 0"));
      assert.deepEqual(resumed.map((f) => text.slice(f.span.start, f.span.end)), ['c'], JSON.stringify(pieces.syntaxFindings));
      assert.ok(parseYaml(text).syntaxFindings.some((f) => f.code === 'yaml-syntax'), 'a whole parse finds an error too');
    }
  });

  it('reports a quote left open in a service that is read alone at the quote', () => {
    for (const quote of ['"', "'"]) {
      const text = SERVICES(['a', 'b', 'c']).replace('image: b:1', `image: ${quote}b:1`);
      const quoteAt = text.indexOf(`${quote}b:1`);
      for (const size of [1, 40]) assert.deepEqual(parseInPieces(text, size)!.syntaxFindings.map((f) => [f.span.start, f.span.end]), [[quoteAt, quoteAt + 1]], `${quote}, pieces of ${size}`);
    }
  });

  it('reports a document marker typed among the services once, at the marker', () => {
    const text = SERVICES(['a', 'b', 'c']).replace('image: b:1', 'image: b:1\n---');
    for (const size of [1, 40]) {
      const markers = parseInPieces(text, size)!.syntaxFindings.filter((f) => f.message.startsWith("'---' at column 0"));
      assert.deepEqual(markers.map((f) => [f.span.start, f.span.end]), [[text.indexOf('---'), text.indexOf('---') + 3]]);
    }
  });

  /**
   * A value typed at column 0 above the first key: YAML reads it as the whole document and reports
   * every key line below it (tens of thousands of errors in a large file). In pieces it is one error.
   */
  const FIRST_LINES: [string, string][] = [
    ['a word', 'oops'],
    ['a word opening with a colon and brackets', ':{\t['],
    ['a list item', '- x'],
  ];
  for (const [title, first] of FIRST_LINES) it(`reads the keys after ${title} typed above them as if it were not there, with one error at it`, () => {
    const text = `${first}\n# about\nname: n\n${SERVICES(['a', 'b', 'c'])}`;
    const twin = `${'#'.padEnd(first.length, ' ')}\n# about\nname: n\n${SERVICES(['a', 'b', 'c'])}`;
    for (const size of [1, 40]) {
      const pieces = parseInPieces(text, size);
      assert.ok(pieces, `pieces of ${size}`);
      assert.deepEqual(pieces.syntaxFindings.map((f) => [f.code, f.span.start, f.span.end]), [['yaml-syntax', 0, first.length]]);
      assert.deepEqual(pieces.documents[0]!.root, parseYaml(twin).documents[0]!.root);
      assert.ok(parseYaml(text).syntaxFindings.length > 3, 'a whole parse reports the lines below');
    }
  });

  it('reports a service repeated in a later piece once, where it repeats', () => {
    const text = SERVICES(['a', 'b', 'a']);
    const pieces = parseInPieces(text, 1)!;
    assert.deepEqual(pieces.syntaxFindings.map((f) => [f.code, f.span.start]), [['duplicate-key', text.lastIndexOf('  a:') + 2]]);
  });

  (hasCorpus() ? it : it.skip)('equals a full parse on every corpus file and on mutations of them', function () {
    this.timeout(120_000);
    const rnd = random(64);
    let inputs = 0;
    let cut = 0;
    let withErrors = 0;
    for (const { file, text } of corpusFiles()) {
      const variants = [text, ...Array.from({ length: 8 }, () => Object.values(MUTATIONS)[below(rnd, Object.keys(MUTATIONS).length)]!(text, rnd))];
      for (const [i, variant] of variants.entries()) {
        for (const size of [1, 40, 400]) {
          inputs++;
          if (!assertPiecesEqualFullParse(variant, size, `${file} variant ${i}, pieces of ${size}`)) continue;
          cut++;
          if (hasYamlErrors(parseInPieces(variant, size)!)) withErrors++;
        }
      }
    }
    // Most variants are cut: the equality above is not only ever checked on the fallback.
    assert.ok(cut > inputs / 2, `${cut} of ${inputs} inputs were parsed in pieces`);
    assert.ok(withErrors > 50, `${withErrors} inputs parsed in pieces had YAML errors`);
  });
});
