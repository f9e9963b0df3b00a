/** The path part of a document URI, for file-name based decisions (stack mode). */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** The absolute `/`-separated path of a `file:` URI (`/c:/x` for a Windows drive), or undefined for other schemes. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const path = uriPath(uri);
  return /^\/[A-Za-z]:/.test(path) ? path.replace(/\\/g, '/') : path;
}

/** The `file:` URI of an absolute `/`-separated path. */
export function fileUri(path: string): string {
  return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
}
