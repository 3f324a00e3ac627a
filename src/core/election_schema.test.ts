// The committed JSON Schema of Tally's election format is generated from the zod schema, and this
// test keeps the two equal. UPDATE_SCHEMAS=1 rewrites the file instead of failing.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { ELECTION_FORMAT, ElectionDefinition } from './election.js';

const schemaFile = fileURLToPath(new URL('../../schema/election.schema.json', import.meta.url));
const regenerate = 'UPDATE_SCHEMAS=1 npx vitest run src/core/election_schema.test.ts';

function electionJsonSchema(): Record<string, unknown> {
  // `io: 'input'` describes what a file may contain: lists with a default may be left out.
  const { $schema, ...rest } = z.toJSONSchema(ElectionDefinition, { io: 'input' });
  return {
    $schema,
    $id: `urn:tally:${ELECTION_FORMAT}`,
    title: `Tally election definition (${ELECTION_FORMAT})`,
    ...rest,
  };
}

/** The file's text: 2-space JSON as the repository's prettier writes it, so `lint` agrees. */
async function electionJsonSchemaText(): Promise<string> {
  const options = (await resolveConfig(schemaFile)) ?? {};
  return format(JSON.stringify(electionJsonSchema(), null, 2), { ...options, parser: 'json' });
}

it('the committed election JSON Schema is the one the zod schema generates', async () => {
  const generated = await electionJsonSchemaText();
  if (process.env['UPDATE_SCHEMAS'] === '1') writeFileSync(schemaFile, generated);
  let committed = '';
  try {
    committed = readFileSync(schemaFile, 'utf8');
  } catch {
    // A missing file fails below with the same advice as a stale one.
  }
  expect(
    committed,
    `schema/election.schema.json differs from src/core/election.ts; regenerate it with: ${regenerate}`,
  ).toBe(generated);
});

it('the JSON Schema names the format and lets a file leave out the defaulted lists', () => {
  const schema = electionJsonSchema() as {
    properties: { format: { const?: string } };
    required: string[];
  };
  expect(schema.properties.format.const).toBe(ELECTION_FORMAT);
  expect(schema.required).toContain('contests');
  expect(schema.required).not.toContain('districts');
  expect(schema.required).not.toContain('parties');
});
