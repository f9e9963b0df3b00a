/**
 * How compose-go resolves the local files a Compose file names (compose-go `paths/resolve.go`): against
 * the Compose file's folder, and a Dockerfile against its build context. Shared by document links,
 * path completion, `build.target` completion and the missing-target check, so they agree on which file
 * a value means.
 */
import { isUtf16 } from '../encoding';
import { resolvePath, type FileHost } from '../host';
import { asMap, get, text, type Node } from '../parse/tree';

/** Git URLs, `oci://` includes and other remote resources that compose-go fetches rather than reads. */
export function isRemote(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git@') || /^github\.com\//.test(value);
}

/** A value that names a local path the core can resolve: not remote, not `~` (the core knows no home folder). */
export function isLocalPath(value: string): boolean {
  return !isRemote(value) && !value.startsWith('~');
}

export interface BuildFiles {
  /** The build context folder. */
  readonly context: string;
  /** The Dockerfile's path (`dockerfile` against the context, `Dockerfile` by default); undefined with `dockerfile_inline`. */
  readonly dockerfile: string | undefined;
  /** The `dockerfile_inline` text. */
  readonly inline: string | undefined;
}

/**
 * The context and Dockerfile of `build: ./dir` or `build: {context, dockerfile, dockerfile_inline}`,
 * resolved against `folder`; undefined for a remote or unknowable context. compose-go's loader
 * defaults the context to `.` and the Dockerfile to `Dockerfile`.
 */
export function buildFiles(build: Node | undefined, folder: string): BuildFiles | undefined {
  if (!build) return undefined;
  const contextNode = build.kind === 'map' ? get(build, 'context') : build;
  const contextValue = contextNode ? text(contextNode) : '.';
  if (contextValue === undefined || !isLocalPath(contextValue)) return undefined;
  const context = resolvePath(folder, contextValue.replace(/\\/g, '/'));
  const inline = text(get(asMap(build), 'dockerfile_inline'));
  if (inline !== undefined) return { context, dockerfile: undefined, inline };
  const dockerfileNode = get(asMap(build), 'dockerfile');
  const dockerfile = dockerfileNode ? text(dockerfileNode) : 'Dockerfile';
  if (dockerfile === undefined || !isLocalPath(dockerfile)) return { context, dockerfile: undefined, inline: undefined };
  return { context, dockerfile: resolvePath(context, dockerfile.replace(/\\/g, '/')), inline: undefined };
}

/** The Dockerfile a `build` uses, with a label for messages; undefined when it cannot be read as text. */
export function readDockerfile(build: Node | undefined, folder: string, host: FileHost): { readonly label: string; readonly text: string } | undefined {
  const files = buildFiles(build, folder);
  if (!files) return undefined;
  if (files.inline !== undefined) return { label: 'dockerfile_inline', text: files.inline };
  if (files.dockerfile === undefined) return undefined;
  const read = host.read(files.dockerfile);
  // BuildKit reads a Dockerfile as UTF-8 and drops only a UTF-8 byte order mark (frontend/dockerfile/parser/parser.go
  // utf8bom): stages written in UTF-16 are no stages to it.
  return read.kind === 'text' && !isUtf16(read.encoding) ? { label: files.dockerfile, text: read.text } : undefined;
}
