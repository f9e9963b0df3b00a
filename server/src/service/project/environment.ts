/**
 * A project's environment: the variables interpolation reads, each knowing where it was set. As in
 * compose-go `cli/options.go` (`WithDotEnv`) and `dotenv/env.go` (`GetEnvFromFile`), env files are read
 * in order, later files win over earlier ones, and the process environment wins over every file.
 */
import { isUtf16 } from '../encoding';
import type { FileHost } from '../host';
import type { Finding, Span } from '../types';
import { parseEnvFile, type EnvEntry } from './dotenv';

export type VariableSource =
  | { readonly kind: 'env-file'; readonly path: string; readonly line: number; readonly span: Span }
  | { readonly kind: 'process' };

export interface VariableValue {
  readonly value: string;
  readonly source: VariableSource;
}

export interface Environment {
  get(name: string): VariableValue | undefined;
}

/** One env file as read, with its findings (in that file). */
export interface EnvFileState {
  readonly path: string;
  readonly text: string | undefined;
  readonly entries: readonly EnvEntry[];
  readonly findings: readonly Finding[];
  /** Why an env file that must be read could not be. */
  readonly unreadable?: string;
}

export interface LoadedEnvironment {
  readonly environment: Environment;
  readonly files: readonly EnvFileState[];
}

export interface EnvFileRequest {
  readonly path: string;
  /** An explicit `--env-file` or `envFiles` entry must exist; the implicit `.env` may be missing. */
  readonly required: boolean;
}

const UTF16_ENV = 'it is UTF-16 (what Windows PowerShell 5 writes with `>`), and Compose reads env files as UTF-8 only ("unexpected character in variable name"): save it as UTF-8';

const ENV_FILE_DOCS = 'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file';

export function loadEnvironment(host: FileHost, requests: readonly EnvFileRequest[], processEnv: Readonly<Record<string, string>> | undefined): LoadedEnvironment {
  const values = new Map<string, VariableValue>();
  const outer = (name: string) => (processEnv && Object.hasOwn(processEnv, name) ? processEnv[name] : undefined);
  const files: EnvFileState[] = [];
  for (const request of requests) {
    const read = host.read(request.path);
    if (read.kind === 'text' && isUtf16(read.encoding)) {
      // compose-go (dotenv/godotenv.go) drops a UTF-8 byte order mark only: it stops at the first bytes
      // of a UTF-16 file, the `.env` of the project directory included ("unexpected character").
      files.push({ path: request.path, text: undefined, entries: [], findings: [], unreadable: UTF16_ENV });
      continue;
    }
    if (read.kind !== 'text') {
      // The implicit `.env` may be missing, and one the host may not read (outside the workspace) is left out.
      if (request.required) files.push({ path: request.path, text: undefined, entries: [], findings: [], unreadable: read.kind === 'missing' ? 'it does not exist' : read.reason });
      continue;
    }
    const parsed = parseEnvFile(read.text, (name) => outer(name) ?? values.get(name)?.value);
    for (const entry of parsed.entries) values.set(entry.name, { value: entry.value, source: { kind: 'env-file', path: request.path, line: entry.line, span: entry.keySpan } });
    const findings = parsed.problems.map((problem): Finding => ({ code: 'env-file-invalid', severity: problem.severity, message: problem.message, span: problem.span, docUrl: ENV_FILE_DOCS }));
    files.push({ path: request.path, text: read.text, entries: parsed.entries, findings });
  }
  const environment: Environment = {
    get: (name) => {
      const fromProcess = outer(name);
      return fromProcess !== undefined ? { value: fromProcess, source: { kind: 'process' } } : values.get(name);
    },
  };
  return { environment, files };
}
