/**
 * Loads the BUILT webview (dist/webview) in Debian's headless Chromium through playwright-core, inside the
 * page the panel itself serves (graphHtml, real CSP and nonce) with a stubbed acquireVsCodeApi. Shared by
 * the browser tests, the layout benchmark and the screenshot script.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { graphHtml } from '../../client/src/graph/html';
import type { FromWebview, ToWebview } from '../../client/src/graph/messages';
import { toNetworkGraph } from '../../server/src/lsp/convert';
import type { NetworkGraphResult } from '../../server/src/protocol';
import type { ComposeMode } from '../../server/src/service/index';
import { ROOT, service } from '../support/service';

/** Debian's package; SHIPSHAPE_CHROMIUM points elsewhere. Nothing here ever downloads a browser. */
export function chromiumPath(): string | undefined {
  const candidate = process.env['SHIPSHAPE_CHROMIUM'] ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : undefined;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** The graph the server would send for `text`, with LSP ranges. */
export function graphFor(text: string, mode: ComposeMode = 'compose'): NetworkGraphResult {
  const doc = service.parse(text, mode);
  return toNetworkGraph(doc, service.networkGraph(doc));
}

export interface GraphPage {
  readonly page: Page;
  /** Messages the webview posted to the (stub) host. */
  posted(): Promise<FromWebview[]>;
  send(message: ToWebview): Promise<void>;
  /** CSP violations and console errors seen so far. */
  readonly problems: string[];
  close(): Promise<void>;
}

/**
 * The theme variables the stylesheet reads, with VS Code's Dark Modern and Light Modern values; VS Code
 * sets them on <html> the same way, so screenshots look as they do in the editor.
 */
const THEMES = {
  dark: {
    'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', 'font-family': 'system-ui, sans-serif', 'editor-font-family': 'monospace',
    'sideBar-background': '#181818', 'panel-border': '#2b2b2b', 'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c',
    'focusBorder': '#0078d4', 'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
    'descriptionForeground': '#9d9d9d', 'editorWidget-background': '#202020', 'editorWidget-border': '#454545', 'editor-inactiveSelectionBackground': '#3a3d41',
    'charts-blue': '#3794ff', 'charts-green': '#89d185', 'charts-orange': '#d18616', 'charts-purple': '#b180d7', 'badge-background': '#616161', 'badge-foreground': '#f8f8f8',
    'errorForeground': '#f85149', 'editorWarning-foreground': '#cca700', 'inputValidation-errorBackground': '#5a1d1d', 'editorCursor-foreground': '#aeafad',
    'button-background': '#0078d4', 'button-foreground': '#ffffff', 'editorHoverWidget-background': '#202020', 'editorHoverWidget-foreground': '#cccccc', 'editorHoverWidget-border': '#454545',
    'input-placeholderForeground': '#989898', 'widget-shadow': 'rgba(0, 0, 0, 0.36)',
  },
  light: {
    'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', 'font-family': 'system-ui, sans-serif', 'editor-font-family': 'monospace',
    'sideBar-background': '#f8f8f8', 'panel-border': '#e5e5e5', 'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece',
    'focusBorder': '#005fb8', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
    'descriptionForeground': '#3b3b3b', 'editorWidget-background': '#f8f8f8', 'editorWidget-border': '#c8c8c8', 'editor-inactiveSelectionBackground': '#e5ebf1',
    'charts-blue': '#1a85ff', 'charts-green': '#388a34', 'charts-orange': '#d18616', 'charts-purple': '#652d90', 'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b',
    'errorForeground': '#f85149', 'editorWarning-foreground': '#bf8803', 'inputValidation-errorBackground': '#f2dede', 'editorCursor-foreground': '#000000',
    'button-background': '#005fb8', 'button-foreground': '#ffffff', 'editorHoverWidget-background': '#f8f8f8', 'editorHoverWidget-foreground': '#3b3b3b', 'editorHoverWidget-border': '#c8c8c8',
    'input-placeholderForeground': '#767676', 'widget-shadow': 'rgba(0, 0, 0, 0.16)',
  },
  /** VS Code's Default High Contrast (dark): black, white text, cyan borders, translucent description text. */
  'high-contrast': {
    'editor-background': '#000000', 'editor-foreground': '#ffffff', 'font-family': 'system-ui, sans-serif', 'editor-font-family': 'monospace',
    'sideBar-background': '#000000', 'panel-border': '#6fc3df', 'contrastBorder': '#6fc3df', 'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df',
    'focusBorder': '#f38518', 'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff', 'button-border': '#6fc3df',
    'descriptionForeground': 'rgba(255, 255, 255, 0.7)', 'editorWidget-background': '#0c141f', 'editorWidget-border': '#6fc3df', 'editor-inactiveSelectionBackground': 'rgba(255, 255, 255, 0)',
    'charts-blue': '#3794ff', 'charts-green': '#89d185', 'charts-orange': '#d18616', 'charts-purple': '#b180d7', 'badge-background': '#000000', 'badge-foreground': '#ffffff',
    'errorForeground': '#f48771', 'editorWarning-foreground': '#ffd370', 'inputValidation-errorBackground': '#000000', 'editorCursor-foreground': '#ffffff',
    'button-background': '#000000', 'button-foreground': '#ffffff', 'editorHoverWidget-background': '#0c141f', 'editorHoverWidget-foreground': '#ffffff', 'editorHoverWidget-border': '#6fc3df',
    'input-placeholderForeground': 'rgba(255, 255, 255, 0.7)', 'widget-shadow': 'rgba(0, 0, 0, 0)',
  },
};

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };

export type ThemeName = keyof typeof THEMES;
export const THEME_NAMES = Object.keys(THEMES) as ThemeName[];

export async function openGraphPage(options: { width?: number; height?: number; state?: object; theme?: ThemeName } = {}): Promise<GraphPage> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install chromium');
  const nonce = randomBytes(16).toString('base64');
  const dist = path.join(ROOT, 'dist', 'webview');
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(graphHtml({ cspSource: origin, nonce, scriptUri: `${origin}/webview/main.js`, styleUri: `${origin}/webview/graph.css` }));
      return;
    }
    const file = path.join(dist, path.basename(url.pathname));
    if (!url.pathname.startsWith('/webview/') || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: options.width ?? 1200, height: options.height ?? 800 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.exposeFunction('__cspViolation', (text: string) => problems.push(`CSP: ${text}`));
  // VS Code injects acquireVsCodeApi outside the page's CSP; so does this init script.
  // VS Code injects acquireVsCodeApi outside the page's CSP; so does this init script. (A string, not a
  // function: tsx would wrap named functions in a helper the page does not have.)
  await page.addInitScript({
    content: `(() => {
      const posted = [];
      let saved = ${JSON.stringify(options.state ?? null)} ?? undefined;
      window.__posted = posted;
      window.acquireVsCodeApi = () => ({ postMessage: (m) => posted.push(m), getState: () => saved, setState: (s) => { saved = s; } });
      document.addEventListener('DOMContentLoaded', () => {
        for (const [name, value] of Object.entries(${JSON.stringify(THEMES[options.theme ?? 'dark'])})) document.documentElement.style.setProperty('--vscode-' + name, value);
      });
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI));
    })();`,
  });
  await page.goto(`${origin}/`);
  await waitFor(page, `(window.__posted ?? []).some((m) => m.kind === 'ready')`);
  return {
    page,
    posted: () => page.evaluate<FromWebview[]>('window.__posted'),
    send: (message) => page.evaluate<void>(`window.postMessage(${JSON.stringify(message)}, '*')`),
    problems,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Sends a graph and waits until it is drawn. */
export async function showGraph(graphPage: GraphPage, graph: NetworkGraphResult, uri = 'file:///work/compose.yaml'): Promise<void> {
  const drawn = await graphPage.page.evaluate<number>('Number(document.body.dataset.drawn ?? 0)');
  await graphPage.send({ kind: 'setGraph', uri, graph });
  await waitFor(graphPage.page, `Number(document.body.dataset.drawn ?? 0) > ${drawn}`, 120000);
}

/**
 * Polls a page expression from Node. Page-side code is a string (the test project has no DOM types), and
 * Playwright's waitForFunction would evaluate it with eval, which the webview's CSP rightly blocks.
 */
export async function waitFor(page: Page, expression: string, timeout = 30000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
