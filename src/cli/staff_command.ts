// `tally staff add`: adds a staff member from the command line, the election office's first
// admin to start with (admins then manage staff through the staff API). Prints, once, what the
// new member signs in with: a generated password, the TOTP secret (and the otpauth:// address an
// authenticator app reads) and ten one-time recovery codes.
import type { Command } from 'commander';
import { isTotpSecret, ROLES, totpCode } from '../staff/credentials.js';
import { StaffAccounts } from '../staff/staff.js';
import type { CliIo } from './program.js';
import { CliFailure } from './run_command.js';
import { withDataDir, withStore, type StoreOptions } from './store_options.js';

export function addStaffCommand(program: Command, io: CliIo): void {
  const staff = program.command('staff').description('The election office’s staff accounts.');
  withDataDir(
    staff
      .command('add <name>')
      .description(
        'Add a staff member (the first admin, to start with) and print their password, TOTP secret and recovery codes, once.',
      )
      .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`),
  ).action(async (name: string, options: StoreOptions & { role: string }) => {
    await withStore(options, async (store) => {
      const added = await new StaffAccounts(store).add(name, options.role, new Date());
      if (!added.ok) throw new CliFailure(added.error.message);
      const a = added.value;
      io.out(
        [
          `added ${a.name} (${a.role}) to ${store.location}`,
          '',
          'Give these to them alone; they are not shown again:',
          `  password:        ${a.password}`,
          `  TOTP secret:     ${a.totpSecret}`,
          `  authenticator:   ${a.totpUri}`,
          `  recovery codes:  ${a.recoveryCodes.join('  ')}`,
          '',
          'Sign in: POST /staff/sign-in on the ingest/staff listener, with the name, the password and a code from the authenticator app (or a recovery code, each good once).',
          '',
        ].join('\n'),
      );
    });
  });
  staff
    .command('code <totp-secret>')
    .description(
      'Print the current TOTP code for a secret, as an authenticator app would (for the demo accounts; staff use their own app).',
    )
    .action((secret: string) => {
      if (!isTotpSecret(secret))
        throw new CliFailure('a TOTP secret is base32: the letters A-Z and the digits 2-7');
      io.out(`${totpCode(secret, new Date())}\n`);
    });
}
