/**
 * The vendored schemas (schemas/, see its README) with the validators the build generates for the ones
 * most files need (scripts/generateValidators.ts). The entry points and the tests hand this set to the
 * language service, which never reads files itself.
 */
import compose from '../../../schemas/compose-spec.json';
import stack3_0 from '../../../schemas/stack/config_schema_v3.0.json';
import stack3_1 from '../../../schemas/stack/config_schema_v3.1.json';
import stack3_2 from '../../../schemas/stack/config_schema_v3.2.json';
import stack3_3 from '../../../schemas/stack/config_schema_v3.3.json';
import stack3_4 from '../../../schemas/stack/config_schema_v3.4.json';
import stack3_5 from '../../../schemas/stack/config_schema_v3.5.json';
import stack3_6 from '../../../schemas/stack/config_schema_v3.6.json';
import stack3_7 from '../../../schemas/stack/config_schema_v3.7.json';
import stack3_8 from '../../../schemas/stack/config_schema_v3.8.json';
import stack3_9 from '../../../schemas/stack/config_schema_v3.9.json';
import stack3_10 from '../../../schemas/stack/config_schema_v3.10.json';
import stack3_11 from '../../../schemas/stack/config_schema_v3.11.json';
import stack3_12 from '../../../schemas/stack/config_schema_v3.12.json';
import stack3_13 from '../../../schemas/stack/config_schema_v3.13.json';
import type { SchemaSet } from '../service/index';
import * as composeValidators from './generated/compose';
import * as stack3_13Validators from './generated/stack-3.13';

export const VENDORED_SCHEMAS: SchemaSet = {
  compose: { json: compose, precompiled: composeValidators },
  stack: {
    '3.0': { json: stack3_0 },
    '3.1': { json: stack3_1 },
    '3.2': { json: stack3_2 },
    '3.3': { json: stack3_3 },
    '3.4': { json: stack3_4 },
    '3.5': { json: stack3_5 },
    '3.6': { json: stack3_6 },
    '3.7': { json: stack3_7 },
    '3.8': { json: stack3_8 },
    '3.9': { json: stack3_9 },
    '3.10': { json: stack3_10 },
    '3.11': { json: stack3_11 },
    '3.12': { json: stack3_12 },
    '3.13': { json: stack3_13, precompiled: stack3_13Validators },
  },
};
