// The committed contract files match the code, and the schema documents itself.
import { readFile } from 'node:fs/promises';
import { isInputObjectType, isInterfaceType, isObjectType, parse, validate, validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../src/generated.js';
import { EXAMPLE_QUERIES } from '../../src/schema/examples.js';
import { schema } from '../../src/schema/index.js';

describe('generated files', () => {
  for (const { file, text } of generatedFiles()) {
    it(`${file.split('/').slice(-2).join('/')} is up to date (npm run schema:print)`, async () => {
      expect(await readFile(file, 'utf8')).toBe(text);
    });
  }
});

describe('the GraphQL schema', () => {
  it('accepts every example query GraphiQL opens with', () => {
    expect(validate(schema, parse(EXAMPLE_QUERIES)).map((e) => e.message)).toEqual([]);
  });

  it('is valid', () => {
    expect(validateSchema(schema).map((e) => e.message)).toEqual([]);
  });

  it('describes every type, field and argument', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
