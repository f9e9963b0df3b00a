/** Starts the built language server (dist/server.js, or an installed copy) over stdio and speaks JSON-RPC to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from './service';

export interface TestServer {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly stderr: () => string;
  readonly initializeResult: InitializeResult;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  /** Opens a document, as `dockercompose` unless another language id is given. */
  open(uri: string, text: string, version?: number, languageId?: string): void;
  stop(): Promise<void>;
}

export interface ServerOptions {
  readonly env?: Record<string, string>;
  readonly settings?: object;
  readonly rootUri?: string;
  readonly capabilities?: object;
  /** The server's entry: dist/server.js unless given (an installed copy). */
  readonly entry?: string;
  /** Node's own arguments, before the server's path. */
  readonly nodeArgs?: readonly string[];
  /** Called when initialize is answered, before `initialized` is sent. */
  readonly onInitializeAnswered?: () => void;
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry ?? path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version: number | undefined; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    for (const waiter of [...waiting]) {
      if (waiter.uri !== params.uri || (waiter.version !== undefined && waiter.version !== params.version)) continue;
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(params.diagnostics);
    }
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const initializeResult: InitializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, ...options.capabilities },
    initializationOptions: { settings: { diagnostics: { debounceMs: 0 }, ...options.settings } },
  });
  options.onInitializeAnswered?.();
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    stderr: () => stderr,
    initializeResult,
    diagnostics: (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve })),
    open: (uri, text, version = 1, languageId = 'dockercompose') => void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
