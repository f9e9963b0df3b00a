/** Activation: start the language server and register commands; failures are shown, not swallowed. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { GraphPanel } from './graph/graphPanel';
import { watchPeers } from './coexistence';
import { createLanguageClient, documentSelector, sendSettings } from './languageClient';
import { registerRunLenses } from './run/runLens';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Shipshape');
  context.subscriptions.push(output);
  try {
    client = createLanguageClient(context, output);
    const started = client.start();
    const host = { context, client, started };
    registerCommands(host, output);
    context.subscriptions.push(GraphPanel.registerSerializer(host));
    await started;
    const resend = () => void sendSettings(host.client);
    context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('shipshape') && resend()));
    watchPeers(context, resend);
    registerRunLenses(context, host.client, documentSelector() as vscode.DocumentSelector);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`Shipshape failed to start: ${message}`);
    void vscode.window.showErrorMessage(`Shipshape failed to start its language server: ${message}`, 'Show Output').then((choice) => {
      if (choice) output.show(true);
    });
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
