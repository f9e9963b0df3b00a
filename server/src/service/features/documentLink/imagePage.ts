/**
 * The public web page of an image reference (`nginx:1.27`, `ghcr.io/owner/app@sha256:…`), for the
 * registries that have one per repository. Private and unknown registries get none: guessing a URL
 * there would send the user to a login page or a 404. Reference grammar: distribution/reference
 * (`reference.go`): an optional domain (has a `.` or `:`, or is `localhost`), a path, then `:tag`
 * and/or `@digest`.
 */

export interface ImageName {
  /** Length of the repository part (domain and path, without tag or digest) in the reference. */
  readonly length: number;
  readonly url: string;
  /** The registry host as written (`ghcr.io`), undefined for a Docker Hub name written without one. */
  readonly host: string | undefined;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export function imagePage(reference: string): ImageName | undefined {
  const at = reference.indexOf('@');
  const withTag = at < 0 ? reference : reference.slice(0, at);
  const lastSlash = withTag.lastIndexOf('/');
  const colon = withTag.indexOf(':', lastSlash + 1);
  const repository = colon < 0 ? withTag : withTag.slice(0, colon);
  const parts = repository.split('/');
  const first = parts[0]!;
  const hasDomain = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const domain = hasDomain ? first : 'docker.io';
  const path = hasDomain ? parts.slice(1) : parts;
  if (path.length === 0 || !path.every((part) => COMPONENT.test(part))) return undefined;
  const url = pageUrl(domain.toLowerCase(), path);
  return url ? { length: repository.length, url, host: hasDomain ? first : undefined } : undefined;
}

function pageUrl(domain: string, path: readonly string[]): string | undefined {
  const joined = path.join('/');
  switch (domain) {
    case 'docker.io':
    case 'index.docker.io':
    case 'registry-1.docker.io':
      // Official images live under `library/`; Docker Hub shows them at /_/name.
      if (path.length === 1 || (path.length === 2 && path[0] === 'library')) return `https://hub.docker.com/_/${path[path.length - 1]}`;
      return path.length === 2 ? `https://hub.docker.com/r/${joined}` : undefined;
    case 'ghcr.io':
      // GitHub redirects ghcr.io/owner/name to the package page.
      return path.length >= 2 ? `https://ghcr.io/${joined}` : undefined;
    case 'quay.io':
      return path.length === 2 ? `https://quay.io/repository/${joined}` : undefined;
    case 'mcr.microsoft.com':
      return `https://mcr.microsoft.com/artifact/mar/${joined}`;
    case 'public.ecr.aws':
      return path.length === 2 ? `https://gallery.ecr.aws/${joined}` : undefined;
  }
  const gcr = /^(?:(us|eu|asia)\.)?gcr\.io$/.exec(domain);
  if (gcr && path.length >= 2) return `https://console.cloud.google.com/gcr/images/${path[0]}/${(gcr[1] ?? 'global').toUpperCase()}/${path.slice(1).join('/')}`;
  const artifactRegistry = /^([a-z0-9-]+)-docker\.pkg\.dev$/.exec(domain);
  if (artifactRegistry && path.length >= 3) return `https://console.cloud.google.com/artifacts/docker/${path[0]}/${artifactRegistry[1]}/${path.slice(1).join('/')}`;
  return undefined;
}
