/** LanguageClient options: the bundled server, the documents it serves, and the settings it receives. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ShipshapeSettings } from '../../server/src/protocol';

/**
 * VS Code's built-in YAML extension gives `compose.yaml` & co. the `dockercompose` language id; stack
 * files and other Compose names stay `yaml`, so those are matched by pattern.
 */
export function documentSelector(): DocumentSelector {
  const patterns = vscode.workspace.getConfiguration('shipshape').get<string[]>('stackFilePatterns') ?? [];
  return [
    { language: 'dockercompose' },
    { language: 'yaml', pattern: '**/{docker-compose,compose}*.{yml,yaml}' },
    ...patterns.map((pattern) => ({ language: 'yaml', pattern })),
  ];
}

export function settings(): ShipshapeSettings {
  const config = vscode.workspace.getConfiguration('shipshape');
  return {
    enable: config.get<boolean>('enable', true),
    stackFilePatterns: config.get<string[]>('stackFilePatterns', []),
    rules: config.get<Record<string, string>>('rules', {}),
    diagnostics: { debounceMs: config.get<number>('diagnostics.debounceMs', 150) },
  };
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    initializationOptions: { settings: settings() },
    synchronize: { configurationSection: 'shipshape' },
  };
  return new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
}
