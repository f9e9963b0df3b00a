/**
 * The Compose file reference on docs.docker.com, the page most findings and hovers link to. Built in one
 * place because Docker has moved it before (compose/compose-file/ became reference/compose-file/).
 */
export const COMPOSE_FILE_DOCS = 'https://docs.docker.com/reference/compose-file/';

/** A page of the reference, optionally at an anchor: `composeFileDoc('services', 'depends_on')`. */
export function composeFileDoc(page: string, anchor?: string): string {
  return `${COMPOSE_FILE_DOCS}${page}/${anchor ? `#${anchor}` : ''}`;
}
