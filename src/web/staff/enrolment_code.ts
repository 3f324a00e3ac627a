// A one-time enrolment code as the Keys screen shows it: read aloud in groups, and as the text of a
// QR code a device scans. Pure.

/** A code as it is read aloud: upper case, in groups of four (`K7QF-M2XD-9HTA`). */
export function codeForReading(code: string): string {
  const plain = code.toUpperCase().replaceAll(/[\s-]/g, '');
  return (plain.match(/.{1,4}/g) ?? []).join('-');
}

/**
 * What the QR code of an enrolment code holds: the enrolment address, with the unit and the code
 * in its fragment. A phone's camera gets all it needs to enrol, and the code is never sent in a
 * GET (a fragment does not leave the device, so no server or proxy logs it).
 */
export function enrolmentLink(
  origin: string,
  enrolPath: string,
  unit: string,
  code: string,
): string {
  return `${origin}${enrolPath}#unit=${encodeURIComponent(unit)}&code=${encodeURIComponent(code)}`;
}
