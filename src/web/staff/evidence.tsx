// The evidence a submission or a desk entry names: each file by its kind and SHA-256, and the
// photo itself where the server keeps it (a results desk's upload; img-src in the pages' policy
// allows same-origin images). A file the server does not hold shows its hash alone.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { StaffMessages } from './messages.js';

export interface EvidenceFile {
  readonly kind: string;
  readonly sha256: string;
}

/** The files, each with its photo where the server has it; a sentence where there are none. */
export function EvidenceFiles(props: {
  readonly m: StaffMessages;
  readonly files: readonly EvidenceFile[];
  /** The address of a file the server may hold; none, and only the hash shows. */
  readonly address: (sha256: string) => string | undefined;
}): JSX.Element {
  const { m, files } = props;
  return files.length === 0 ? (
    <p>{m.t('noEvidence')}</p>
  ) : (
    <ul>
      {files.map((f) => (
        <li key={f.sha256}>
          {m.t('evidenceFile', { kind: f.kind, sha256: f.sha256 })}
          <EvidencePhoto m={m} kind={f.kind} src={props.address(f.sha256)} />
        </li>
      ))}
    </ul>
  );
}

/** An evidence photo, or nothing where the server does not hold the file (a 404). */
function EvidencePhoto(props: {
  readonly m: StaffMessages;
  readonly kind: string;
  readonly src: string | undefined;
}): JSX.Element | null {
  const [missing, setMissing] = useState(false);
  if (props.src === undefined || missing) return null;
  return (
    <img
      class="evidence-photo"
      src={props.src}
      alt={props.m.t('evidencePhotoAlt', { kind: props.kind })}
      onError={() => {
        setMissing(true);
      }}
    />
  );
}
