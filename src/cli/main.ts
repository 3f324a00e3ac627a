#!/usr/bin/env node
// Entry point of the `tally` command. The Node.js release is checked before anything else loads:
// on an unsupported one the embedded store's native module would crash the process.
import { unsupportedNode } from './node_version.js';

const refusal = unsupportedNode(process.versions.node);
if (refusal === undefined) {
  const { runCli } = await import('./program.js');
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
} else {
  process.stderr.write(`${refusal}\n`);
  process.exitCode = 1;
}
