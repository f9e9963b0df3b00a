/**
 * The fast reader of plain YAML (server/src/service/parse/simpleYaml.ts) must build exactly the nodes
 * `yaml` builds (values, styles, anchors, ranges), or leave the text to `yaml`. Compared here on the
 * corpus, its mutations, generated files and the comment placements whose ranges `yaml` decides by
 * special rules.
 */
import * as assert from 'node:assert/strict';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { generateCompose } from '../../bench/generate';
import { YAML_OPTIONS } from '../../server/src/service/parse/parse';
import { readSimpleYaml } from '../../server/src/service/parse/simpleYaml';
import { corpusFiles, hasCorpus } from '../support/corpus';
import { MUTATIONS, type Mutation } from '../support/mutations';
import { below, random } from '../support/random';

/** One line per node: what a reader of the nodes can see. */
function describe_(node: unknown, path: string, out: string[]): void {
  if (!node || typeof node !== 'object') {
    out.push(`${path} ${String(node)}`);
    return;
  }
  const n = node as { range?: number[]; anchor?: string; tag?: string; value?: unknown; type?: string; source?: string; items?: unknown[] };
  const kind = isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isAlias(n) ? 'alias' : 'other';
  const scalar = isScalar(n) ? `${JSON.stringify(n.value)} ${typeof n.value} ${n.type}` : '';
  out.push(`${path} ${kind} ${n.range?.[0]}-${n.range?.[1]} &${n.anchor ?? ''} !${n.tag ?? ''} ${scalar} ${isAlias(n) ? `*${n.source}` : ''}`);
  if (isMap(n))
    n.items.forEach((pair: { key: unknown; value: unknown }, i) => {
      describe_(pair.key, `${path}.${i}:key`, out);
      describe_(pair.value, `${path}.${i}:value`, out);
    });
  if (isSeq(n)) n.items.forEach((item, i) => describe_(item, `${path}[${i}]`, out));
}

/** True when the fast reader took the text, after asserting that it read it as `yaml` does. */
function assertReadsAsYaml(text: string, what: string): boolean {
  const fast = readSimpleYaml(text);
  if (!fast) return false;
  const docs = parseAllDocuments(text, YAML_OPTIONS);
  assert.ok(Array.isArray(docs) && docs.length === 1, `${what}: one document`);
  const doc = docs[0]!;
  assert.deepEqual(doc.errors.map((e) => e.message), [], `${what}: yaml finds no error`);
  const [ours, theirs]: string[][] = [[], []];
  describe_(fast.contents, '', ours!);
  describe_(doc.contents, '', theirs!);
  ours!.push(`document ${fast.range[0]}-${fast.range[2]}`);
  theirs!.push(`document ${doc.range[0]}-${doc.range[2]}`);
  assert.deepEqual(ours, theirs, what);
  return true;
}

/** Comment and blank lines at random columns: where `yaml` attaches them decides where ranges end. */
const GAP_MUTATIONS: Record<string, Mutation> = {
  insertComment: (text, rnd) => insertLine(text, rnd, `${' '.repeat(below(rnd, 9))}# note`),
  insertBlank: (text, rnd) => insertLine(text, rnd, ' '.repeat(below(rnd, 3))),
  emptyValue: (text, rnd) => {
    const lines = text.split('\n');
    const i = below(rnd, lines.length);
    lines[i] = lines[i]!.replace(/^( *[\w.-]+:) \S.*$/, '$1');
    return lines.join('\n');
  },
};

function insertLine(text: string, rnd: () => number, line: string): string {
  const lines = text.split('\n');
  lines.splice(below(rnd, lines.length + 1), 0, line);
  return lines.join('\n');
}

describe('the fast reader of plain YAML', () => {
  const cases: { title: string; text: string }[] = [
    { title: 'scalars of every core type', text: 'a: 1\nb: -2.5\nc: true\nd: null\ne: ~\nf: 0x1F\ng: 0o17\nh: .inf\ni: 1e3\nj: text with spaces\nk: "8080:80"\nl: \'it\'\'s\'\nm: 1_000\n' },
    { title: 'sequences, compact mappings and indentless sequences', text: 'a:\n  - 1\n  - k: v\n    j: 2\n  - - x\n    - y\nb:\n- one\n-   two\nc: [ a, "b", *x ]\nd: []\ne: {}\n' },
    { title: 'anchors, aliases and merge keys', text: 'x: &base\n  a: 1\ny:\n  <<: *base\n  b: &v 2\nz: [*base, *v]\nu: [*base,*v]\nw: &empty\n' },
    { title: 'comment lines before an empty sequence item', text: '- x\n#\n-\n\n' },
    { title: 'a shallower comment before the last, empty, item of a nested sequence', text: 'a:\n  - x\n#\n  -\n' },
    { title: 'empty values and comments after them', text: 'a:\nb:   # why\nc:\n# between\n  # deeper\nd:\n\ne:\n  f:\n    # deep\n  g:\nh:\n  - \n  -\n  # c\n  - x\n' },
    { title: 'comments that end collections, at every depth', text: 'a:\n  b:\n    c: 1\n      # deeper than c\n\n    # at c\n  # at b\n# at a\nd:\n  - x\n    # deeper\n  # at item\n\ne: 1\n  # deeper at the end\n' },
    { title: 'an indentless sequence ending the file, then a comment', text: 'b: 1\na:\n- x\n# c\n' },
    { title: 'a root indented, and comments before it', text: '# head\n\n  a: 1\n  b:\n    - x\n' },
    { title: 'trailing blank lines and comments', text: 'a:\n  b: 1\n\n  \n# tail\n\n' },
    { title: 'no newline at the end', text: 'a:\n  b: [x]' },
  ];
  for (const { title, text } of cases) {
    it(`reads ${title} as yaml does`, () => {
      assert.ok(assertReadsAsYaml(text, title), `${title}: the fast reader took it`);
    });
  }

  const outside: { title: string; text: string }[] = [
    { title: 'a block scalar', text: 'a: |\n  x\n' },
    { title: 'a multi-line plain scalar', text: 'a: one\n  two\n' },
    { title: 'a quoted string over two lines', text: 'a: "one\n  two"\n' },
    { title: 'escapes in double quotes', text: 'a: "\\t"\n' },
    { title: 'a flow mapping', text: 'a: {b: 1}\n' },
    { title: 'a tag', text: 'a: !reset []\n' },
    { title: 'tabs', text: 'a:\n\tb: 1\n' },
    { title: 'CRLF line ends', text: 'a: 1\r\nb: 2\r\n' },
    { title: 'a second document', text: 'a: 1\n---\nb: 2\n' },
    { title: 'a key without a colon (a YAML error)', text: 'a:\n  b: 1\n  c\n' },
    { title: 'bad indentation (a YAML error)', text: 'a:\n    b: 1\n  c: 2\n' },
    { title: 'a mapping in a value (a YAML error)', text: 'a: b: c\n' },
    { title: 'a flow indicator in an alias name (a YAML error)', text: 'a: [*a{b]\n' },
    { title: 'an empty document', text: '# only a comment\n' },
    { title: 'nesting deeper than Compose files go', text: Array.from({ length: 150 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n') + ' 1\n' },
    { title: 'compact sequences nested deeper than Compose files go', text: '- '.repeat(150) + 'x\n' },
  ];
  for (const { title, text } of outside) {
    it(`leaves ${title} to yaml`, () => {
      assert.equal(readSimpleYaml(text), undefined);
    });
  }

  it('reads generated Compose files as yaml does', function () {
    this.timeout(30_000);
    for (const services of [1, 10, 200]) assert.ok(assertReadsAsYaml(generateCompose(services), `${services} services`));
  });

  (hasCorpus() ? it : it.skip)('reads most corpus files, and their mutations, as yaml does', function () {
    this.timeout(120_000);
    const rnd = random(20261123);
    let read = 0;
    let tried = 0;
    const files = corpusFiles();
    for (const { file, text } of files) {
      if (assertReadsAsYaml(text, file)) read++;
      for (const [name, mutate] of Object.entries({ ...MUTATIONS, ...GAP_MUTATIONS })) {
        for (let n = 0; n < 6; n++) {
          const mutated = mutate(text, rnd);
          tried++;
          assertReadsAsYaml(mutated, `${file} after ${name} #${n}`);
        }
      }
    }
    // Real files are mostly plain YAML: the fast reader must take most of them.
    assert.ok(read >= files.length * 0.7, `the fast reader took ${read} of ${files.length} corpus files`);
    assert.ok(tried > 0);
  });
});
