/**
 * Document links: an `image` to its registry page, and every file-valued key to the file, resolved as
 * compose-go resolves it (compose-go `paths/resolve.go`: against the Compose file's folder; a
 * Dockerfile against its build context). Names that use a variable without a default, remote
 * resources (Git URLs, `oci://`) and `~` paths (the core knows no home folder) get no link.
 * `credential_spec.file` is not linked: Docker reads it from its own data folder
 * (`CredentialSpecs` under `C:\ProgramData\Docker`), not beside the Compose file.
 */
import { dirname, resolvePath, type FileHost } from '../host';
import type { ComposeDocument } from '../parse/model';
import { asMap, get, listItems, text, type Node } from '../parse/tree';
import type { PeerCoverage, Span } from '../types';
import { imagePage } from './documentLink/imagePage';
import { peerLinksImage } from './peers';
import { buildFiles, isLocalPath } from './localFiles';

export type LinkTarget = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'file'; readonly path: string };

export interface DocumentLink {
  readonly span: Span;
  readonly target: LinkTarget;
  readonly tooltip: string;
}

export interface LinkContext {
  readonly host: FileHost;
  /** The document's absolute `/`-separated path; without it only image links are given. */
  readonly path: string | undefined;
  /** What other Compose extensions already link (their image links are left to them). */
  readonly peers?: PeerCoverage | undefined;
}

export function documentLink(doc: ComposeDocument, context: LinkContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  const folder = context.path === undefined ? undefined : dirname(context.path);
  const file = (node: Node | undefined, base: string | undefined, check?: 'file'): void => {
    const link = base === undefined ? undefined : fileLink(doc, node, base);
    if (link && (check !== 'file' || context.host.read(link.target.path).kind === 'text')) links.push(link);
  };
  for (const { node } of doc.model.services.values()) {
    if (node.via) continue;
    imageLink(doc, get(node, 'image'), context.peers, links);
    for (const item of listItems(get(node, 'env_file')).concat(single(get(node, 'env_file')))) file(item.kind === 'map' ? get(item, 'path') : item, folder);
    for (const item of listItems(get(node, 'label_file')).concat(single(get(node, 'label_file')))) file(item, folder);
    const extendsNode = get(node, 'extends');
    if (extendsNode?.kind === 'map') file(get(extendsNode, 'file'), folder);
    if (folder !== undefined) buildLinks(doc, get(node, 'build'), folder, context.host, links);
    for (const item of listItems(get(node, 'volumes'))) file(bindSource(item), folder, 'file');
  }
  for (const section of ['configs', 'secrets'] as const) {
    for (const { node } of doc.model[section].values()) if (!node.via) file(get(node, 'file'), folder);
  }
  for (const { key, node } of doc.model.topLevel) {
    if (key !== 'include') continue;
    for (const item of listItems(node)) {
      if (item.kind !== 'map') {
        file(item, folder);
        continue;
      }
      for (const path of [get(item, 'path'), get(item, 'env_file')]) for (const one of listItems(path).concat(single(path))) file(one, folder);
    }
  }
  return links.sort((a, b) => a.span.start - b.span.start);
}

/** A scalar as a one-item list, so keys taking a string or a list of strings are read alike. */
function single(node: Node | undefined): Node[] {
  return node?.kind === 'scalar' ? [node] : [];
}

function imageLink(doc: ComposeDocument, node: Node | undefined, peers: PeerCoverage | undefined, links: DocumentLink[]): void {
  const value = text(node);
  const content = node && contentSpan(node);
  if (value === undefined || !content) return;
  const page = imagePage(value);
  if (!page) return;
  // When the source is the name itself the link stops before the tag; an interpolated name links whole.
  const literal = doc.text.slice(content.start, content.end) === value;
  if (literal && peerLinksImage(value, page, peers)) return;
  const span = literal ? { start: content.start, end: content.start + page.length } : content;
  links.push({ span, target: { kind: 'url', url: page.url }, tooltip: `Open ${value.slice(0, page.length)} on its registry` });
}

/** `build: ./dir` or `build: {context, dockerfile}`: the context links to the Dockerfile it builds, when there is one. */
function buildLinks(doc: ComposeDocument, build: Node | undefined, folder: string, host: FileHost, links: DocumentLink[]): void {
  const contextPath = buildFiles(build, folder)?.context;
  if (!build || contextPath === undefined) return;
  const contextNode = build.kind === 'map' ? get(build, 'context') : build;
  const dockerfileNode = asMap(build) ? get(build, 'dockerfile') : undefined;
  const dockerfile = fileLink(doc, dockerfileNode, contextPath);
  if (dockerfile) links.push(dockerfile);
  const contextLink = fileLink(doc, contextNode, folder);
  if (!contextLink || dockerfileNode) return;
  const path = resolvePath(contextPath, 'Dockerfile');
  if (host.read(path).kind === 'text') links.push({ ...contextLink, target: { kind: 'file', path }, tooltip: `Open the Dockerfile of ${path.slice(0, -'/Dockerfile'.length)}` });
}

/** The host path of a bind mount (`./conf:/etc/x:ro` or `{type: bind, source}`). */
function bindSource(item: Node): Node | undefined {
  if (item.kind === 'map') return text(get(item, 'type')) === 'bind' ? get(item, 'source') : undefined;
  const value = text(item);
  return value !== undefined && /^[./]/.test(value) && value.includes(':') ? item : undefined;
}

function fileLink(doc: ComposeDocument, node: Node | undefined, base: string): (DocumentLink & { target: { kind: 'file' } }) | undefined {
  if (node?.kind !== 'scalar' || node.via) return undefined;
  const raw = text(node);
  const content = contentSpan(node);
  if (raw === undefined || raw === '' || !content || !isLocalPath(raw)) return undefined;
  // A short bind mount names its source before the first colon.
  const isMount = /^[./]/.test(raw) && raw.includes(':') && !/^[A-Za-z]:[\\/]/.test(raw);
  const value = isMount ? raw.slice(0, raw.indexOf(':')) : raw;
  const path = resolvePath(base, value.replace(/\\/g, '/'));
  const literal = doc.text.slice(content.start, content.start + value.length) === value;
  const span = literal ? { start: content.start, end: content.start + value.length } : content;
  return { span, target: { kind: 'file', path }, tooltip: `Open ${path}` };
}

/** The scalar's text inside its quotes; undefined for block scalars and empty values. */
function contentSpan(node: Node): Span | undefined {
  if (node.kind !== 'scalar' || node.style === 'block' || node.span.end <= node.span.start) return undefined;
  const quoted = node.style === 'single' || node.style === 'double' ? 1 : 0;
  return { start: node.span.start + quoted, end: node.span.end - quoted };
}
