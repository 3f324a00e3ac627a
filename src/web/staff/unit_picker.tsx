// The finder for a unit by its name or id (a state has too many units to list them all): a search
// field, the units it matches in a list box, how many there are, and the error when none is
// chosen. The results desk chooses a sheet's unit with it, the Keys screen a unit whose keys to
// show.
import type { ComponentChildren, JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { DefinitionIndex, Unit } from './definition.js';
import type { StaffMessageKey, StaffMessages } from './messages.js';

/** The unit chosen, if the search still shows it; else the only one it shows; else none. */
export function chosenUnit(matches: readonly Unit[], choice: string): string | undefined {
  if (matches.some((u) => u.id === choice)) return choice;
  return matches.length === 1 ? matches[0]?.id : undefined;
}

/**
 * The form that finds and chooses a unit. The screen holds the choice (it may choose a unit by
 * other means too); the search and the error are the form's own.
 */
export function UnitPicker(props: {
  readonly m: StaffMessages;
  readonly definition: DefinitionIndex;
  /** The units a search finds: every unit, or the reporting units alone. */
  readonly find: (definition: DefinitionIndex, query: string) => readonly Unit[];
  /**
   * The list box's id, and the stem of the others': `-search` (with `-search-hint`), `-count`
   * and `-error`.
   */
  readonly id: string;
  /** The search field's label, the list box's, the error when no unit is chosen, the button. */
  readonly words: {
    readonly search: StaffMessageKey;
    readonly choice: StaffMessageKey;
    readonly required: StaffMessageKey;
    readonly submit: StaffMessageKey;
  };
  readonly choice: string;
  readonly onChoice: (unit: string) => void;
  /** The form is sent with this unit chosen. */
  readonly onChosen: (unit: string) => void;
  /** More fields, between the list box and the button. */
  readonly children?: ComponentChildren;
}): JSX.Element {
  const { m, definition, id, words } = props;
  const lang = m.language;
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);
  const matches = useMemo(() => props.find(definition, query), [definition, query]);
  return (
    <form
      class="choose-sheet"
      onSubmit={(e) => {
        e.preventDefault();
        const chosen = chosenUnit(matches, props.choice);
        if (chosen === undefined) {
          setMissing(true);
          document.getElementById(id)?.focus();
          return;
        }
        setMissing(false);
        props.onChosen(chosen);
      }}
    >
      <div class="field">
        <label for={`${id}-search`}>{m.t(words.search)}</label>
        <p class="hint" id={`${id}-search-hint`}>
          {m.t('unitSearchHint')}
        </p>
        <input
          type="search"
          id={`${id}-search`}
          autocomplete="off"
          aria-describedby={`${id}-search-hint ${id}-count`}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
          }}
        />
      </div>
      <div class="field">
        <label for={id}>{m.t(words.choice)}</label>
        {missing && (
          <p class="field-error" id={`${id}-error`}>
            {m.t(words.required)}
          </p>
        )}
        <select
          id={id}
          size={Math.min(6, Math.max(2, matches.length))}
          value={props.choice}
          aria-describedby={missing ? `${id}-error ${id}-count` : `${id}-count`}
          aria-invalid={missing ? 'true' : undefined}
          onChange={(e) => {
            props.onChoice(e.currentTarget.value);
            setMissing(false);
          }}
        >
          {matches.map((u) => (
            <option key={u.id} value={u.id}>
              {m.t('unitOption', { name: definition.unitName(u.id, lang), id: u.id })}
            </option>
          ))}
        </select>
        <p class="meta" id={`${id}-count`} aria-live="polite">
          {m.t('unitMatches', { count: matches.length })}
        </p>
      </div>
      {props.children}
      <button type="submit" class="primary">
        {m.t(words.submit)}
      </button>
    </form>
  );
}
