/**
 * The build stages of a Dockerfile (`FROM [--platform=…] image [AS name]`), read as BuildKit's parser
 * reads the text (moby/buildkit `frontend/dockerfile/parser/parser.go`, `directives.go`, and
 * `instructions/parse.go` `parseFrom`):
 * - parser directives (`# escape=\``) only in the comment lines at the very top; `escape` changes the
 *   line-continuation character;
 * - a line ending in the escape character (trailing blanks allowed) continues on the next; comment lines
 *   and empty lines inside a continued instruction are dropped;
 * - instruction names and `AS` are case-insensitive; flags (`--platform=…`) come before the image;
 *   BuildKit lowercases the stage name, and `--target` matches it case-insensitively;
 * - heredoc bodies (`RUN <<EOF … EOF`) are not instructions.
 */

export interface DockerfileStage {
  /** The name as written after `AS`; undefined for an unnamed stage. */
  readonly name: string | undefined;
  /** The image (or earlier stage) it starts from. */
  readonly from: string;
  /** 0-based line of its `FROM`. */
  readonly line: number;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

export function dockerfileStages(text: string): DockerfileStage[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  let i = 0;
  // Directives: leading `# key=value` lines; the first other line ends them.
  for (; i < lines.length; i++) {
    const directive = DIRECTIVE.exec(lines[i]!.trim());
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2];
  }
  const stages: DockerfileStage[] = [];
  while (i < lines.length) {
    const first = i;
    const trimmed = lines[i]!.trim();
    i++;
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    // Join continued lines, dropping comment and empty lines between them.
    let instruction = trimmed;
    while (instruction.endsWith(escape) && i < lines.length) {
      instruction = instruction.slice(0, -escape.length).trimEnd();
      while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#'))) i++;
      if (i >= lines.length) break;
      instruction += ` ${lines[i]!.trim()}`;
      i++;
    }
    i = skipHeredocs(instruction, lines, i);
    const stage = fromInstruction(instruction, first);
    if (stage) stages.push(stage);
  }
  return stages;
}

function fromInstruction(instruction: string, line: number): DockerfileStage | undefined {
  const words = instruction.split(/\s+/);
  if (words[0]!.toLowerCase() !== 'from') return undefined;
  const args = words.slice(1).filter((word) => !word.startsWith('--'));
  const from = args[0];
  if (from === undefined) return undefined;
  const named = args.length === 3 && args[1]!.toLowerCase() === 'as';
  return { name: named ? args[2] : undefined, from, line };
}

/** The line after the heredoc bodies an instruction opens (each ends at a line holding only its word). */
function skipHeredocs(instruction: string, lines: readonly string[], next: number): number {
  let i = next;
  for (const [, dash, , word] of instruction.matchAll(HEREDOC)) {
    while (i < lines.length && (dash ? lines[i]!.replace(/^\t+/, '') : lines[i]) !== word) i++;
    i++;
  }
  return Math.min(i, lines.length);
}
