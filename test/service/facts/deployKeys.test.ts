import * as assert from 'node:assert/strict';
import { DEPLOY_ENUMS, DEPLOY_KEYS } from '../../../server/src/service/facts/deployKeys';
import { schema } from '../../support/service';

interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Record<string, SchemaNode>;
  readonly items?: SchemaNode;
  readonly oneOf?: readonly SchemaNode[];
}

/** Every property path below `deploy` in the Compose Specification schema, list items without an index. */
function deployPaths(): string[] {
  const definitions = (schema as { $defs: Record<string, SchemaNode> }).$defs;
  const paths: string[] = [];
  const walk = (node: SchemaNode | undefined, prefix: string, seen: ReadonlySet<string>): void => {
    if (!node) return;
    if (node.$ref) {
      const name = node.$ref.split('/').pop()!;
      // list_or_dict and friends are free-form: their keys are the user's.
      if (!seen.has(name) && !['list_or_dict', 'list_of_strings'].includes(name)) walk(definitions[name], prefix, new Set([...seen, name]));
      return;
    }
    for (const branch of node.oneOf ?? []) walk(branch, prefix, seen);
    walk(node.items, prefix, seen);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      paths.push(path);
      walk(child, path, seen);
    }
  };
  walk(definitions['deployment'], '', new Set());
  return paths;
}

describe('deploy key facts', () => {
  it('has an entry for every deploy key of schemas/compose-spec.json', () => {
    const paths = deployPaths();
    assert.ok(paths.length > 40, `only ${paths.length} deploy keys found: the schema walk is broken`);
    assert.deepEqual(paths.filter((path) => !(path in DEPLOY_KEYS)), []);
  });

  it('has no entry for a key the schema does not have', () => {
    const paths = new Set(deployPaths());
    assert.deepEqual(Object.keys(DEPLOY_KEYS).filter((key) => !paths.has(key)), []);
  });

  it('lists the valid values of every enumeration on its key, with a docs link on every key', () => {
    for (const key of Object.keys(DEPLOY_ENUMS)) assert.deepEqual(DEPLOY_KEYS[key]?.values, DEPLOY_ENUMS[key as keyof typeof DEPLOY_ENUMS].stack, key);
    for (const [key, fact] of Object.entries(DEPLOY_KEYS)) assert.match(fact.docUrl, /^https:\/\/docs\.docker\.com\//, key);
  });
});
