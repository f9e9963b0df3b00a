/**
 * The safety net around every request handler: a feature that throws is logged with its method and URI
 * and answered with an empty result, so one failing feature cannot take the server down or silence others.
 * Modelled on vscode's json-language-features `utils/runner.ts`.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
}

export function runSafe<T>(logger: Logger, method: string, uri: string, fallback: T, token: CancellationToken | undefined, run: () => T): T | ResponseError<undefined> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = run();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    logger.error(`${method} failed for ${uri}: ${detail}`);
    return fallback;
  }
}

function cancelled(): ResponseError<undefined> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
