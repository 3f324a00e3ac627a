// The staff application's screens: which a role may open (as ROUTE_ROLES lets it call their
// routes), which it sees first, and the address of each. Pure.
import type { StaffRole } from './api.js';

export const APP_ROOT = '/staff/app/';

/** Each screen, by the last part of its address, in the navigation's order. */
export const SCREENS = [
  'results-desk',
  'mismatches',
  'review',
  'control-room',
  'release',
  'contests',
  'keys',
  'staff',
  'password',
] as const;
export type Screen = (typeof SCREENS)[number];

const EVERYONE: readonly StaffRole[] = ['admin', 'reviewer', 'desk', 'auditor', 'observer'];

/** Who may open each screen. */
export const SCREEN_ROLES: Readonly<Record<Screen, readonly StaffRole[]>> = {
  'results-desk': ['admin', 'desk'],
  // Desk operators key blind: they never see another operator's numbers.
  mismatches: ['admin', 'reviewer', 'auditor', 'observer'],
  review: EVERYONE,
  'control-room': EVERYONE,
  release: EVERYONE,
  // Everyone reads where each contest stands; admins change it.
  contests: EVERYONE,
  // The roster is public in the log, and admins change it; those keying or deciding results have
  // no screen for it.
  keys: ['admin', 'auditor', 'observer'],
  // Admins manage members; auditors read the record of changes.
  staff: ['admin', 'auditor'],
  password: EVERYONE,
};

export function screensFor(role: StaffRole): Screen[] {
  return SCREENS.filter((s) => SCREEN_ROLES[s].includes(role));
}

/** The screen a role opens on: the one its work is on. */
export function homeScreen(role: StaffRole): Screen {
  switch (role) {
    case 'desk':
      return 'results-desk';
    case 'admin':
      return 'control-room';
    case 'reviewer':
    case 'auditor':
    case 'observer':
      return 'review';
  }
}

/** What the address names: the screen, the election and, on the review desk, the held entry. */
export interface Place {
  readonly screen: Screen | 'home';
  readonly election: string | undefined;
  readonly entry: number | undefined;
}

const isScreen = (value: string): value is Screen => (SCREENS as readonly string[]).includes(value);

export function placeOf(pathname: string, search: string): Place {
  const query = new URLSearchParams(search);
  const entry = Number(query.get('entry') ?? '');
  const last = pathname.startsWith(APP_ROOT) ? pathname.slice(APP_ROOT.length) : '';
  return {
    screen: isScreen(last) ? last : 'home',
    election: query.get('election') ?? undefined,
    entry: query.has('entry') && Number.isSafeInteger(entry) && entry >= 0 ? entry : undefined,
  };
}

/** The address of a place, keeping the other parameters of `search` (the language). */
export function addressOf(place: Place, search: string): string {
  const query = new URLSearchParams(search);
  for (const [key, value] of [
    ['election', place.election],
    ['entry', place.entry === undefined ? undefined : String(place.entry)],
  ] as const) {
    if (value === undefined) query.delete(key);
    else query.set(key, value);
  }
  const rest = query.toString();
  const path = place.screen === 'home' ? APP_ROOT : `${APP_ROOT}${place.screen}`;
  return `${path}${rest === '' ? '' : `?${rest}`}`;
}
