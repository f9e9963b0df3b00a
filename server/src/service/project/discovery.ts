/**
 * Which Compose files make up the project a file belongs to, found as `docker compose` finds them
 * (compose-go `cli/options.go`): `COMPOSE_FILE` (split on `COMPOSE_PATH_SEPARATOR`, default `:`) when the
 * environment sets it, otherwise the first of `compose.yaml`, `compose.yml`, `docker-compose.yml`,
 * `docker-compose.yaml` in the folder plus the first of their `*.override.*` twins. Explicit sets (the
 * `shipshape.projects` setting, the CLI's `-f`) come first. A file in none of them stands alone.
 */
import { dirname, resolvePath, type FileHost } from '../host';
import type { Environment } from './environment';

/** compose-go `DefaultFileNames` and `DefaultOverrideFileNames`, in their order of preference. */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;
export const DEFAULT_OVERRIDE_FILE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'] as const;

export interface ProjectSpec {
  /** The project directory: relative paths in the files, `.env` and `include` resolve against it. */
  readonly directory: string;
  /** Absolute paths, in merge order (later files override earlier ones). */
  readonly files: readonly string[];
  /** Env files to read instead of the project directory's `.env` (`--env-file`, `envFiles`). */
  readonly envFiles?: readonly string[];
  /** How the set was found, for messages. */
  readonly origin: 'default' | 'COMPOSE_FILE' | 'explicit';
}

/**
 * The project of the folder `directory` as `docker compose` run there would load it, or undefined when it
 * has no Compose file. `environment` is what the folder's `.env` (and, in the CLI, the process) sets.
 */
export function folderProject(directory: string, host: FileHost, environment: Environment): ProjectSpec | undefined {
  const composeFile = environment.get('COMPOSE_FILE')?.value;
  if (composeFile !== undefined && composeFile !== '') {
    const separator = environment.get('COMPOSE_PATH_SEPARATOR')?.value || ':';
    const files = composeFile.split(separator).filter((file) => file !== '').map((file) => resolvePath(directory, file));
    return files.length > 0 ? { directory, files: unique(files), origin: 'COMPOSE_FILE' } : undefined;
  }
  const names = new Set(host.list(directory)?.filter((entry) => entry.kind === 'file').map((entry) => entry.name));
  const main = DEFAULT_FILE_NAMES.find((name) => names.has(name));
  if (!main) return undefined;
  const override = DEFAULT_OVERRIDE_FILE_NAMES.find((name) => names.has(name));
  const files = [main, ...(override ? [override] : [])].map((name) => resolvePath(directory, name));
  return { directory, files, origin: 'default' };
}

/**
 * The projects `path` belongs to: every explicit set that lists it, else its folder's project when that
 * lists it. Empty when the file stands alone.
 */
export function projectsOf(path: string, explicit: readonly ProjectSpec[], folder: ProjectSpec | undefined): ProjectSpec[] {
  const listed = explicit.filter((spec) => spec.files.includes(path));
  if (listed.length > 0) return listed;
  return folder?.files.includes(path) ? [folder] : [];
}

/** An explicit set of files (`-f`, a `shipshape.projects` entry): its directory is its first file's folder unless given. */
export function explicitProject(files: readonly string[], directory?: string, envFiles?: readonly string[]): ProjectSpec {
  return { directory: directory ?? dirname(files[0] ?? '/'), files: unique(files), ...(envFiles ? { envFiles } : {}), origin: 'explicit' };
}

/** Projects written as data (the `projects` of `.shipshape.yaml` or of the editor settings, paths absolute): those with files. */
export function listedProjects(projects: readonly { readonly files: readonly string[]; readonly envFiles?: readonly string[] }[]): ProjectSpec[] {
  return projects.flatMap((project) => (project.files.length > 0 ? [explicitProject(project.files, undefined, project.envFiles?.length ? project.envFiles : undefined)] : []));
}

function unique(paths: readonly string[]): string[] {
  return [...new Set(paths)];
}
