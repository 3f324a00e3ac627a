// scrypt at a cost the tests can afford hundreds of times over (N = 2^10: about a millisecond,
// against a few hundred at PASSWORD_COST). The cost a password is kept at changes nothing the
// staff rules do. credentials.test.ts checks that a password is hashed at PASSWORD_COST by
// default, and staff.test.ts that StaffAccounts keeps a member's at it unless told otherwise.
import type { PasswordCost } from '../credentials.js';

export const TEST_PASSWORD_COST: PasswordCost = { log2N: 10, r: 8, p: 1 };
