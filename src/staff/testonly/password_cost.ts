// scrypt at a cost the tests can afford hundreds of times over (N = 2^10: about a millisecond,
// against a few hundred at PASSWORD_COST). The cost a password is kept at changes nothing the
// staff rules do; credentials.test.ts checks that Tally keeps every password at PASSWORD_COST.
import type { PasswordCost } from '../credentials.js';

export const TEST_PASSWORD_COST: PasswordCost = { log2N: 10, r: 8, p: 1 };
