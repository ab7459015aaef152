import { For, type JSX, Show } from 'solid-js';
import { fieldId } from '../forms.ts';
import { fieldMessage, t } from '../i18n/index.ts';

/**
 * A labelled form field with its hint and its error. `field` is the API's dotted path, so the
 * error the server reports for `org.creditCode` lands next to the input with id `f-org-creditCode`.
 */
interface FieldProps {
  field: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
  /** Render a fieldset with a legend (checkbox groups, the region picker) instead of a label. */
  group?: boolean;
  class?: string;
  children: JSX.Element;
}

export const hintId = (field: string): string => `${fieldId(field)}-hint`;
export const errorId = (field: string): string => `${fieldId(field)}-error`;

/** Props for the control inside a Field: its id and the ARIA links to the hint and the error. */
export function controlProps(field: string, error: () => string | undefined, hasHint = false) {
  return {
    id: fieldId(field),
    get 'aria-invalid'(): 'true' | undefined {
      return error() ? 'true' : undefined;
    },
    get 'aria-describedby'(): string | undefined {
      const ids = [hasHint ? hintId(field) : '', error() ? errorId(field) : ''].filter(Boolean);
      return ids.length > 0 ? ids.join(' ') : undefined;
    },
  };
}

export function Field(props: FieldProps) {
  const caption = () => (
    <>
      {props.label}
      <Show when={props.optional}>
        <span class="optional">{t('common.optional')}</span>
      </Show>
    </>
  );
  const error = () => (
    <Show when={props.error}>
      <p class="field-error" id={errorId(props.field)} data-field={props.field}>
        {fieldMessage(props.label, props.error ?? '')}
      </p>
    </Show>
  );
  const details = () => (
    <>
      <Show when={props.hint}>
        <p class="hint" id={hintId(props.field)}>
          {props.hint}
        </p>
      </Show>
      {error()}
    </>
  );
  return (
    <Show
      when={props.group}
      fallback={
        <div class={`field ${props.class ?? ''}`} classList={{ invalid: Boolean(props.error) }}>
          <label for={fieldId(props.field)}>{caption()}</label>
          {props.children}
          {details()}
        </div>
      }
    >
      <fieldset
        class={`field field-group ${props.class ?? ''}`}
        classList={{ invalid: Boolean(props.error) }}
        aria-describedby={props.error ? errorId(props.field) : undefined}
      >
        <legend>{caption()}</legend>
        <Show when={props.hint}>
          <p class="hint" id={hintId(props.field)}>
            {props.hint}
          </p>
        </Show>
        {props.children}
        {error()}
      </fieldset>
    </Show>
  );
}

/** The message for the whole form, with any field errors the form has no place for. */
export function FormMessage(props: { id: string; message: string | undefined; extra?: string[] }) {
  return (
    <Show when={props.message}>
      <div class="alert alert-error" id={props.id} role="alert" tabindex="-1">
        <p>{props.message}</p>
        <Show when={(props.extra ?? []).length > 0}>
          <ul>
            <For each={props.extra}>{(line) => <li>{line}</li>}</For>
          </ul>
        </Show>
      </div>
    </Show>
  );
}
