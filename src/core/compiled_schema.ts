// A fast path for validating hot data against a zod schema: Ajv compiles the schema's JSON
// Schema (zod's own export of it) into straight-line code, several times faster than zod on log
// entries, which a verifier reads by the hundred thousand. Zod stays the one definition: the
// types come from it, and any value the compiled check refuses goes to zod, whose verdict and
// error message stand. A property test holds the two to the same verdicts.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';

/** A check that accepts exactly what `schema` accepts (by the test), compiled on first use. */
export function compiledCheck<T>(schema: z.ZodType<T>): (value: unknown) => value is T {
  let check: ((value: unknown) => boolean) | undefined;
  return (value: unknown): value is T => {
    check ??= new Ajv2020({
      // Patterns as zod runs them: without the u flag.
      unicodeRegExp: false,
      // Zod writes each format's pattern beside it; the pattern is what zod checks.
      validateFormats: false,
      allErrors: false,
    }).compile(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }));
    return check(value);
  };
}
