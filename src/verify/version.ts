// The verifier's first stage: the pointer to the current version and its signed manifest,
// which must be signed by a key the user trusts.
import { sha256Hex } from '../core/sha256.js';
import {
  MANIFEST_CONTEXT,
  parseCurrent,
  parseManifest,
  type Manifest,
} from '../formats/manifest.js';
import { keyRef, verifyObject } from '../log/envelope.js';
import type { Verifier } from '../log/note.js';
import { checkCompressed } from './files.js';
import type { ReadCompressed, ReadPublished, VerifyProblem } from './verify.js';

const decoder = new TextDecoder();

/** The version current.json names: where its files are, and its manifest. */
export interface PublishedVersion {
  /** The version's directory, ending in a slash. */
  readonly base: string;
  readonly manifestPath: string;
  readonly manifest: Manifest;
}

/**
 * Reads current.json and the manifest it names, or, with `wanted`, that earlier version's
 * manifest (every published version stays reachable, and a link to one is as much a claim as the
 * current one). Undefined (with the problem) when there is no manifest to go on; a manifest that
 * is there but not signed by a trusted key is a problem the verifier goes on past, to say
 * everything else that is wrong.
 */
export async function readVersion(
  read: ReadPublished,
  manifestKeys: readonly Verifier[],
  problems: VerifyProblem[],
  readCompressed?: ReadCompressed,
  wanted?: number,
): Promise<PublishedVersion | undefined> {
  const currentBytes = await read('current.json');
  if (currentBytes === undefined) {
    problems.push({
      code: 'file_missing',
      message: 'current.json is missing',
      file: 'current.json',
    });
    return undefined;
  }
  const current = parseCurrent(decoder.decode(currentBytes));
  if (!current.ok) {
    problems.push({ code: 'malformed_file', message: current.error.message, file: 'current.json' });
    return undefined;
  }
  const pointed = wanted === undefined || wanted === current.value.version;
  const base = pointed ? current.value.path : `v/${String(wanted)}/`;
  const manifestPath = `${base}manifest.json`;
  const manifestBytes = await read(manifestPath);
  if (manifestBytes === undefined) {
    problems.push({
      code: 'file_missing',
      message: `${manifestPath} is missing`,
      file: manifestPath,
    });
    return undefined;
  }
  await checkCompressed(readCompressed, 'current.json', currentBytes, problems);
  const manifestSha = sha256Hex(manifestBytes);
  await checkCompressed(readCompressed, manifestPath, manifestBytes, problems);
  if (pointed && manifestSha !== current.value.manifestSha256) {
    problems.push({
      code: 'file_mismatch',
      message: `${manifestPath} is not the manifest current.json names`,
      file: manifestPath,
      expected: current.value.manifestSha256,
      found: manifestSha,
    });
  }
  const signed = parseManifest(decoder.decode(manifestBytes));
  if (!signed.ok) {
    problems.push({ code: 'malformed_file', message: signed.error.message, file: manifestPath });
    return undefined;
  }
  const manifest = signed.value.manifest;
  if (`v/${String(manifest.version)}/` !== base) {
    problems.push({
      code: 'manifest_inconsistent',
      message: `${manifestPath} says it is version ${String(manifest.version)}`,
      file: manifestPath,
      expected: base,
      found: manifest.version,
    });
  }
  const manifestKey = manifestKeys.find((k) => keyRef(k) === signed.value.signer);
  if (
    manifestKey === undefined ||
    !verifyObject(MANIFEST_CONTEXT, manifest, signed.value.signature, manifestKey)
  ) {
    problems.push({
      code: 'manifest_signature',
      message: `the manifest is not signed by a trusted key (it names ${signed.value.signer})`,
      file: manifestPath,
      found: signed.value.signer,
    });
  }

  if (!pointed) return { base, manifestPath, manifest };
  // current.json repeats what the manifest says of the version: it must say the same.
  const pointer = current.value;
  const said = {
    election: manifest.election,
    version: manifest.version,
    path: `v/${String(manifest.version)}/`,
    generatedAt: manifest.generatedAt,
    logSize: manifest.logSize,
    test: manifest.test,
  };
  for (const [field, value] of Object.entries(said)) {
    const found = pointer[field as keyof typeof said];
    if (found === value) continue;
    problems.push({
      code: 'current_mismatch',
      message: `current.json says ${field} ${JSON.stringify(found)}, the manifest it names ${JSON.stringify(value)}`,
      file: 'current.json',
      expected: String(value),
      found: String(found),
    });
  }
  return { base, manifestPath, manifest };
}
