// Tally's own version, as package.json says it (a test keeps the two equal). A published
// version's manifest names the Tally that built it: the verifier rebuilds every file with the
// same code, so it must know which.
export const TALLY_VERSION = '0.1.0';
