/**
 * How a vendored JSON schema becomes validators, the same way at build time (scripts/generateValidators.ts
 * writes ajv standalone code for the schemas most files need) and at run time (the other stack versions,
 * compiled when a file first declares one). A validator returns ajv's errors plus the `uniqueItems` errors
 * found in linear time (see uniqueItems.ts).
 */
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { uniqueItemsCheck } from './uniqueItems';

export type Validate = (json: unknown) => ErrorObject[];

/** A schema's validator for a whole file and the one for a single service. */
export interface CompiledSchema {
  readonly file: Validate;
  readonly service: Validate;
}

/** A vendored JSON schema and, when the build generated them, its ajv standalone validators. */
export interface VendoredSchema {
  readonly json: object;
  readonly precompiled?: { readonly file: ValidateFunction; readonly service: ValidateFunction };
}

/** The name a schema is registered under in ajv; its parts are `${SCHEMA_KEY}#/$defs/…`. */
export const SCHEMA_KEY = 'schema';

export const AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strict: false,
  allowUnionTypes: true,
  validateFormats: false,
  validateSchema: false,
};

/**
 * An ajv instance for the schema's dialect, with the prepared schema added under `SCHEMA_KEY`:
 * compose-go's schema is draft 2020-12 (`$defs`), Docker CLI's v3 schemas are draft-04 (`definitions`).
 */
export function ajvFor(json: object, options: Options = AJV_OPTIONS): Ajv {
  const ajv = isDraft2020(json) ? new Ajv2020(options) : new Ajv(options);
  ajv.addSchema(forAjv(json) as object, SCHEMA_KEY);
  return ajv;
}

/** The pointer to the service definition, which compiles on its own (every `$ref` is local). */
export function servicePointer(json: object): string {
  return `#/${'$defs' in json ? '$defs' : 'definitions'}/service`;
}

/** The schema as ajv compiles it. */
export function forAjv(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forAjv);
  if (typeof schema !== 'object' || schema === null) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // Docker CLI's draft-04 schemas name their parts with `id`, which ajv 8 refuses; they are only labels
    // (every `$ref` is a local pointer). The schema is registered under SCHEMA_KEY, so `$id` goes too.
    if ((key === 'id' || key === '$id' || key === '$schema') && typeof value === 'string') continue;
    // Checked in linear time by uniqueItems.ts: ajv compares every pair of non-scalar items.
    if (key === 'uniqueItems' && typeof value === 'boolean') continue;
    result[key] = forAjv(value);
  }
  return result;
}

function isDraft2020(json: object): boolean {
  return String((json as { $schema?: unknown }).$schema).includes('2020-12');
}

/** Validators from the generated code when there is some, else compiled now. */
export function compileSchema(schema: VendoredSchema): CompiledSchema {
  const pointer = servicePointer(schema.json);
  let file = schema.precompiled?.file;
  let service = schema.precompiled?.service;
  if (!file || !service) {
    const ajv = ajvFor(schema.json);
    file = ajv.getSchema(SCHEMA_KEY)!;
    service = ajv.getSchema(`${SCHEMA_KEY}${pointer}`)!;
  }
  return { file: withUniqueItems(file, uniqueItemsCheck(schema.json)), service: withUniqueItems(service, uniqueItemsCheck(schema.json, pointer)) };
}

/** A schema compiled when a validator is first needed (most sessions never open a stack file of that version). */
export function compileSchemaOnFirstUse(schema: VendoredSchema): CompiledSchema {
  let compiled: CompiledSchema | undefined;
  const compiledSchema = (): CompiledSchema => (compiled ??= compileSchema(schema));
  return {
    file: (json) => compiledSchema().file(json),
    service: (json) => compiledSchema().service(json),
  };
}

function withUniqueItems(validator: ValidateFunction, unique: (json: unknown) => ErrorObject[]): Validate {
  return (json) => {
    validator(json);
    const errors = [...(validator.errors ?? [])];
    for (const error of unique(json)) errors.push(error);
    return errors;
  };
}

/** Every schema Shipshape validates with. */
export interface SchemaSet {
  readonly compose: VendoredSchema;
  /** Docker CLI's v3 schemas by version, "3.0" … "3.13". */
  readonly stack: Readonly<Record<string, VendoredSchema>>;
}
