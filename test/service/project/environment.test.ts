/** A file seen through its project's `.env`: resolved values judged, Compose's interpolation messages, hovers. */
import * as assert from 'node:assert/strict';
import { parseMarkers } from '../../support/markers';
import { findingsOf, projectFiles, projectService, service } from '../../support/service';

const COMPOSE = `services:
  web:
    image: nginx
    ports: ["\${WEB_PORT:-8080}:80"]
  api:
    image: "app:\${TAG}"
    ports: ["9090:80"]
    environment: [PASSED]
    command: "\${SECRET:?set SECRET in .env}"
`;

function project(files: Record<string, string>, path = '/p/compose.yaml', options = {}) {
  projectFiles.clear();
  for (const [file, text] of Object.entries(files)) projectFiles.set(file, text);
  const doc = projectService.parse(files[path]!, path.includes('stack') ? 'stack' : 'compose');
  return projectService.project(path, doc, options);
}

function summary(findings: readonly { code: string; message: string }[] | undefined): string[] {
  return (findings ?? []).map((f) => `${f.code}: ${f.message}`);
}

describe('project environment', () => {
  it('leaves a lone file alone', () => {
    assert.equal(project({ '/p/compose.yaml': COMPOSE }), undefined);
  });

  it('judges values from .env and reports unset and required variables', () => {
    const view = project({ '/p/compose.yaml': COMPOSE, '/p/.env': 'WEB_PORT=9090\nPASSED=1\nLEFTOVER=x\n' });
    assert.ok(view);
    const own = view.diagnostics.get('/p/compose.yaml')!;
    const codes = own.map((f) => f.code);
    assert.deepEqual(codes.filter((c) => c === 'port-conflict').length, 2, summary(own).join('\n'));
    assert.deepEqual(summary(own.filter((f) => f.code.startsWith('variable-'))), [
      'variable-unset: The "TAG" variable is not set. Defaulting to a blank string.',
      'variable-required: Required variable SECRET is missing a value: set SECRET in .env (Compose refuses to start).',
    ]);
    const unset = own.find((f) => f.code === 'variable-unset')!;
    assert.equal(COMPOSE.slice(unset.span.start, unset.span.end), '${TAG}');
    assert.deepEqual(summary(view.diagnostics.get('/p/.env')), ["env-variable-unused: 'LEFTOVER' is set here but no value in the Compose file uses it."]);
  });

  it('does not judge a value whose variable is unset', () => {
    const view = project({ '/p/compose.yaml': 'services:\n  a:\n    image: x\n    ports: ["${P}:80", "${P}:81"]\n', '/p/.env': '' });
    assert.deepEqual(view!.diagnostics.get('/p/compose.yaml')!.map((f) => f.code), ['variable-unset', 'variable-unset']);
  });

  it('reports bad .env lines in the .env file', () => {
    const view = project({ '/p/compose.yaml': COMPOSE, '/p/.env': 'WEB PORT=1\nSECRET=s\nTAG=1\n' });
    assert.deepEqual(summary(view!.diagnostics.get('/p/.env')), ['env-file-invalid: A variable name cannot contain a space.']);
    assert.deepEqual(view!.diagnostics.get('/p/compose.yaml')!.filter((f) => f.code.startsWith('variable-')), []);
  });

  it('reads explicit env files in order, later ones winning, and the process environment over all', () => {
    const files = { '/p/compose.yaml': COMPOSE, '/p/a.env': 'WEB_PORT=1\nTAG=a\n', '/p/b.env': 'WEB_PORT=9090\n' };
    const view = project(files, '/p/compose.yaml', { envFiles: ['/p/a.env', '/p/b.env'], processEnv: { SECRET: 's', WEB_PORT: '7000' } });
    const own = view!.diagnostics.get('/p/compose.yaml')!;
    assert.deepEqual(own.filter((f) => f.code === 'port-conflict' || f.code.startsWith('variable-')), []);
  });

  it('hovers with the value and where it comes from', () => {
    const { text, cursor } = parseMarkers('services:\n  web:\n    image: nginx\n    ports: ["${WEB_<|>PORT:-8080}:80"]\n');
    const view = project({ '/p/compose.yaml': text, '/p/.env': '# ports\nWEB_PORT=9090\n' });
    const hover = projectService.hover(view!.doc, cursor!);
    assert.match(hover!.contents, /`WEB_PORT` = `9090` \(\.env line 2\)/);
    assert.match(hover!.contents, /Value: `9090:80`/);
  });

  it('reads no .env for a stack file', () => {
    assert.equal(project({ '/p/stack.yml': 'services:\n  a:\n    image: "x:${TAG}"\n', '/p/.env': 'TAG=1\n' }, '/p/stack.yml'), undefined);
  });
});

describe('interpolation syntax', () => {
  it('refuses ${VAR:+x} in stack files (REVIEW E12) but not in Compose files', () => {
    const text = 'services:\n  a:\n    image: "app:${TAG:+latest}"\n';
    assert.deepEqual(findingsOf(text, 'compose', ['stack-interpolation-unsupported', 'interpolation-invalid']), []);
    const [finding, ...rest] = findingsOf(text, 'stack', ['stack-interpolation-unsupported', 'interpolation-invalid']);
    assert.equal(rest.length, 0);
    assert.equal(finding!.code, 'stack-interpolation-unsupported');
    assert.equal(text.slice(finding!.span.start, finding!.span.end), '${TAG:+latest}');
  });

  it('reports a ${ that is no template, and a stray $ only in stack files', () => {
    assert.deepEqual(findingsOf('services:\n  a:\n    image: x\n    command: "echo ${not valid}"\n', 'compose', ['interpolation-invalid']).length, 1);
    assert.deepEqual(findingsOf('services:\n  a:\n    image: x\n    command: "echo $1"\n', 'compose', ['interpolation-invalid']).length, 0);
    assert.deepEqual(findingsOf('services:\n  a:\n    image: x\n    command: "echo $1"\n', 'stack', ['interpolation-invalid']).length, 1);
  });

  it('says in a stack hover that :+ is not supported', () => {
    const { text, cursor } = parseMarkers('services:\n  a:\n    image: "app:${T<|>AG:+latest}"\n');
    assert.match(service.hover(service.parse(text, 'stack'), cursor!)!.contents, /not supported by docker stack deploy/);
  });
});
