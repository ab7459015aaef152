import { For } from 'solid-js';
import type { OrgKind } from '../../../functions/contract/org.ts';
import { fieldId } from '../forms.ts';
import { t } from '../i18n/index.ts';
import { Field } from './field.tsx';

/** Checkboxes for the kinds of an organisation; `locked` kinds show checked and cannot change. */
export function KindsField(props: {
  field: string;
  options: readonly OrgKind[];
  value: readonly OrgKind[];
  locked?: readonly OrgKind[];
  error: string | undefined;
  onChange: (kinds: OrgKind[]) => void;
}) {
  const toggle = (kind: OrgKind, on: boolean) => {
    const next = props.options.filter((k) => (k === kind ? on : props.value.includes(k)));
    props.onChange(next);
  };
  return (
    <Field
      field={props.field}
      label={t('register.kinds')}
      hint={t('register.kindsHint')}
      error={props.error}
      group
    >
      <div class="choice-grid" id={fieldId(props.field)} tabindex="-1">
        <For each={props.locked ?? []}>
          {(kind) => (
            <label class="choice is-locked">
              <input type="checkbox" checked disabled value={kind} />
              <span class="choice-text">
                <span class="choice-label">{t(`kinds.${kind}`)}</span>
                <span class="choice-hint">{t(`kindHints.${kind}`)}</span>
              </span>
            </label>
          )}
        </For>
        <For each={props.options}>
          {(kind) => (
            <label class="choice">
              <input
                type="checkbox"
                name="kinds"
                value={kind}
                checked={props.value.includes(kind)}
                aria-invalid={props.error ? 'true' : undefined}
                onChange={(e) => toggle(kind, e.currentTarget.checked)}
              />
              <span class="choice-text">
                <span class="choice-label">{t(`kinds.${kind}`)}</span>
                <span class="choice-hint">{t(`kindHints.${kind}`)}</span>
              </span>
            </label>
          )}
        </For>
      </div>
    </Field>
  );
}
