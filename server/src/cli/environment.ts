/** What the CLI gets from its process, injected so tests and other entry points can run it in-process. */
export interface CliEnvironment {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin: NodeJS.ReadableStream;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Whether standard output is a terminal (colour). */
  readonly isTTY: boolean;
}
