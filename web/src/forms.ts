import { createSignal } from 'solid-js';
import { ApiError } from './api/client.ts';
import { inBothLanguages, type Localized, localized } from './i18n/index.ts';

/** One problem with one field, in both languages (so a language switch re-renders it). */
export interface FieldMessage {
  /** Dotted path as the API names it: `org.creditCode`, `admin.email`, `contact.phone`. */
  field: string;
  messages: Localized;
}

/**
 * Error state of a form: messages per field (from the API's `fields[]` or a client-side check)
 * and one message for the whole form. Fields the form does not show are listed with the form
 * message, so no error the server sent is ever hidden.
 */
export function createFormErrors(shownFields: readonly string[]) {
  const [fields, setFields] = createSignal<readonly FieldMessage[]>([]);
  const [form, setForm] = createSignal<Localized | null>(null);

  const forField = (field: string): string | undefined => {
    const found = fields().filter((f) => f.field === field);
    return found.length > 0 ? found.map((f) => localized(f.messages)).join('；') : undefined;
  };
  /** Field errors for fields the form has no place for (shown under the form message). */
  const unplaced = (): FieldMessage[] => fields().filter((f) => !shownFields.includes(f.field));

  return {
    forField,
    unplaced,
    form: () => {
      const message = form();
      return message ? localized(message) : undefined;
    },
    hasAny: () => form() !== null || fields().length > 0,
    clear(): void {
      setFields([]);
      setForm(null);
    },
    /** The user edited a field: its error no longer applies. */
    clearField(field: string): void {
      if (fields().some((f) => f.field === field)) setFields(fields().filter((f) => f.field !== field));
    },
    show(message: Localized | null, fieldMessages: readonly FieldMessage[] = []): void {
      setForm(message);
      setFields(fieldMessages);
    },
    /**
     * Shows what the API said; anything that is not an ApiError is rethrown. When the API names
     * fields, their messages carry the substance and the form says to fix the marked fields (a
     * 409's own message is about concurrent edits, which misleads next to "already registered").
     */
    showApiError(error: unknown): void {
      if (!(error instanceof ApiError)) throw error;
      setForm(error.fields.length > 0 ? inBothLanguages('errors.formHasErrors') : error.messages);
      setFields(error.fields.map((f) => ({ field: f.field, messages: f.messages })));
    },
    /** The first field (in the form's order) that has an error, to move focus to. */
    firstInvalid(): string | undefined {
      const names = new Set(fields().map((f) => f.field));
      return shownFields.find((f) => names.has(f));
    },
  };
}

export type FormErrors = ReturnType<typeof createFormErrors>;

/** DOM id of the input for an API field path: `org.creditCode` → `f-org-creditCode`. */
export const fieldId = (field: string): string => `f-${field.replaceAll('.', '-')}`;

/** Moves focus to the first field with an error, or to the form's message. */
export function focusFirstError(errors: FormErrors, fallbackId: string): void {
  queueMicrotask(() => {
    const first = errors.firstInvalid();
    const target = document.getElementById(first ? fieldId(first) : fallbackId);
    target?.focus();
  });
}
