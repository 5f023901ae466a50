// Proves structurally that no response or push of the IPC contract can carry a secret: no field is named like
// one, every object drops unknown keys, and nothing is an open map (record/any/unknown) a secret could ride in.
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { eventContract, invokeContract } from '../shared/contract';

// Access key IDs are identifiers AWS itself shows in consoles and logs; their secret halves are caught here.
const SECRET_NAME = /secret|token|password|passphrase|seed|otp|^code$|^key$|privatekey/i;
const LEAF_TYPES = new Set(['string', 'number', 'boolean', 'enum', 'literal', 'undefined', 'void', 'null']);

interface Finding {
  path: string;
  problem: string;
}

function walk(schema: z.ZodType, path: string, findings: Finding[]): void {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall as z.ZodType | undefined;
      const catchallType = catchall && (catchall as unknown as { _zod: { def: { type: string } } })._zod.def.type;
      if (catchall && catchallType !== 'never') findings.push({ path, problem: 'object keeps unknown keys' });
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        if (SECRET_NAME.test(key)) findings.push({ path: `${path}.${key}`, problem: 'field named like a secret' });
        walk(field, `${path}.${key}`, findings);
      }
      return;
    }
    case 'array':
      return walk(def.element as z.ZodType, `${path}[]`, findings);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return walk(def.innerType as z.ZodType, path, findings);
    case 'union':
      (def.options as z.ZodType[]).forEach((option, index) => walk(option, `${path}|${index}`, findings));
      return;
    default:
      if (!LEAF_TYPES.has(def.type)) findings.push({ path, problem: `open or unknown schema type ${def.type}` });
  }
}

describe('the IPC contract responses', () => {
  const schemas: Array<[string, z.ZodType]> = [
    ...Object.entries(invokeContract).map(
      ([name, entry]) => [`${name}.response`, entry.response] as [string, z.ZodType],
    ),
    ...Object.entries(eventContract).map(([name, entry]) => [`${name}.payload`, entry.payload] as [string, z.ZodType]),
  ];

  it.each(schemas)('%s has no field that could carry a secret', (name, schema) => {
    const findings: Finding[] = [];
    walk(schema, name, findings);
    expect(findings).toEqual([]);
  });

  it('the walker itself flags secret-named fields, open maps and passthrough objects', async () => {
    const { z: zod } = await import('zod');
    const findings: Finding[] = [];
    walk(
      zod.object({
        sessionToken: zod.string(),
        extra: zod.record(zod.string(), zod.string()),
        loose: zod.looseObject({}),
      }),
      'probe',
      findings,
    );
    expect(findings.map((finding) => finding.problem)).toEqual([
      'field named like a secret',
      'open or unknown schema type record',
      'object keeps unknown keys',
    ]);
  });
});
