// Which Node.js releases Tally runs on: the maintained LTS lines. On an older one the embedded
// store's native module crashes the process, so the command says so in one sentence first.

/** The LTS lines Tally supports (package.json's `engines` says the same). */
export const SUPPORTED_NODE_LINES: readonly number[] = [22, 24, 26];

/** Why this Node.js cannot run Tally, or undefined when it can. */
export function unsupportedNode(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  const newest = Math.max(...SUPPORTED_NODE_LINES);
  if (SUPPORTED_NODE_LINES.includes(major) || major > newest) return undefined;
  return (
    `Tally needs Node.js ${SUPPORTED_NODE_LINES.join(', ')} or newer (an LTS release); ` +
    `this is Node.js ${version.replace(/^v/, '')}. See "Node.js" in the README.`
  );
}
