import { describe, expect, it } from 'vitest';
import { STAFF_PAGES } from '../../server/staff_pages.js';
import { ROUTE_ROLES } from '../../server/staff_session.js';
import { STAFF_ROLES } from './api.js';
import {
  addressOf,
  APP_ROOT,
  homeScreen,
  placeOf,
  SCREEN_ROLES,
  SCREENS,
  screensFor,
} from './screens.js';

describe('the staff application’s screens', () => {
  it('are each served by the staff pages, at the address the application gives it', () => {
    expect([...STAFF_PAGES]).toEqual([APP_ROOT, ...SCREENS.map((s) => `${APP_ROOT}${s}`)]);
  });

  it('open for the roles the API lets call their routes', () => {
    const routeRoles = (route: keyof typeof ROUTE_ROLES): readonly string[] =>
      ROUTE_ROLES[route] as readonly string[];
    expect(SCREEN_ROLES['results-desk']).toEqual(
      routeRoles('POST /staff/elections/{election}/desk/sheets'),
    );
    expect(SCREEN_ROLES.mismatches).toEqual(
      routeRoles('GET /staff/elections/{election}/desk/mismatches'),
    );
    expect(SCREEN_ROLES['control-room']).toEqual(
      routeRoles('GET /staff/elections/{election}/control-room'),
    );
    expect(SCREEN_ROLES.release).toEqual(routeRoles('GET /staff/elections/{election}/release'));
    expect(SCREEN_ROLES.contests).toEqual(
      routeRoles('GET /staff/elections/{election}/contest-statuses'),
    );
    expect(SCREEN_ROLES.keys).toEqual(routeRoles('GET /staff/elections/{election}/keys'));
    expect(SCREEN_ROLES.staff).toEqual(routeRoles('GET /staff/events'));
    expect(SCREEN_ROLES.password).toEqual(routeRoles('POST /staff/password'));
  });

  it('never show a desk operator another operator’s numbers', () => {
    expect(screensFor('desk')).not.toContain('mismatches');
  });

  it('open each role on its own work, and show an admin everything', () => {
    expect(homeScreen('desk')).toBe('results-desk');
    expect(homeScreen('reviewer')).toBe('review');
    expect(screensFor('admin')).toEqual([...SCREENS]);
    for (const role of STAFF_ROLES) expect(screensFor(role)).toContain(homeScreen(role));
  });

  it('read the screen, election and entry from the address, and write them back', () => {
    const place = placeOf('/staff/app/mismatches', '?election=sample-2026&lang=fr');
    expect(place).toEqual({ screen: 'mismatches', election: 'sample-2026', entry: undefined });
    expect(addressOf(place, '?lang=fr&entry=3')).toBe(
      '/staff/app/mismatches?lang=fr&election=sample-2026',
    );
    expect(placeOf('/staff/app/review', '?entry=12').entry).toBe(12);
    expect(placeOf('/staff/app/review', '?entry=-1').entry).toBeUndefined();
    expect(placeOf('/staff/app/nowhere', '').screen).toBe('home');
    expect(addressOf({ screen: 'home', election: undefined, entry: undefined }, '')).toBe(APP_ROOT);
  });
});
