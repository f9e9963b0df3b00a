/**
 * "Run service" / "Run all" code lenses on Compose files and "Deploy stack" on stack files (setting
 * `shipshape.codeLens.run`, off by default). They run in a VS Code terminal, and only when a `docker`
 * executable is on the PATH. Where the services are, and whether the file is a stack file, comes from the
 * server (`compose/runTargets`); the command line from ./commandLine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RUN_TARGETS_METHOD, type LspRange, type RunTargetsParams, type RunTargetsResult } from '../../../server/src/protocol';
import { runCommand } from './commandLine';

const SETTING = 'codeLens.run';

/** Whether a `docker` executable is on the PATH (looked up once per PATH value). */
const dockerOnPath = (() => {
  let checked: { path: string; found: boolean } | undefined;
  return (): boolean => {
    const search = process.env['PATH'] ?? '';
    if (checked?.path !== search) {
      const names = process.platform === 'win32' ? ['docker.exe', 'docker.cmd'] : ['docker'];
      const found = search
        .split(path.delimiter)
        .filter(Boolean)
        .some((dir) => names.some((name) => isExecutable(path.join(dir, name))));
      checked = { path: search, found };
    }
    return checked.found;
  };
})();

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const toRange = (range: LspRange) => new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);

class RunLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (document.uri.scheme !== 'file' || !vscode.workspace.getConfiguration('shipshape').get<boolean>(SETTING, false) || !dockerOnPath()) return [];
    const params: RunTargetsParams = { textDocument: { uri: document.uri.toString() } };
    const targets = await this.client.sendRequest<RunTargetsResult | undefined>(RUN_TARGETS_METHOD, params);
    if (!targets?.servicesRange) return [];
    const uri = document.uri;
    if (targets.mode === 'stack') {
      return [new vscode.CodeLens(toRange(targets.servicesRange), { title: '$(play) Deploy stack', command: 'shipshape.runFile', arguments: [uri, 'stack'] })];
    }
    return [
      new vscode.CodeLens(toRange(targets.servicesRange), { title: '$(play) Run all', command: 'shipshape.runFile', arguments: [uri, 'compose'] }),
      ...targets.services.map(
        (target) => new vscode.CodeLens(toRange(target.range), { title: '$(play) Run service', command: 'shipshape.runFile', arguments: [uri, 'compose', target.name] }),
      ),
    ];
  }
}

/** Runs the file (or one service) in a new terminal; unsaved changes are saved first, since docker reads the disk. */
async function runFile(uri: unknown, mode: unknown, service: unknown): Promise<void> {
  if (!(uri instanceof vscode.Uri) || (mode !== 'compose' && mode !== 'stack')) return;
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
  if (document?.isDirty && !(await document.save())) return;
  const command = runCommand({ mode, file: uri.fsPath, ...(typeof service === 'string' ? { service } : {}), platform: process.platform });
  const terminal = vscode.window.createTerminal({ name: command.name, cwd: command.cwd });
  terminal.show();
  terminal.sendText(command.text);
}

export function registerRunLenses(context: vscode.ExtensionContext, client: LanguageClient, selector: vscode.DocumentSelector): void {
  const provider = new RunLensProvider(client);
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider(selector, provider),
    vscode.commands.registerCommand('shipshape.runFile', runFile),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(`shipshape.${SETTING}`) && provider.refresh()),
  );
}
