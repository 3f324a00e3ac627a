// One number of the report: a labelled text field that brings up a phone's number pad, and what
// is wrong with it, said beside it in words (not by colour alone).
import type { JSX } from 'preact';
import type { ReporterMessages } from './messages.js';

export function NumberField(props: {
  readonly m: ReporterMessages;
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  readonly problem?: 'missing' | 'notACount' | undefined;
  readonly onInput: (text: string) => void;
}): JSX.Element {
  const { m, id, problem } = props;
  const described = [
    ...(props.hint === undefined ? [] : [`${id}-hint`]),
    ...(problem === undefined ? [] : [`${id}-error`]),
  ].join(' ');
  return (
    <div class="number-field">
      <label for={id}>{props.label}</label>
      {props.hint !== undefined && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autocomplete="off"
        value={props.value}
        aria-invalid={problem === undefined ? undefined : 'true'}
        aria-describedby={described === '' ? undefined : described}
        onInput={(e) => {
          props.onInput(e.currentTarget.value);
        }}
      />
      {problem !== undefined && (
        <p class="field-error" id={`${id}-error`}>
          {m.t(problem === 'missing' ? 'fieldMissing' : 'fieldNotACount')}
        </p>
      )}
    </div>
  );
}
