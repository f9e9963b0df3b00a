/** A project of several files: override merges, COMPOSE_FILE sets, include and extends, findings in the right file. */
import * as assert from 'node:assert/strict';
import { projectFiles, projectService } from '../../support/service';
import type { Finding } from '../../../server/src/service/index';

function project(files: Record<string, string>, path: string, options = {}) {
  projectFiles.clear();
  for (const [file, text] of Object.entries(files)) projectFiles.set(file, text);
  const doc = projectService.parse(files[path]!, 'compose');
  return projectService.project(path, doc, options);
}

function codes(findings: readonly Finding[] | undefined): string[] {
  return (findings ?? []).map((f) => f.code);
}

/** The text each finding of `code` covers, in its own file. */
function covered(files: Record<string, string>, path: string, findings: readonly Finding[] | undefined, code: string): string[] {
  return (findings ?? []).filter((f) => f.code === code).map((f) => files[path]!.slice(f.span.start, f.span.end));
}

const BASE = `services:
  web:
    image: nginx
    ports: ["8080:80"]
  db:
    image: postgres
`;

describe('multi-file projects', () => {
  it('reports a port clash that exists only after merging the override, in the override, related to the base', () => {
    const files = { '/p/compose.yaml': BASE, '/p/compose.override.yaml': 'services:\n  db:\n    ports: ["8080:5432"]\n' };
    const view = project(files, '/p/compose.yaml');
    assert.ok(view);
    const override = view.diagnostics.get('/p/compose.override.yaml');
    assert.deepEqual(covered(files, '/p/compose.override.yaml', override, 'port-conflict'), ['8080'], JSON.stringify(override));
    const clash = override!.find((f) => f.code === 'port-conflict')!;
    assert.ok(clash.related?.some((r) => r.path === '/p/compose.yaml' && files['/p/compose.yaml'].slice(r.span.start, r.span.end) === '8080'), JSON.stringify(clash.related));
    // The same project seen from the override file gives the same finding.
    const fromOverride = project(files, '/p/compose.override.yaml');
    assert.deepEqual(codes(fromOverride!.diagnostics.get('/p/compose.override.yaml')).filter((c) => c === 'port-conflict'), ['port-conflict']);
  });

  it('does not guess: an override entry merged with its base is no fragment, a name no file declares is an error', () => {
    const files = { '/p/compose.yaml': BASE, '/p/compose.override.yaml': 'services:\n  web:\n    depends_on: [dbb]\n' };
    const view = project(files, '/p/compose.override.yaml');
    const findings = view!.diagnostics.get('/p/compose.override.yaml')!;
    assert.ok(!codes(findings).includes('image-or-build-missing'), JSON.stringify(findings));
    const undefinedRef = findings.find((f) => f.code === 'depends-on-undefined');
    assert.ok(undefinedRef, JSON.stringify(findings));
    assert.equal(undefinedRef.severity, 'error');
    assert.match(undefinedRef.message, /not a service in any file of this project\. Did you mean 'db'\?/);
  });

  it('follows COMPOSE_FILE from .env with its path separator', () => {
    const files = {
      '/p/.env': 'COMPOSE_FILE=base.yml;prod.yml\nCOMPOSE_PATH_SEPARATOR=;\n',
      '/p/base.yml': BASE,
      '/p/prod.yml': 'services:\n  db:\n    ports: ["8080:5432"]\n',
    };
    const view = project(files, '/p/base.yml');
    assert.deepEqual(covered(files, '/p/prod.yml', view!.diagnostics.get('/p/prod.yml'), 'port-conflict'), ['8080']);
  });

  it('leaves a file outside the project alone', () => {
    const files = { '/p/compose.yaml': BASE, '/p/compose.override.yaml': 'services: {}\n', '/p/other.yaml': 'services:\n  x:\n    ports: ["8080:1"]\n' };
    assert.equal(project(files, '/p/other.yaml'), undefined);
  });

  it('checks a file in an explicit set of files', () => {
    const files = { '/p/a.yaml': BASE, '/p/b.yaml': 'services:\n  db:\n    ports: ["8080:5432"]\n' };
    const view = project(files, '/p/a.yaml', { projects: [{ directory: '/p', files: ['/p/a.yaml', '/p/b.yaml'], origin: 'explicit' }] });
    assert.deepEqual(covered(files, '/p/b.yaml', view!.diagnostics.get('/p/b.yaml'), 'port-conflict'), ['8080']);
  });

  it('resolves names an included project declares, with its own .env', () => {
    const files = {
      '/p/compose.yaml': 'include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: nginx\n    networks: [shared]\n    ports: ["${LIB_PORT}:80"]\n',
      '/p/lib/compose.yaml': 'services:\n  lib:\n    image: redis\n    networks: [shared]\n    ports: ["${LIB_PORT}:6379"]\nnetworks:\n  shared: {}\n',
      '/p/lib/.env': 'LIB_PORT=7000\n',
    };
    const view = project(files, '/p/compose.yaml');
    const own = view!.diagnostics.get('/p/compose.yaml')!;
    assert.ok(!codes(own).some((c) => c.startsWith('undefined')), JSON.stringify(own));
    // The including file reads no .env of its own: LIB_PORT is unset there, so only the included service binds 7000.
    assert.ok(codes(own).includes('variable-unset'), JSON.stringify(own));
  });

  it('reports an include cycle and a missing included file on the value', () => {
    const files = { '/p/compose.yaml': 'include:\n  - other.yaml\n  - missing.yaml\nservices:\n  web:\n    image: nginx\n', '/p/other.yaml': 'include: [compose.yaml]\nservices: {}\n' };
    const view = project(files, '/p/compose.yaml');
    assert.deepEqual(covered(files, '/p/compose.yaml', view!.diagnostics.get('/p/compose.yaml'), 'include-file-unreadable'), ['missing.yaml']);
    assert.deepEqual(covered(files, '/p/other.yaml', view!.diagnostics.get('/p/other.yaml'), 'include-cycle'), ['compose.yaml']);
  });

  it('skips a remote include with a note and keeps the fragment heuristics', () => {
    const files = { '/p/compose.yaml': 'include:\n  - oci://registry.example/app:1\nservices:\n  web:\n    image: nginx\n    depends_on: [remote]\n' };
    const view = project(files, '/p/compose.yaml');
    const own = view!.diagnostics.get('/p/compose.yaml')!;
    assert.ok(codes(own).includes('include-remote-skipped'));
    assert.ok(own.filter((f) => f.code.startsWith('undefined')).every((f) => f.severity !== 'error'), JSON.stringify(own));
  });
});

describe('extends across files in a project', () => {
  it('inherits ports from a base in another file, and a clash with them is reported', () => {
    const files = {
      '/p/compose.yaml': 'services:\n  web:\n    extends: { file: common/base.yaml, service: app }\n  other:\n    image: nginx\n    ports: ["8080:81"]\n',
      '/p/common/base.yaml': 'services:\n  app:\n    image: nginx\n    ports: ["8080:80"]\n    env_file: app.env\n',
    };
    const view = project(files, '/p/compose.yaml');
    const own = view!.diagnostics.get('/p/compose.yaml')!;
    assert.deepEqual(covered(files, '/p/compose.yaml', own, 'port-conflict'), ['8080'], JSON.stringify(own));
    assert.ok(!codes(own).includes('image-or-build-missing'), JSON.stringify(own));
  });

  it('reads the base file once `extends.file` is typed into a lone file, and stops once it is taken out again', () => {
    projectFiles.clear();
    projectFiles.set('/p/base.yaml', 'services:\n  app:\n    image: nginx\n');
    const lone = 'services:\n  a:\n    image: x\n  web:\n    image: y\n';
    const files = (doc: ReturnType<typeof projectService.parse>) => projectService.project('/p/compose.yaml', doc)?.files.includes('/p/base.yaml') ?? false;
    let doc = projectService.parse(lone, 'compose');
    assert.equal(files(doc), false);
    doc = projectService.parse(lone.replace('    image: y\n', '    extends: { file: base.yaml, service: app }\n'), 'compose', doc);
    assert.equal(files(doc), true);
    // An edit above it moves the service: its answer moves with it.
    doc = projectService.parse(doc.text.replace('image: x', 'image: xyz'), 'compose', doc);
    assert.equal(files(doc), true);
    doc = projectService.parse(doc.text.replace('file: base.yaml, ', ''), 'compose', doc);
    assert.equal(files(doc), false);
  });

  it('reports a cycle through another file and a missing base service on its value', () => {
    const files = {
      '/p/compose.yaml': 'services:\n  web:\n    extends: { file: other.yaml, service: base }\n  api:\n    extends: { file: other.yaml, service: nope }\n',
      '/p/other.yaml': 'services:\n  base:\n    extends: { file: compose.yaml, service: web }\n',
    };
    const view = project(files, '/p/compose.yaml');
    const all = [...view!.diagnostics.values()].flat();
    assert.ok(all.some((f) => f.code === 'extends-cycle'), JSON.stringify(all));
    assert.deepEqual(covered(files, '/p/compose.yaml', view!.diagnostics.get('/p/compose.yaml'), 'extends-service-missing'), ['nope']);
  });
});

describe('hover and completion across the files of a project', () => {
  const files = { '/p/compose.yaml': BASE, '/p/compose.override.yaml': 'services:\n  db:\n    depends_on: [web]\n' };

  it('describes a service of another file and offers its name', () => {
    const view = project(files, '/p/compose.override.yaml');
    const text = files['/p/compose.override.yaml'];
    const hover = projectService.hover(view!.lookupDoc, text.indexOf('web') + 1);
    assert.match(hover?.contents ?? '', /Image: `nginx`/);
    const items = projectService.completion(view!.lookupDoc, text.indexOf('web'));
    assert.ok(items.some((item) => item.label === 'web'), JSON.stringify(items.map((i) => i.label)));
    // Symbols and other position-based features keep the file's own model.
    assert.deepEqual(projectService.documentSymbols(view!.doc).flatMap((s) => s.children?.map((c) => c.name) ?? []), ['db']);
  });
});
