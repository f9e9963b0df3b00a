/**
 * `extends` for every service of a file: same-file and `file:` chains (through a fake loader), cycles
 * across files, a missing file or service, and paths of a base from another folder. Behaviour mirrors
 * compose-go `loader/extends_test.go` (TestExtends*, TestLoadExtendsSameFile, TestRejectExtendsCycle)
 * and `loader/testdata/extends/`; the inputs are our own.
 */
import * as assert from 'node:assert/strict';
import { root, toJS } from '../../support/tree';
import { at } from '../../../server/src/service/parse/tree';
import { resolveExtends, type ExtendsLoader } from '../../../server/src/service/project/extends';
import type { Span } from '../../../server/src/service/types';

/** A loader over texts by absolute path; `extends.file` is resolved against /p. Records each request. */
function loader(files: Record<string, string>, requests: string[] = []): ExtendsLoader {
  const roots = new Map(Object.entries(files).map(([path, text]) => [path, root(text)]));
  return (file: string, _at: Span) => {
    requests.push(file);
    const path = file.startsWith('/') ? file : `/p/${file.replace(/^\.\//, '')}`;
    return roots.has(path) ? { path, root: roots.get(path) } : { problem: 'no such file' };
  };
}

const NO_FILES = loader({});

function resolved(text: string, load = NO_FILES) {
  const result = resolveExtends(root(text), '/p/compose.yaml', load);
  return { services: toJS(at(result.root, 'services')) as Record<string, unknown>, findings: result.findings, root: result.root };
}

describe('project extends', () => {
  it('merges a same-file chain, base first (TestLoadExtendsSameFile)', () => {
    const { services, findings } = resolved('services:\n  base:\n    image: x\n    environment: {A: "1"}\n  mid:\n    extends: base\n    ports: ["80:80"]\n  web:\n    extends: {service: mid}\n    environment: {B: "2"}\n');
    assert.deepEqual(findings, []);
    assert.deepEqual(services['web'], { image: 'x', environment: { A: '1', B: '2' }, ports: ['80:80'], extends: { service: 'mid' } });
    assert.deepEqual(services['mid'], { image: 'x', environment: { A: '1' }, ports: ['80:80'], extends: 'base' });
  });

  it('keeps the service\'s own extends, not its base\'s', () => {
    const { services } = resolved('services:\n  a:\n    image: x\n  b:\n    extends: a\n  c:\n    extends: b\n');
    assert.deepEqual(services['c'], { image: 'x', extends: 'b' });
  });

  it('returns the file as it is when nothing extends', () => {
    const file = root('services:\n  a:\n    image: x\n');
    assert.equal(resolveExtends(file, '/p/compose.yaml', NO_FILES).root, file);
  });

  it('keeps services that extend nothing as the same objects', () => {
    const file = root('services:\n  a:\n    image: x\n  b:\n    extends: a\n');
    const result = resolveExtends(file, '/p/compose.yaml', NO_FILES).root;
    assert.equal(at(result, 'services', 'a'), at(file, 'services', 'a'));
    assert.notEqual(at(result, 'services', 'b'), at(file, 'services', 'b'));
  });

  it('reads a base from another file through the loader, once per file and service (TestExtends)', () => {
    const requests: string[] = [];
    const load = loader({ '/p/common.yaml': 'services:\n  base:\n    image: common\n    command: [run]\n' }, requests);
    const { services, findings } = resolved('services:\n  web:\n    extends: {file: common.yaml, service: base}\n    command: [serve]\n  api:\n    extends: web\n', load);
    assert.deepEqual(findings, []);
    assert.deepEqual(services['web'], { image: 'common', command: ['serve'], extends: { file: 'common.yaml', service: 'base' } });
    assert.deepEqual(services['api'], { image: 'common', command: ['serve'], extends: 'web' });
    assert.deepEqual(requests, ['common.yaml']);
  });

  it('follows chains inside the other file (testdata/extends/nested.yaml)', () => {
    const load = loader({ '/p/lib/base.yaml': 'services:\n  root:\n    image: r\n    labels: [a=1]\n  leaf:\n    extends: root\n    labels: [b=2]\n' });
    const { services } = resolved('services:\n  web:\n    extends: {file: lib/base.yaml, service: leaf}\n', load);
    assert.deepEqual(services['web'], { image: 'r', labels: ['a=1', 'b=2'], extends: { file: 'lib/base.yaml', service: 'leaf' } });
  });

  it('rebases build context, env files and bind mounts of a base from another folder (paths.ResolveRelativePaths)', () => {
    const load = loader({
      '/p/lib/base.yaml':
        'services:\n  base:\n    build: ./app\n    env_file: [common.env, {path: ../shared.env}]\n    volumes: ["./data:/data:ro", "named:/named", {type: bind, source: ./conf, target: /conf}, "/abs:/abs"]\n  remote:\n    build: {context: "https://github.com/x/y.git"}\n',
    });
    const { services } = resolved('services:\n  web:\n    extends: {file: lib/base.yaml, service: base}\n    env_file: own.env\n  other:\n    extends: {file: lib/base.yaml, service: remote}\n', load);
    const web = services['web'] as Record<string, unknown>;
    assert.equal(web['build'], '/p/lib/app');
    assert.deepEqual(web['env_file'], ['/p/lib/common.env', { path: '/p/shared.env' }, 'own.env']);
    assert.deepEqual(web['volumes'], ['/p/lib/data:/data:ro', 'named:/named', { type: 'bind', source: '/p/lib/conf', target: '/conf' }, '/abs:/abs']);
    assert.deepEqual((services['other'] as Record<string, unknown>)['build'], { context: 'https://github.com/x/y.git' });
  });

  it('keeps the span of a rebased value where it is written in the other file', () => {
    const text = 'services:\n  base:\n    build: ./app\n';
    const load = loader({ '/p/lib/base.yaml': text });
    const { root: result } = resolved('services:\n  web:\n    extends: {file: lib/base.yaml, service: base}\n', load);
    const build = at(result, 'services', 'web', 'build')!;
    assert.equal(text.slice(build.span.start, build.span.end), './app');
  });

  it('reports a missing file on the file value with the loader\'s reason', () => {
    const text = 'services:\n  web:\n    image: x\n    extends: {file: missing.yaml, service: base}\n';
    const { services, findings } = resolved(text);
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.message, text.slice(f.span.start, f.span.end)]), [['extends-file-unreadable', 'error', 'The extends file missing.yaml cannot be read: no such file.', 'missing.yaml']]);
    assert.deepEqual(services['web'], { image: 'x', extends: { file: 'missing.yaml', service: 'base' } });
  });

  it('reports a service the other file lacks on the service value', () => {
    const text = 'services:\n  web:\n    extends:\n      file: common.yaml\n      service: bsae\n';
    const { findings } = resolved(text, loader({ '/p/common.yaml': 'services:\n  base:\n    image: x\n' }));
    assert.deepEqual(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [['extends-service-missing', 'bsae']]);
    assert.match(findings[0]!.message, /common\.yaml has no service 'bsae'/);
  });

  it('leaves a same-file missing service to the single-file extends-undefined', () => {
    assert.deepEqual(resolved('services:\n  web:\n    extends: nothere\n').findings, []);
  });

  it('reports a cycle through another file once, with every step (TestRejectExtendsCycle)', () => {
    const other = 'services:\n  base:\n    extends: {file: compose.yaml, service: web}\n';
    const text = 'services:\n  web:\n    extends: {file: other.yaml, service: base}\n  api:\n    extends: web\n';
    const { findings } = resolved(text, loader({ '/p/other.yaml': other, '/p/compose.yaml': text }));
    assert.equal(findings.length, 1, JSON.stringify(findings));
    const [cycle] = findings;
    assert.equal(cycle!.code, 'extends-cycle');
    assert.equal(cycle!.message, 'Circular reference in extends: web → base (other.yaml) → web. Compose refuses the file.');
    assert.equal(text.slice(cycle!.span.start, cycle!.span.end), '{file: other.yaml, service: base}');
    assert.deepEqual(cycle!.related?.map((r) => r.message), ["'web' extends 'base'", "'base' extends 'web'"]);
    assert.equal(other.slice(cycle!.related![1]!.span.start, cycle!.related![1]!.span.end), '{file: compose.yaml, service: web}');
  });

  it('leaves same-file cycles to the single-file analysis, and still resolves the rest', () => {
    const { findings, services } = resolved('services:\n  a:\n    image: x\n    extends: b\n  b:\n    extends: a\n  c:\n    extends: c\n  d:\n    image: d\n  e:\n    extends: d\n');
    assert.deepEqual(findings, []);
    assert.deepEqual(services['e'], { image: 'd', extends: 'd' });
  });

  it('follows a 5,000-service chain without deep recursion', () => {
    const lines = ['services:', '  s5000:', '    image: x'];
    for (let i = 0; i < 5000; i++) lines.push(`  s${i}:`, `    extends: s${i + 1}`);
    const { services } = resolved(lines.join('\n') + '\n');
    assert.deepEqual(services['s0'], { image: 'x', extends: 's1' });
  });
});
