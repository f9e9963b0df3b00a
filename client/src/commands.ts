/** One table from command id to handler. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): void {
  const commands: Record<string, () => unknown> = {
    'shipshape.restartServer': async () => {
      await client.restart();
      void vscode.window.setStatusBarMessage('Shipshape language server restarted', 3000);
    },
    'shipshape.showOutput': () => output.show(true),
  };
  for (const [id, handler] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, handler));
}
