import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service/index';
import { memoryHost } from '../../server/src/service/host';
import { dockerfileStages } from '../../server/src/service/parse/dockerfile';
import { parseMarkers, renderSpans } from '../support/markers';
import { schemas } from '../support/service';

const PATH = '/p/compose.yaml';
const FILES = {
  '/p/.env': 'A=1\n',
  '/p/app.env': 'B=2\n',
  '/p/conf/nginx.conf': 'x\n',
  '/p/conf/tls/cert.pem': 'x\n',
  '/p/app/Dockerfile': 'FROM node:22 AS deps\nFROM --platform=$BUILDPLATFORM deps as Build\nFROM scratch\n',
  '/p/app/docker/prod.Dockerfile': 'FROM alpine AS runtime\n',
  '/p/shared/base.yaml': 'services: {}\n',
};
const service = createLanguageService({ schemas, host: memoryHost(FILES) });

/** The files and folders (or, with `all`, every label) completion offers at `<|>` with the document at PATH, and the text they replace. */
function complete(marked: string, trigger?: string, all = false): { labels: string[]; replaced: string[] } {
  const { text, cursor: offset } = parseMarkers(marked);
  const items = service.completion(service.parse(text, 'compose'), offset!, trigger, {}, PATH).filter((item) => all || item.kind === 'file' || item.kind === 'folder');
  return { labels: items.map((item) => item.label), replaced: [...new Set(items.map((item) => text.slice(item.span.start, item.span.end)))] };
}

const WEB = 'services:\n  web:\n    image: nginx\n';

describe('file path completion', () => {
  const cases: { name: string; marked: string; labels: string[]; trigger?: string; replaced?: string[] }[] = [
    { name: 'env_file lists the compose folder, folders with a slash', marked: WEB + '    env_file: <|>\n', labels: ['.env', 'app', 'app.env', 'conf', 'shared'].map((n) => (['app', 'conf', 'shared'].includes(n) ? `${n}/` : n)) },
    { name: 'an env_file list item, after a typed prefix', marked: WEB + '    env_file:\n      - ./ap<|>\n', labels: ['.env', 'app/', 'app.env', 'conf/', 'shared/'], replaced: ['ap'] },
    { name: 'the long env_file path, inside quotes, one folder down', marked: WEB + '    env_file:\n      - path: "conf/<|>"\n', labels: ['nginx.conf', 'tls/'], trigger: '/' },
    { name: 'build.context offers folders only', marked: 'services:\n  web:\n    build:\n      context: <|>\n', labels: ['app/', 'conf/', 'shared/'] },
    { name: 'build as a string offers folders only', marked: 'services:\n  web:\n    build: ./<|>\n', labels: ['app/', 'conf/', 'shared/'], trigger: '/' },
    { name: 'build.dockerfile is relative to the context', marked: 'services:\n  web:\n    build:\n      context: ./app\n      dockerfile: <|>\n', labels: ['Dockerfile', 'docker/'] },
    { name: 'extends.file', marked: WEB + '  api:\n    extends:\n      file: shared/<|>\n      service: web\n', labels: ['base.yaml'] },
    { name: 'configs file', marked: WEB + 'configs:\n  nginx:\n    file: ./conf/<|>\n', labels: ['nginx.conf', 'tls/'] },
    { name: 'include as a string and as path', marked: 'include:\n  - shared/<|>\n  - path: shared/b\n' + WEB, labels: ['base.yaml'] },
    { name: 'a short bind mount source, up to its colon', marked: WEB + '    volumes:\n      - ./co<|>nf:/etc/nginx\n', labels: ['.env', 'app/', 'app.env', 'conf/', 'shared/'], replaced: ['conf'] },
    { name: 'a long bind mount source', marked: WEB + '    volumes:\n      - type: bind\n        source: ./conf/<|>\n        target: /etc\n', labels: ['nginx.conf', 'tls/'] },
    { name: 'no files for a named volume', marked: WEB + '    volumes:\n      - da<|>\n', labels: [] },
    { name: 'no files past a short mount\'s colon', marked: WEB + '    volumes:\n      - ./conf:/et<|>\n', labels: [] },
    { name: 'no files in a volume long syntax of type volume', marked: WEB + '    volumes:\n      - type: volume\n        source: ./<|>\n', labels: [] },
    { name: 'no files for a value that names none', marked: WEB + '    env_file: [a]\n    user: ./<|>\n', labels: [] },
  ];
  for (const { name, marked, labels, trigger, replaced } of cases) {
    it(name, () => {
      const result = complete(marked, trigger);
      assert.deepEqual(result.labels, labels);
      if (replaced) assert.deepEqual(result.replaced, replaced);
    });
  }

  it('answers a typed slash only in a path', () => {
    assert.deepEqual(complete(WEB.replace('nginx', 'library/<|>'), '/', true).labels, []);
  });

  it('asks the client to complete again after a folder, not after a file', () => {
    const { text, cursor: offset } = parseMarkers(WEB + '    env_file: <|>\n');
    const items = service.completion(service.parse(text, 'compose'), offset!, undefined, {}, PATH);
    assert.deepEqual(items.filter((item) => item.retrigger).map((item) => item.label), ['app/', 'conf/', 'shared/']);
    assert.deepEqual(new Set(items.map((item) => item.kind)), new Set(['file', 'folder']));
  });

  it('lists no more than 300 entries of a big folder', () => {
    const big = createLanguageService({ schemas, host: memoryHost(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`/p/f${i}.env`, '']))) });
    const { text, cursor: offset } = parseMarkers(WEB + '    env_file: <|>\n');
    assert.equal(big.completion(big.parse(text, 'compose'), offset!, undefined, {}, PATH).length, 300);
  });

  it('offers no files without the document path', () => {
    const { text, cursor: offset } = parseMarkers(WEB + '    env_file: <|>\n');
    assert.ok(!service.completion(service.parse(text, 'compose'), offset!).some((item) => item.kind === 'file'));
  });
});

describe('build.target completion and build-target-missing', () => {
  it('offers the named stages of the Dockerfile the service builds, as written', () => {
    assert.deepEqual(complete('services:\n  web:\n    build:\n      context: app\n      target: <|>\n', undefined, true).labels, ['deps', 'Build']);
    assert.deepEqual(complete('services:\n  web:\n    build:\n      context: app\n      dockerfile: docker/prod.Dockerfile\n      target: <|>\n', undefined, true).labels, ['runtime']);
    assert.deepEqual(complete('services:\n  web:\n    build:\n      dockerfile_inline: |\n        FROM alpine AS one\n      target: <|>\n', undefined, true).labels, ['one']);
    assert.deepEqual(complete('services:\n  web:\n    build:\n      context: missing\n      target: <|>\n', undefined, true).labels, []);
  });

  function targetFindings(marked: string): void {
    const { text, spans } = parseMarkers(marked);
    const findings = service.project(PATH, service.parse(text, 'compose'))?.diagnostics.get(PATH)?.filter((f) => f.code === 'build-target-missing') ?? [];
    assert.equal(renderSpans(text, findings.map((f) => f.span)), renderSpans(text, spans));
  }

  it('warns on a target no stage has, matching names case-insensitively', () => {
    targetFindings('services:\n  web:\n    build:\n      context: app\n      target: ⟦prod⟧\n  api:\n    build:\n      context: app\n      target: build\n');
  });

  it('says nothing when the Dockerfile cannot be read or the target is a variable', () => {
    targetFindings('services:\n  web:\n    build:\n      context: missing\n      target: prod\n  api:\n    build:\n      context: app\n      target: ${TARGET}\n');
  });

  it('reads the Dockerfile again for the same version, as it changes on disk', () => {
    const files = new Map([['/p/app/Dockerfile', 'FROM alpine AS build\n']]);
    const live = createLanguageService({ schemas, host: memoryHost(files) });
    const doc = live.parse('services:\n  web:\n    build:\n      context: app\n      target: prod\n', 'compose');
    const missing = () => live.project(PATH, doc)?.diagnostics.get(PATH)?.filter((f) => f.code === 'build-target-missing').length ?? 0;
    assert.equal(missing(), 1);
    files.set('/p/app/Dockerfile', 'FROM alpine AS prod\n');
    assert.equal(missing(), 0);
  });

  it('follows edits: a target moved by an edit above it, a target changed, a target typed in a service', () => {
    const spans = (doc: ReturnType<typeof service.parse>) => service.project(PATH, doc)?.diagnostics.get(PATH)?.filter((f) => f.code === 'build-target-missing').map((f) => doc.text.slice(f.span.start, f.span.end) + '@' + f.span.start) ?? [];
    const first = service.parse('services:\n  a:\n    image: x\n  web:\n    build:\n      context: app\n      target: prod\n  api:\n    image: y\n', 'compose');
    assert.deepEqual(spans(first), ['prod@79']);
    let doc = first;
    for (const [find, replacement, expected] of [
      ['image: x', 'image: xyz', ['prod@81']],
      ['target: prod', 'target: Build', []],
      ['image: xyz', 'image: x', []],
      ['image: y\n', 'image: y\n    build:\n      context: app\n      target: nope\n', ['nope@149']],
    ] as const) {
      doc = service.parse(doc.text.replace(find, replacement), 'compose', doc);
      assert.deepEqual(spans(doc), expected, `after '${replacement}'`);
      assert.deepEqual(spans(doc), spans(service.parse(doc.text, 'compose')), 'as a fresh parse finds');
    }
  });

  it('names the stages in its message', () => {
    const text = 'services:\n  web:\n    build:\n      context: app\n      target: prod\n';
    const [finding] = service.project(PATH, service.parse(text, 'compose'))!.diagnostics.get(PATH)!.filter((f) => f.code === 'build-target-missing');
    assert.equal(finding?.message, `No stage 'prod' in /p/app/Dockerfile (its stages are 'deps', 'Build'): the build stops with "target stage could not be found".`);
  });
});

describe('dockerfileStages', () => {
  it('reads FROM case-insensitively, with flags, continuations, comments, directives and heredocs', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      '# escape=`',
      '',
      'from --platform=$BUILDPLATFORM golang:1.22 As build',
      'RUN echo `',
      '  # a comment inside',
      '  done',
      'FROM `',
      '  alpine `',
      '  AS final',
      '# FROM commented AS no',
      'COPY <<EOF /x',
      'FROM heredoc AS no',
      'EOF',
      'FROM scratch',
    ].join('\n');
    assert.deepEqual(dockerfileStages(text).map((s) => [s.name, s.from, s.line]), [
      ['build', 'golang:1.22', 3],
      ['final', 'alpine', 7],
      [undefined, 'scratch', 14],
    ]);
  });

  it('stops reading directives at the first other line', () => {
    assert.deepEqual(dockerfileStages('FROM a AS one\n# escape=`\nFROM b \\\n AS two\n').map((s) => s.name), ['one', 'two']);
  });
});
