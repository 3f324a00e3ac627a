// What the phone enrols with: the election, and the unit and one-time code that the election
// office's Keys screen shows (read aloud, or as a QR code of the enrolment address with the unit
// and code in its fragment: src/web/staff/enrolment_code.ts). Opening that address brings the
// phone here (the server sends the address on to /report/?election=…, and the browser keeps the
// fragment); a chair may also paste it, or type the election and the code. Pure.
import { codeForReading } from '../../web/staff/enrolment_code.js';

export interface Invitation {
  readonly election?: string;
  readonly unit?: string;
  readonly code?: string;
}

/** An election id as the definition writes one (core's Id). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const ENROL_PATH = /\/v1\/elections\/([^/?#]+)\/enrolments\/?$/;

export const isElectionId = (text: string): boolean => ID.test(text);

/** A code as typed: twelve letters and digits, in any case, with or without spaces and dashes. */
export function isCodeLike(text: string): boolean {
  return /^[A-Z0-9]{12}$/.test(text.toUpperCase().replaceAll(/[\s-]/g, ''));
}

/** The code as the server and the office write it (K7QF-M2XD-9HTA). */
export const normalisedCode = codeForReading;

function fromFragment(hash: string): Pick<Invitation, 'unit' | 'code'> {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const unit = params.get('unit') ?? undefined;
  const code = params.get('code') ?? undefined;
  return {
    ...(unit === undefined || !ID.test(unit) ? {} : { unit }),
    ...(code === undefined || !isCodeLike(code) ? {} : { code: normalisedCode(code) }),
  };
}

/** The invitation in the reporter's own address: `?election=` and the enrolment fragment. */
export function invitationInAddress(search: string, hash: string): Invitation {
  const election = new URLSearchParams(search).get('election') ?? undefined;
  return {
    ...(election === undefined || !ID.test(election) ? {} : { election }),
    ...fromFragment(hash),
  };
}

/**
 * What a chair pasted or typed into the code field: the enrolment address as the QR code holds
 * it (election, unit and code), or a code alone.
 */
export function invitationInText(text: string): Invitation {
  const trimmed = text.trim();
  if (isCodeLike(trimmed)) return { code: normalisedCode(trimmed) };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {};
  }
  const match = ENROL_PATH.exec(url.pathname);
  let election: string | undefined;
  try {
    election = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
  } catch {
    election = undefined;
  }
  return {
    ...(election === undefined || !ID.test(election) ? {} : { election }),
    ...fromFragment(url.hash),
  };
}
