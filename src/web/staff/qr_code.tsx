// A QR code drawn as SVG squares by Preact (qrcode-generator computes the modules; nothing of it
// becomes markup), for an authenticator app to read the otpauth:// address from the screen.
import type { JSX } from 'preact';
import qrcode from 'qrcode-generator';

/** The dark modules of the QR code of `text`, row by row (medium error correction). */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => qr.isDark(row, col)),
  );
}

/** The code as one SVG path: a unit square per dark module, with the four-module quiet zone. */
export function QrCode(props: { readonly text: string; readonly label: string }): JSX.Element {
  const modules = qrModules(props.text);
  const quiet = 4;
  const size = modules.length + 2 * quiet;
  const path = modules
    .flatMap((row, y) =>
      row.flatMap((dark, x) =>
        dark ? [`M${String(x + quiet)} ${String(y + quiet)}h1v1h-1z`] : [],
      ),
    )
    .join('');
  return (
    <svg
      class="qr"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${String(size)} ${String(size)}`}
      width={size * 5}
      height={size * 5}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
