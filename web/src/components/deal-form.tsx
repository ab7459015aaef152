import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { dealTermsInput, recordDealInput } from '../../../functions/contract/deal.schema.ts';
import { amountFen, yuanToFen } from '../../../functions/contract/money.ts';
import { type DealAction, type DealView, recordDeal, reviseTerms } from '../api/deals.ts';
import { newIdempotencyKey } from '../api/imports.ts';
import { createFormErrors, fieldId, focusFirstError } from '../forms.ts';
import { t } from '../i18n/index.ts';
import { checkWith, withoutBlanks } from '../validation.ts';
import { formatFen } from './deal-format.ts';
import { controlProps, errorId, Field, FormMessage } from './field.tsx';
import { RegionPicker } from './region-picker.tsx';

/**
 * The terms of a deal: to record one on a confirmed match (with the kind of paper), or to give new
 * terms when an intent becomes a contract or a disputed deal is revised. Checked with the server's
 * own schema first; the amount is worked out as the server does (exact, in fen) while typing.
 */

interface Terms {
  document: 'intent' | 'contract';
  quantity: string;
  unitPrice: string;
  deliveryFrom: string;
  deliveryUntil: string;
  deliveryAdcode: string | undefined;
  deliveryAddress: string;
  note: string;
}

const FIELDS = [
  'document',
  'quantity',
  'unitPrice',
  'deliveryFrom',
  'deliveryUntil',
  'deliveryAdcode',
  'deliveryAddress',
  'note',
] as const;

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export type DealFormProps =
  | {
      mode: 'record';
      matchId: string;
      /** Recorded after a meeting at an event (the API checks both). */
      at?: { eventId: string; meetingId: string };
      /** An organizer records what both sides reported on paper: it counts at once. */
      paper: boolean;
      quantity: number;
      unit: string;
      deliveryAdcode?: string;
      onDone: (deal: DealView) => void;
    }
  | {
      mode: 'terms';
      deal: DealView;
      action: DealAction;
      onDone: (deal: DealView) => void;
      onCancel: () => void;
    };

export function DealForm(props: DealFormProps) {
  const initial = props.mode === 'terms' ? props.deal : undefined;
  const [values, setValues] = createStore<Terms>({
    document: 'contract',
    quantity: String(initial?.quantity ?? (props.mode === 'record' ? props.quantity : '')),
    unitPrice: initial?.unitPrice ?? '',
    deliveryFrom: initial?.deliveryFrom ?? today(),
    deliveryUntil: initial?.deliveryUntil ?? inDays(30),
    deliveryAdcode: initial?.deliveryAdcode ?? (props.mode === 'record' ? props.deliveryAdcode : undefined),
    deliveryAddress: initial?.deliveryAddress ?? '',
    note: initial?.note ?? '',
  });
  const errors = createFormErrors(FIELDS);
  const [busy, setBusy] = createSignal(false);
  let idempotencyKey = newIdempotencyKey();
  const formId = props.mode === 'record' ? 'deal-record' : `deal-terms-${props.action}`;

  const set = <K extends keyof Terms>(field: K, value: Terms[K]) => {
    setValues(field, value);
    errors.clearField(field);
    idempotencyKey = newIdempotencyKey(); // a changed form is a new submission
  };
  const err = (field: string) => () => errors.forField(field);

  const body = () => {
    const quantity = values.quantity.trim() === '' ? undefined : Number(values.quantity);
    const terms = withoutBlanks({
      quantity,
      unitPrice: values.unitPrice.trim(),
      deliveryFrom: values.deliveryFrom,
      deliveryUntil: values.deliveryUntil,
      deliveryAdcode: values.deliveryAdcode,
      deliveryAddress: values.deliveryAddress,
      note: values.note,
    }) as Record<string, unknown>;
    return props.mode === 'record'
      ? { matchId: props.matchId, ...(props.at ?? {}), document: values.document, ...terms }
      : terms;
  };

  /** quantity × unit price, exactly as the server works it out. */
  const amount = () => {
    const quantity = Number(values.quantity);
    const fen = yuanToFen(values.unitPrice.trim());
    if (!Number.isFinite(quantity) || quantity <= 0 || fen === undefined) return undefined;
    return amountFen(quantity, fen);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    const input = body();
    const problems = checkWith(props.mode === 'record' ? recordDealInput : dealTermsInput, input);
    if (problems.length > 0) {
      errors.show(null, problems);
      focusFirstError(errors, `${formId}-message`);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      const deal =
        props.mode === 'record'
          ? await recordDeal(input as Parameters<typeof recordDeal>[0], idempotencyKey)
          : await reviseTerms(props.deal.id, props.action, input);
      idempotencyKey = newIdempotencyKey();
      props.onDone(deal);
    } catch (error) {
      errors.showApiError(error);
      focusFirstError(errors, `${formId}-message`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="deal-form" id={formId} onSubmit={submit} noValidate data-testid="deal-form">
      <FormMessage id={`${formId}-message`} message={errors.form()} />
      <Show when={props.mode === 'record'}>
        <Field field="document" label={t('deals.document')} error={err('document')()} group>
          <div class="segmented" role="radiogroup">
            {(['intent', 'contract'] as const).map((document) => (
              <label class="segmented-option">
                <input
                  type="radio"
                  name={`${formId}-document`}
                  value={document}
                  checked={values.document === document}
                  onChange={() => set('document', document)}
                  data-testid={`deal-document-${document}`}
                />
                <span>{t(`deals.${document}`)}</span>
              </label>
            ))}
          </div>
        </Field>
      </Show>
      <div class="form-row">
        <Field field="quantity" label={t('deals.quantity')} error={err('quantity')()}>
          <input
            {...controlProps('quantity', err('quantity'))}
            type="number"
            inputmode="decimal"
            min="0"
            step="any"
            value={values.quantity}
            onInput={(e) => set('quantity', e.currentTarget.value)}
            data-testid="deal-quantity"
          />
        </Field>
        <Field
          field="unitPrice"
          label={t('deals.unitPrice')}
          hint={t('deals.unitPriceHint')}
          error={err('unitPrice')()}
        >
          <input
            {...controlProps('unitPrice', err('unitPrice'), true)}
            type="text"
            inputmode="decimal"
            autocomplete="off"
            value={values.unitPrice}
            onInput={(e) => set('unitPrice', e.currentTarget.value)}
            data-testid="deal-unit-price"
          />
        </Field>
      </div>
      <p class="deal-amount" data-testid="deal-amount-preview" aria-live="polite">
        <Show when={amount() !== undefined}>
          {t('deals.amountPreview', { amount: formatFen(amount()!) })}
        </Show>
      </p>
      <div class="form-row">
        <Field field="deliveryFrom" label={t('deals.deliveryFrom')} error={err('deliveryFrom')()}>
          <input
            {...controlProps('deliveryFrom', err('deliveryFrom'))}
            type="date"
            value={values.deliveryFrom}
            onInput={(e) => set('deliveryFrom', e.currentTarget.value)}
          />
        </Field>
        <Field field="deliveryUntil" label={t('deals.deliveryUntil')} error={err('deliveryUntil')()}>
          <input
            {...controlProps('deliveryUntil', err('deliveryUntil'))}
            type="date"
            value={values.deliveryUntil}
            onInput={(e) => set('deliveryUntil', e.currentTarget.value)}
          />
        </Field>
      </div>
      <Field field="deliveryAdcode" label={t('deals.deliveryPlace')} error={err('deliveryAdcode')()} group>
        <RegionPicker
          id={fieldId('deliveryAdcode')}
          label={t('deals.deliveryPlace')}
          value={values.deliveryAdcode}
          invalid={Boolean(err('deliveryAdcode')())}
          describedBy={err('deliveryAdcode')() ? errorId('deliveryAdcode') : undefined}
          onChange={(adcode) => set('deliveryAdcode', adcode)}
        />
      </Field>
      <Field
        field="deliveryAddress"
        label={t('deals.deliveryAddress')}
        error={err('deliveryAddress')()}
        optional
      >
        <input
          {...controlProps('deliveryAddress', err('deliveryAddress'))}
          type="text"
          maxLength={200}
          value={values.deliveryAddress}
          onInput={(e) => set('deliveryAddress', e.currentTarget.value)}
        />
      </Field>
      <Field field="note" label={t('deals.note')} error={err('note')()} optional>
        <textarea
          {...controlProps('note', err('note'))}
          rows={2}
          maxLength={1000}
          value={values.note}
          onInput={(e) => set('note', e.currentTarget.value)}
        />
      </Field>
      <div class="button-row">
        <button
          type="submit"
          class="button button-primary"
          disabled={busy()}
          aria-busy={busy()}
          data-testid="deal-submit"
        >
          {busy() ? t('deals.submitting') : t('deals.submit')}
        </button>
        <Show when={props.mode === 'terms'}>
          <button
            type="button"
            class="button"
            onClick={() => props.mode === 'terms' && props.onCancel()}
            disabled={busy()}
          >
            {t('common.cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
