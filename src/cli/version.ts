// The version `tally --version` prints: the one the published manifests name (core/tally_version).
import { TALLY_VERSION } from '../core/tally_version.js';

export function tallyVersion(): string {
  return TALLY_VERSION;
}
