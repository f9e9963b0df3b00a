/** LanguageClient options: the bundled server, the documents it serves, and the settings it receives. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ShipshapeSettings } from '../../server/src/protocol';
import { currentCoverage } from './coexistence';

/**
 * VS Code's built-in YAML extension gives `compose.yaml` & co. the `dockercompose` language id; stack
 * files and other Compose names stay `yaml`, so those are matched by pattern. Every name with `stack`
 * in it is served (server/src/service/mode/paths.ts STACK_CANDIDATE_PATTERNS): the server decides from
 * the content whether `kafka-stack.yml` is a stack file, and leaves alone what is no Compose file.
 */
export function documentSelector(): DocumentSelector {
  const patterns = vscode.workspace.getConfiguration('shipshape').get<string[]>('stackFilePatterns') ?? [];
  return [
    { language: 'dockercompose' },
    { language: 'yaml', pattern: '**/{docker-compose,compose}*.{yml,yaml}' },
    { language: 'yaml', pattern: '**/*stack*.{yml,yaml}' },
    ...patterns.map((pattern) => ({ language: 'yaml', pattern })),
  ];
}

/**
 * A setting's value only when the user set it (user, workspace or folder settings): otherwise the
 * server goes by the project's .shipshape.yaml, which a default sent from here would override.
 */
function userValue<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

export function settings(): ShipshapeSettings {
  const config = vscode.workspace.getConfiguration('shipshape');
  const stackFilePatterns = userValue<string[]>(config, 'stackFilePatterns');
  return {
    enable: config.get<boolean>('enable', true),
    ...(stackFilePatterns === undefined ? {} : { stackFilePatterns }),
    rules: config.get<Record<string, string>>('rules', {}),
    diagnostics: { debounceMs: config.get<number>('diagnostics.debounceMs', 150) },
    format: { sequenceIndent: config.get<string>('format.sequenceIndent', 'preserve') },
    codeLens: { references: config.get<boolean>('codeLens.references', false) },
    projects: config.get<NonNullable<ShipshapeSettings['projects']>>('projects', []),
    inlayHints: { variables: config.get<boolean>('inlayHints.variables', true), inherited: config.get<boolean>('inlayHints.inherited', true), ports: config.get<boolean>('inlayHints.ports', true) },
    peers: currentCoverage(),
  };
}

/** Sends the current settings (`workspace/didChangeConfiguration`, section `shipshape`). */
export async function sendSettings(client: LanguageClient): Promise<void> {
  if (client.isRunning()) await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { shipshape: settings() } });
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
    // Settings are pushed by extension.ts (sendSettings) rather than by `synchronize`, because they carry
    // what other Compose extensions cover, which changes with their settings and installs too.
    initializationOptions: { settings: settings() },
  };
  return new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
}
