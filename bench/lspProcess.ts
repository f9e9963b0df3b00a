/**
 * A language server started as a separate process over stdio, driven like an editor would: the
 * benchmark and the stress test measure the real binary, not the core in-process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, ServerCapabilities } from 'vscode-languageserver-protocol';

export interface LspProcess {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly capabilities: ServerCapabilities;
  /** Milliseconds from spawn to the initialize response. */
  readonly initializeMs: number;
  /**
   * The next diagnostics published for `uri`; with `version`, the first published for that version
   * (servers that publish without a version match any).
   */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  /** Resident memory of the server process in MB: current (VmRSS) and peak (VmHWM), from /proc. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

/** Answers to the server's own requests (`workspace/configuration`, ...); every other request gets null. */
export type ClientRequests = Readonly<Record<string, (params: unknown) => unknown>>;

/** `rootUri`: the workspace folder (servers read a project's other files only inside it). */
export async function startLspProcess(command: readonly string[], initializationOptions: object, env: Record<string, string> = {}, requests: ClientRequests = {}, rootUri: string | null = null): Promise<LspProcess> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version: number | undefined; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    for (const waiter of [...waiting]) {
      const versionMatches = waiter.version === undefined || params.version === undefined || params.version === waiter.version;
      if (waiter.uri !== params.uri || !versionMatches) continue;
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(params.diagnostics);
    }
  });
  for (const method of ['window/logMessage', 'telemetry/event', '$/progress']) connection.onNotification(method, () => undefined);
  connection.onRequest((method: string, params: unknown) => requests[method]?.(params) ?? null);
  child.on('exit', (code) => {
    if (code) process.stderr.write(`${command.join(' ')} exited with ${code}\n${stderr}\n`);
  });
  connection.listen();
  const result = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    capabilities: { workspace: { configuration: Object.keys(requests).includes('workspace/configuration') }, textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true } } } },
    initializationOptions,
  })) as InitializeResult;
  const initializeMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    capabilities: result.capabilities,
    initializeMs,
    nextDiagnostics: (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve })),
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    async stop() {
      await Promise.race([connection.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
