/**
 * What the npm package and the .vsix hold: exactly what each runs, with the licences, notices, README,
 * CHANGELOG and icon, and nothing else (no tests, sources, source maps or dependencies). The npm tarball is
 * installed offline into a temporary prefix and its `bin` entries are run as users run them.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../support/lspClient';
import { ROOT } from '../support/service';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; icon?: string };

/** Both packages: the language server (its entry and the two files it loads, test/lsp/startup.test.ts), the configuration schemas, licences and documents. */
const COMMON = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'THIRD-PARTY-NOTICES.md',
  'dist/server-core.js',
  'dist/server.js',
  'dist/vscode-languageserver.js',
  'package.json',
  'schemas/LICENSE',
  'schemas/package-json-shipshape.schema.json',
  'schemas/shipshape-config.schema.json',
];
/** The npm package is the CLI and the language server for other editors (npm adds every README, and the schemas' says where they come from). */
const NPM = [...COMMON, 'dist/cli.js', 'schemas/README.md'].sort();
/** The extension: its client, the server, the graph webview, the grammar and the icon; no CLI (the Compose schemas are bundled in dist/server-core.js). */
const VSIX = [...COMMON, 'dist/client.js', 'dist/webview/graph.css', 'dist/webview/main.js', 'images/icon.png', 'syntaxes/compose.injection.tmLanguage.json'].sort();

function run(command: string, args: readonly string[], cwd = ROOT) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' } });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr), error: result.error };
}

describe('packages', function () {
  this.timeout(180_000);

  it('the npm package holds exactly the CLI, the server and their documents', () => {
    const result = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']);
    assert.equal(result.status, 0, result.stderr);
    const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
    assert.deepEqual(pack!.files.map((file) => file.path).sort(), NPM);
  });

  it('the .vsix holds exactly what the extension runs, and names its icon', () => {
    assert.equal(manifest.icon, 'images/icon.png');
    const result = run(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(result.stdout.split('\n').map((line) => line.trim()).filter(Boolean).sort(), VSIX);
  });

  it('both bundles print their version and usage without starting', () => {
    const cli = run(process.execPath, ['dist/cli.js', '--version']);
    assert.deepEqual([cli.status, cli.stdout], [0, `${manifest.version}\n`]);
    const version = run(process.execPath, ['dist/server.js', '--version']);
    assert.deepEqual([version.status, version.stdout], [0, `${manifest.version}\n`]);
    const help = run(process.execPath, ['dist/server.js', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: shipshape-language-server --stdio \| --node-ipc \| --socket=PORT \| --pipe=NAME\n/);
    const bare = run(process.execPath, ['dist/server.js']);
    assert.equal(bare.status, 2);
    assert.equal(bare.stderr, 'shipshape-language-server: choose a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME (--help for more)\n');
  });

  it('installs from the packed tarball and its bin entries run', async function () {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipshape-pack-'));
    try {
      const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--json']);
      assert.equal(packed.status, 0, packed.stderr);
      const tarball = path.join(dir, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
      const prefix = path.join(dir, 'install');
      const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], dir);
      if (installed.status !== 0) {
        // An offline install can fail where npm has no cache to work from: say so and skip rather than pass.
        console.log(`      skipped: npm install --offline of the tarball failed here: ${installed.stderr.split('\n').find(Boolean) ?? installed.status}`);
        this.skip();
      }
      const bin = path.join(prefix, 'node_modules', '.bin');
      assert.deepEqual(readdirSync(bin).sort(), ['shipshape', 'shipshape-language-server']);
      assert.ok(!existsSync(path.join(prefix, 'node_modules', 'shipshape', 'node_modules')), 'no dependencies installed');
      const version = run(path.join(bin, 'shipshape'), ['--version'], dir);
      assert.deepEqual([version.status, version.stdout], [0, `${manifest.version}\n`]);
      writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    imag: nginx\n');
      const checked = run(path.join(bin, 'shipshape'), ['check', 'compose.yaml'], dir);
      assert.equal(checked.status, 1, checked.stderr);
      assert.match(checked.stdout, /^compose\.yaml:3:5 error schema-unknown-property /);
      const server = run(path.join(bin, 'shipshape-language-server'), ['--version'], dir);
      assert.deepEqual([server.status, server.stdout], [0, `${manifest.version}\n`]);
      // The installed server checks a file: the files it loads after initialize were packed too.
      const lsp = await startServer({ entry: path.join(prefix, 'node_modules', 'shipshape', 'dist', 'server.js') });
      try {
        const uri = pathToFileURL(path.join(dir, 'compose.yaml')).href;
        const published = lsp.diagnostics(uri);
        lsp.open(uri, readFileSync(path.join(dir, 'compose.yaml'), 'utf8'));
        assert.deepEqual((await published).map((diagnostic) => diagnostic.code), ['schema-unknown-property']);
      } finally {
        await lsp.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
