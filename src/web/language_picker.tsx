// The language menu the staff application and the precinct reporter app both show in their
// header, and how a choice is kept: in the browser for the next visit, and in the address where
// it names one (the address's language wins at the next load, so it follows).
import type { JSX } from 'preact';

export function LanguagePicker(props: {
  readonly label: string;
  readonly language: string;
  readonly languages: Readonly<Record<string, { readonly name: string }>>;
  readonly onChoose: (language: string) => void;
}): JSX.Element {
  return (
    <>
      <label for="language">{props.label}</label>
      <select
        id="language"
        value={props.language}
        onChange={(e) => {
          props.onChoose(e.currentTarget.value);
        }}
      >
        {Object.entries(props.languages).map(([code, { name }]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </>
  );
}

/** Keeps a chosen language: in the browser under `storageKey`, and in the address's `?lang=`. */
export function rememberLanguage(storageKey: string, language: string): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Kept for this page only.
  }
  const query = new URLSearchParams(location.search);
  if (query.has('lang')) {
    query.set('lang', language);
    history.replaceState(null, '', `${location.pathname}?${query.toString()}${location.hash}`);
  }
}
