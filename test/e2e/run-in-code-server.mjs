// Runs one extension test suite inside code-server (VS Code server + web workbench from npm) in headless
// Debian Chromium, with the standard extensionDevelopmentPath + extensionTestsPath contract. See
// test/e2e/README.md. Exit status: the suite's (0 = all passed), 124 on timeout, 2 on set-up failure.
//
//   node run-in-code-server.mjs --code-server DIR --node NODE24 --ext DIR --tests FILE --workspace DIR
//     [--install-vsix FILE] [--shots DIR] [--timeout SECONDS] [--chromium PATH]
//
// While the suite runs, a UI bridge on another loopback port lets the tests (in the extension host) look at
// the rendered workbench: its URL reaches them as VSCODE_E2E_UI_URL through code-server's environment.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: opts } = parseArgs({
  options: {
    'code-server': { type: 'string' },
    node: { type: 'string' },
    ext: { type: 'string' },
    tests: { type: 'string' },
    workspace: { type: 'string' },
    'install-vsix': { type: 'string', multiple: true, default: [] },
    shots: { type: 'string', default: 'test-artifacts/e2e' },
    timeout: { type: 'string', default: process.env.VSCODE_E2E_TIMEOUT ?? '300' },
    chromium: { type: 'string', default: process.env.VSCODE_E2E_CHROMIUM ?? '/usr/bin/chromium' },
  },
});
for (const required of ['code-server', 'node', 'ext', 'tests', 'workspace']) {
  if (!opts[required]) fail(`missing --${required}`);
}
const verbose = process.env.CS_E2E_VERBOSE === '1';
const started = Date.now();
const log = (message) => console.log(`[e2e] ${message} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
const shots = path.resolve(opts.shots);
fs.mkdirSync(shots, { recursive: true });

// Everything code-server and Chromium write goes to a temporary folder, not to $HOME.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-e2e-'));
const userData = path.join(tmp, 'user-data');
const extensionsDir = path.join(tmp, 'extensions');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
fs.writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify({
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    // The web workbench saves after a delay by default; desktop VS Code (and the tests' fixtures) expect
    // edits to stay unsaved until a test restores the file.
    'files.autoSave': 'off',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
  }),
);
const entry = path.join(opts['code-server'], 'out', 'node', 'entry.js');
const serverEnv = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') };
const commonArgs = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensionsDir];

let server;
let browser;
let bridge;
process.on('SIGINT', () => void finish(130));
process.on('SIGTERM', () => void finish(143));

try {
  for (const vsix of opts['install-vsix']) installVsix(path.resolve(vsix));
  const page = await openBrowser();
  bridge = await startBridge(page);
  const port = await startCodeServer(bridge.url);
  const exitCode = await runSuite(page, port);
  if (exitCode !== 0) await page.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => undefined);
  await finish(exitCode);
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  await finish(2);
}

function installVsix(vsix) {
  const result = spawnSync(opts.node, [entry, ...commonArgs, '--install-extension', vsix], { env: serverEnv, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  log(`installed ${path.basename(vsix)}`);
}

async function openBrowser() {
  browser = await chromium.launch({
    executablePath: opts.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'chromium') },
  });
  return browser.newPage({ viewport: { width: 1400, height: 900 } });
}

async function startCodeServer(uiUrl) {
  const port = await freePort();
  const args = [
    entry, ...commonArgs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver',
  ];
  server = spawn(opts.node, args, { env: { ...serverEnv, VSCODE_E2E_UI_URL: uiUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr.on('data', (chunk) => verbose && process.stderr.write(chunk));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start within 60s')), 60_000);
    server.once('exit', (code) => reject(new Error(`code-server exited with ${code}`)));
    server.stdout.on('data', (chunk) => {
      if (verbose) process.stdout.write(chunk);
      if (chunk.toString().includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  log(`code-server listening on 127.0.0.1:${port}`);
  return port;
}

/** Opens the workbench with the suite in the payload and resolves with the exit code the suite reports. */
async function runSuite(page, port) {
  const authority = `127.0.0.1:${port}`;
  const remote = (file) => `vscode-remote://${authority}${path.resolve(file)}`;
  const exited = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...args);
    if (verbose || !isNoise(line)) (type === 'error' ? console.error : console.log)(line);
  });
  const payload = [
    ['extensionDevelopmentPath', remote(opts.ext)],
    ['extensionTestsPath', remote(opts.tests)],
    ['skipWelcome', 'true'],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(path.resolve(opts.workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log('opening workbench');
  await page.goto(url);
  const seconds = Number(opts.timeout);
  const timeout = new Promise((resolve) => setTimeout(() => resolve(124), seconds * 1000).unref());
  const code = await Promise.race([exited, timeout]);
  log(code === 124 ? `suite timed out after ${seconds}s` : `extension host exited with code ${code}`);
  return code;
}

/**
 * The UI bridge: GET /screenshot?name=, /count?selector=, /text?selector= (workbench DOM),
 * /frame-text?selector= (textContent in every frame, i.e. webview content) and /frame-click?selector= (first match in any
 * frame). Answers JSON.
 */
async function startBridge(page) {
  const routes = {
    '/screenshot': async (q) => {
      const file = path.join(shots, `${q.get('name').replace(/[^\w.-]/g, '_')}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    '/count': (q) => page.locator(q.get('selector')).count(),
    '/text': (q) => page.locator(q.get('selector')).allInnerTexts(),
    // textContent, not innerText: webviews may draw with SVG, whose elements have no innerText.
    '/frame-text': async (q) => (await Promise.all(page.frames().map((f) => f.locator(q.get('selector')).allTextContents().catch(() => [])))).flat(),
    '/frame-click': async (q) => {
      for (const frame of page.frames()) {
        const target = frame.locator(q.get('selector')).first();
        if ((await target.count().catch(() => 0)) > 0) {
          await target.click();
          return true;
        }
      }
      return false;
    },
  };
  const httpServer = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://bridge');
    const route = routes[url.pathname];
    Promise.resolve(route ? route(url.searchParams) : Promise.reject(new Error(`unknown route ${url.pathname}`)))
      .then((result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)))
      .catch((error) => res.writeHead(500).end(String(error instanceof Error ? error.message : error)));
  });
  await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${httpServer.address().port}`, close: () => httpServer.close() };
}

/**
 * Start-up chatter of the workbench and what it logs without network access; it says nothing about the
 * suite (CS_E2E_VERBOSE=1 shows it).
 */
function isNoise(line) {
  return (
    /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[reconnection-grace-time\]|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])/.test(line) ||
    /ENOTFOUND|open-vsx\.org|authentication provider|marketplace|Failed to fetch|net::ERR_|ERR_NAME_NOT_RESOLVED|\[uncaught exception\]: Canceled/.test(line)
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function finish(code) {
  bridge?.close();
  await browser?.close().catch(() => undefined);
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}

function fail(message) {
  console.error(`[e2e] ${message}`);
  process.exit(2);
}
