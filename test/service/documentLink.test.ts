import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service/index';
import { memoryHost } from '../../server/src/service/host';
import { imagePage } from '../../server/src/service/features/documentLink/imagePage';
import { parseMarkers, renderSpans } from '../support/markers';
import { schemas } from '../support/service';

const files = new Map<string, string>([
  ['/proj/app/Dockerfile', 'FROM node:20\n'],
  ['/proj/conf/nginx.conf', 'events {}\n'],
]);
const service = createLanguageService({ schemas, host: memoryHost(files) });

/** Checks the links sit on the fixture's `⟦...⟧` spans and go to `targets` (URLs, or paths), in order. */
function checkLinks(marked: string, targets: readonly string[], path: string | false = '/proj/compose.yaml'): void {
  const { text, spans } = parseMarkers(marked);
  const links = service.documentLinks(service.parse(text, 'compose'), path || undefined);
  assert.equal(renderSpans(text, links.map((link) => link.span)), renderSpans(text, spans));
  assert.deepEqual(links.map((link) => (link.target.kind === 'url' ? link.target.url : link.target.path)), targets);
}

describe('documentLink', () => {
  it('links images on public registries to their pages, stopping before the tag or digest', () => {
    checkLinks(
      'services:\n  a:\n    image: ⟦nginx⟧:1.27\n  b:\n    image: "⟦grafana/grafana⟧"\n  c:\n    image: ⟦ghcr.io/owner/app⟧@sha256:abc\n  d:\n    image: ⟦quay.io/prometheus/node-exporter⟧:v1\n  e:\n    image: ⟦mcr.microsoft.com/dotnet/aspnet⟧:8.0\n  f:\n    image: ⟦public.ecr.aws/nginx/nginx⟧\n  g:\n    image: ⟦library/redis⟧\n',
      [
        'https://hub.docker.com/_/nginx',
        'https://hub.docker.com/r/grafana/grafana',
        'https://ghcr.io/owner/app',
        'https://quay.io/repository/prometheus/node-exporter',
        'https://mcr.microsoft.com/artifact/mar/dotnet/aspnet',
        'https://gallery.ecr.aws/nginx/nginx',
        'https://hub.docker.com/_/redis',
      ],
    );
  });

  it('links Google registries to the console, and nothing for private registries or unresolved names', () => {
    assert.equal(imagePage('gcr.io/google-containers/pause:3.9')?.url, 'https://console.cloud.google.com/gcr/images/google-containers/GLOBAL/pause');
    assert.equal(imagePage('eu.gcr.io/proj/app')?.url, 'https://console.cloud.google.com/gcr/images/proj/EU/app');
    assert.equal(imagePage('europe-west1-docker.pkg.dev/proj/repo/app:1')?.url, 'https://console.cloud.google.com/artifacts/docker/proj/europe-west1/repo/app');
    for (const name of ['registry.example.com/team/app:1', 'localhost:5000/app', '123456789012.dkr.ecr.us-east-1.amazonaws.com/app', 'Upper/Case']) assert.equal(imagePage(name), undefined, name);
    checkLinks('services:\n  a:\n    image: ${REGISTRY}/app\n  b:\n    image: "⟦${IMAGE:-redis}⟧"\n', ['https://hub.docker.com/_/redis']);
  });

  it('links file-valued keys resolved against the compose file folder, the Dockerfile against its context', () => {
    checkLinks(
      'include:\n  - ⟦../common/compose.yaml⟧\n  - path: [⟦./db.yaml⟧]\n    env_file: ⟦db.env⟧\nservices:\n  web:\n    env_file: [⟦.env⟧, {path: ⟦./extra.env⟧, required: false}]\n    label_file: ⟦./labels⟧\n    extends: {file: ⟦base.yaml⟧, service: web}\n    build: {context: ./app, dockerfile: ⟦Dockerfile.dev⟧}\nconfigs:\n  c: {file: ⟦./conf/app.conf⟧}\nsecrets:\n  s:\n    file: "⟦/run/secret.txt⟧"\n',
      ['/common/compose.yaml', '/proj/db.yaml', '/proj/db.env', '/proj/.env', '/proj/extra.env', '/proj/labels', '/proj/base.yaml', '/proj/app/Dockerfile.dev', '/proj/conf/app.conf', '/run/secret.txt'],
    );
  });

  it('links a build context to the Dockerfile it holds and bind mounts only to files that exist', () => {
    checkLinks(
      'services:\n  web:\n    build: ⟦./app⟧\n    volumes:\n      - "⟦./conf/nginx.conf⟧:/etc/nginx/nginx.conf:ro"\n      - ./missing.conf:/x\n      - data:/data\n      - {type: bind, source: ⟦conf/nginx.conf⟧, target: /y}\n  api:\n    build: ./api\n',
      ['/proj/app/Dockerfile', '/proj/conf/nginx.conf', '/proj/conf/nginx.conf'],
    );
  });

  it('gives no file links for remote resources, ~ paths, credential specs or a document without a path', () => {
    checkLinks('include:\n  - oci://docker.io/x/y\nservices:\n  web:\n    build: https://github.com/x/y.git#main\n    env_file: ~/secrets.env\n    credential_spec: {file: spec.json}\n', []);
    checkLinks('services:\n  web:\n    image: ⟦nginx⟧\n    env_file: .env\n', ['https://hub.docker.com/_/nginx'], false);
  });
});
