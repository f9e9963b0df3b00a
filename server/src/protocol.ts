/**
 * Shipshape's additions to the Language Server Protocol, declared once and imported by the server and
 * the VS Code client. Payloads are plain data.
 */

/** Settings the client sends in `initializationOptions` and in `workspace/didChangeConfiguration` (section `shipshape`). */
export interface ShipshapeSettings {
  readonly enable?: boolean;
  readonly stackFilePatterns?: readonly string[];
  readonly rules?: Readonly<Record<string, string>>;
  readonly diagnostics?: { readonly debounceMs?: number };
}
