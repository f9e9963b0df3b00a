/**
 * Living with other Compose extensions: Shipshape tells its server what they already report (so nothing is
 * shown twice) and offers once to turn their duplicate Compose features off. Settings are only written when
 * the user picks "Use Shipshape for Compose files", never silently.
 */
import * as vscode from 'vscode';
import type { PeerCoverage } from '../../server/src/service/types';
import { activePeers, combinedCoverage, peerSignature, type ActivePeer, type EditorView } from './peers';

const USE_SHIPSHAPE = 'Use Shipshape';
const KEEP_BOTH = 'Keep both';
const DONT_ASK = "Don't ask again";
const KEPT_BOTH_KEY = 'shipshape.peers.keptBoth';
const DONT_ASK_KEY = 'shipshape.peers.dontAsk';

/** The settings of every peer that decides whether its Compose features are on. */
const PEER_SETTINGS = [
  'yaml.validate',
  'yaml.completion',
  'yaml.hover',
  'yaml.schemaStore.enable',
  'yaml.disableSchemaDetection',
  'docker.extension.enableComposeLanguageServer',
  'containers.enableComposeLanguageService',
  'docker.enableDockerComposeLanguageService',
];

const editorView: EditorView = {
  extensionVersion: (id) => {
    const extension = vscode.extensions.getExtension(id);
    if (!extension) return undefined;
    const version: unknown = extension.packageJSON?.version;
    return typeof version === 'string' ? version : '0';
  },
  setting: (key) => vscode.workspace.getConfiguration().get(key),
};

export function currentCoverage(): PeerCoverage {
  return combinedCoverage(activePeers(editorView));
}

/** Peers that report something Shipshape also reports and can be told to stop. */
function duplicatingPeers(): ActivePeer[] {
  return activePeers(editorView).filter((peer) => peer.turnOff !== undefined && Object.values(peer.covers).some((covered) => covered === true || (Array.isArray(covered) && covered.length > 0)));
}

/**
 * Calls `onChange` whenever the peers' coverage may have changed (an extension installed or removed, a
 * peer setting changed), and asks the user once per set of peers.
 */
export function watchPeers(context: vscode.ExtensionContext, onChange: () => void): void {
  context.subscriptions.push(
    vscode.extensions.onDidChange(() => {
      onChange();
      void askAboutPeers(context, false);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (PEER_SETTINGS.some((key) => event.affectsConfiguration(key))) onChange();
    }),
  );
  void askAboutPeers(context, false);
}

/** Shows the choice; `always` (from the command) ignores earlier answers. */
export async function askAboutPeers(context: vscode.ExtensionContext, always: boolean): Promise<void> {
  const peers = duplicatingPeers();
  if (peers.length === 0) {
    if (always) void vscode.window.showInformationMessage('No other installed extension reports the same Compose errors or completions as Shipshape.');
    return;
  }
  const signature = peerSignature(peers);
  if (!always && (context.globalState.get<boolean>(DONT_ASK_KEY) || context.workspaceState.get<string>(KEPT_BOTH_KEY) === signature)) return;
  const names = peers.map((peer) => peer.name).join(' and ');
  const one = peers.length === 1;
  const choice = await vscode.window.showInformationMessage(
    `${names} ${one ? 'also checks' : 'also check'} Compose files, so some errors and completions would show twice. ` +
      `Use Shipshape for Compose files and turn off ${one ? 'its' : 'their'} Compose checks, or keep both (Shipshape then leaves out what ${one ? 'it reports' : 'they report'}).`,
    USE_SHIPSHAPE,
    KEEP_BOTH,
    DONT_ASK,
  );
  if (choice === USE_SHIPSHAPE) await turnOff(peers);
  else if (choice === KEEP_BOTH) await context.workspaceState.update(KEPT_BOTH_KEY, signature);
  else if (choice === DONT_ASK) await context.globalState.update(DONT_ASK_KEY, true);
}

/** Writes each peer's setting in the workspace settings when a folder is open (user settings otherwise, or when the peer allows only those). */
async function turnOff(peers: readonly ActivePeer[]): Promise<void> {
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const reload: string[] = [];
  for (const peer of peers) {
    if (!peer.turnOff) continue;
    const target = inWorkspace && !peer.turnOff.userOnly ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration().update(peer.turnOff.key, peer.turnOff.value, target);
    if (peer.turnOff.needsReload) reload.push(peer.name);
  }
  if (reload.length === 0) return;
  const choice = await vscode.window.showInformationMessage(`Reload the window so that ${reload.join(' and ')} stop${reload.length === 1 ? 's' : ''} serving Compose files.`, 'Reload Window');
  if (choice) await vscode.commands.executeCommand('workbench.action.reloadWindow');
}
