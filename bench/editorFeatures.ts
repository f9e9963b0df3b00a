/**
 * Latency of the editor features of issue 15 on a generated 1,000-service file, in process with the
 * document parsed once (as the server's per-version cache does): median and max of repeated calls.
 * Run alone with `npx tsx bench/editorFeatures.ts [services]`; `npm run bench` runs it after its table.
 */
import { memoryHost } from '../server/src/service/host';
import { createLanguageService } from '../server/src/service/index';
import { schemas, service } from '../test/support/service';
import { generateCompose } from './generate';

const RUNS = 15;

/** Docker DX's image registries (client/src/peers.ts), for the links Shipshape leaves to it. */
const DOCKER_DX = { peers: { imageLinks: ['docker.io', 'ghcr.io', 'quay.io', 'mcr.microsoft.com'] } };

/** The folder beside /bench/compose.yaml that path and build-stage completion read. */
const folder = createLanguageService({
  schemas,
  host: memoryHost({ '/bench/.env': 'TZ=UTC\n', '/bench/conf/app.env': 'A=1\n', '/bench/app/Dockerfile': 'FROM node:20 AS build\nFROM nginx:1.27 AS runtime\n' }),
});
/** A service first in `services:` whose `env_file` and `build.target` are being typed. */
const PROBE = '  probe:\n    env_file: ./\n    build:\n      context: ./app\n      target: \n';

function time(run: () => unknown): { median: number; max: number } {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! };
}

export function benchEditorFeatures(services = 1000): void {
  const text = generateCompose(services);
  const doc = service.parse(text, 'compose');
  const middle = Math.floor(text.length / 2);
  // About one screen (60 lines) around the middle of the file.
  const screen = { start: middle, end: text.indexOf('\n', middle + 3000) };
  const probed = text.replace('\nservices:\n', `\nservices:\n${PROBE}`);
  const probe = folder.parse(probed, 'compose');
  const envFile = probed.indexOf('env_file: ./') + 'env_file: ./'.length;
  const target = probed.indexOf('target: ') + 'target: '.length;
  const features: [string, () => unknown][] = [
    ['foldingRange', () => service.foldingRanges(doc)],
    ['selectionRange (1 cursor)', () => service.selectionRanges(doc, [middle])],
    ['documentLink', () => service.documentLinks(doc, '/bench/compose.yaml')],
    ['documentLink (beside Docker DX)', () => service.documentLinks(doc, '/bench/compose.yaml', DOCKER_DX)],
    ['completion (env_file path)', () => folder.completion(probe, envFile, undefined, {}, '/bench/compose.yaml')],
    ['completion (build.target stage)', () => folder.completion(probe, target, undefined, {}, '/bench/compose.yaml')],
    ['semanticTokens/full', () => service.semanticTokens(doc)],
    ['semanticTokens/range (screen)', () => service.semanticTokens(doc, screen)],
    ['inlayHint (screen)', () => service.inlayHints(doc, screen)],
    ['codeAction (screen, all findings)', () => service.codeActions(doc, screen)],
    ['codeLens (references)', () => service.codeLenses(doc)],
    ['formatting (formatted already)', () => service.format(doc, { tabSize: 2 })],
    ['formatting (every line moves)', () => service.format(doc, { tabSize: 4 })],
    ['rangeFormatting (screen)', () => service.format(doc, { tabSize: 4 }, screen)],
    ['workspaceSymbol ("svc1")', () => service.workspaceSymbols([{ path: '/bench/compose.yaml', doc }], 'svc1')],
  ];
  console.log(`\nEditor features, ${services} services (${(text.length / 1024).toFixed(0)} KB), in process:`);
  for (const [name, run] of features) {
    const { median, max } = time(run);
    console.log(`  ${name.padEnd(32)} median ${median.toFixed(1).padStart(7)} ms   max ${max.toFixed(1).padStart(7)} ms`);
  }
}

if (require.main === module) benchEditorFeatures(Number(process.argv[2] ?? 1000));
