/**
 * Which items of a merged list stand for the same thing, so that a later one replaces the earlier one in
 * place: compose-go `override/uncity.go` (`EnforceUnicity`, run after every file is merged). An item
 * without a key (a value of the wrong kind, an unparsable port) is kept as it is.
 */
import { shortVolumeTarget } from '../parse/compose';
import { formatPortRange, parsePortItem } from '../parse/ports';
import { get, text, type Node } from '../parse/tree';

/** The identity of one list item, or undefined when the item is kept whatever the others are. */
export type Indexer = (item: Node) => string | undefined;

/** `KEY=value` and `KEY` are both keyed by `KEY` (compose-go `keyValueIndexer`). */
export const byKey: Indexer = (item) => {
  const value = scalarText(item);
  if (value === undefined) return undefined;
  const equals = value.indexOf('=');
  return equals < 0 ? value : value.slice(0, equals);
};

/** The whole value (compose-go `exposeIndexer`: the string or number as written). */
export const byValue: Indexer = scalarText;

/**
 * A port by host address, published port, container port and protocol: what compose-go compares once
 * every port is in long form (`transform.Canonical`, then `EnforceUnicity` again with `portIndexer`:
 * `host_ip:published:target/protocol`, host `0.0.0.0` and `tcp` when not written). Two ports that
 * differ in the container port are both kept, even on one host port: the conflict is real and the port
 * analysis reports it. `mode` is not part of the key.
 */
export const byPort: Indexer = (item) => {
  const spec = parsePortItem(item);
  if (spec.unknown || spec.problems.length > 0 || !spec.target) return undefined;
  const published = spec.published ? formatPortRange(spec.published) : '';
  return `${spec.hostIp?.address ?? '0.0.0.0'}|${published}|${formatPortRange(spec.target)}|${spec.protocol}`;
};

/** A volume by its container path (compose-go `volumeIndexer`, `format.ParseVolume(...).Target`). */
export const byVolumeTarget: Indexer = (item) => {
  if (item.kind === 'map') return text(get(item, 'target'));
  const value = scalarText(item);
  return shortVolumeTarget(value);
};

/** A device by its container path, the part after the first `:` (compose-go `deviceMappingIndexer`). */
export const byDeviceTarget: Indexer = (item) => {
  if (item.kind === 'map') return text(get(item, 'target'));
  const value = scalarText(item);
  if (value === undefined) return undefined;
  const parts = value.split(':');
  return parts.length === 1 ? parts[0] : parts[1];
};

/**
 * A secret or config by its target, which defaults to `<folder>/<source>` (compose-go `mountIndexer`:
 * `/run/secrets` for secrets, `` for configs, so a config `app` is keyed `/app`).
 */
export function byMountTarget(folder: string): Indexer {
  return (item) => {
    if (item.kind === 'map') {
      const target = text(get(item, 'target'));
      return target ?? `${folder}/${text(get(item, 'source')) ?? ''}`;
    }
    const value = scalarText(item);
    return value === undefined ? undefined : `${folder}/${value}`;
  };
}

/** An env file by its path, short or long form (compose-go `envFileIndexer`). */
export const byEnvFilePath: Indexer = (item) => (item.kind === 'map' ? text(get(item, 'path')) : scalarText(item));

/**
 * `items` with every item whose key was seen before put in the place of the first one (compose-go
 * `enforceUnicity`: `seq[j] = entry`). Linear: one map from key to position.
 */
export function enforceUnicity(items: readonly Node[], indexer: Indexer): Node[] {
  const result: Node[] = [];
  const positions = new Map<string, number>();
  for (const item of items) {
    const key = indexer(item);
    const position = key === undefined ? undefined : positions.get(key);
    if (position !== undefined) {
      result[position] = item;
      continue;
    }
    if (key !== undefined) positions.set(key, result.length);
    result.push(item);
  }
  return result;
}

function scalarText(item: Node): string | undefined {
  return item.kind === 'scalar' ? text(item) : undefined;
}

