import { A, createAsync, type RouteSectionProps, revalidate } from '@solidjs/router';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { MAX_DEAL_FILE_BYTES } from '../../../../functions/contract/deal-file.ts';
import { ApiError } from '../../api/client.ts';
import {
  type DealAction,
  type DealView,
  dealFileUrl,
  disputeDeal,
  getDeal,
  getMatchDeals,
  getMyDeals,
  moveDeal,
  uploadDealFile,
} from '../../api/deals.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { DealStatusBadge } from '../../components/deal-card.tsx';
import { DealForm } from '../../components/deal-form.tsx';
import { FILE_TYPE_LABELS, formatBytes, formatFen } from '../../components/deal-format.ts';
import { formatDate, formatQuantity, itemName, useCatalogue } from '../../components/match-format.ts';
import { RegionName } from '../../components/region-name.tsx';
import { localized, type TranslationKey, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';

/** Actions that take new terms (a form), a reason (a text box) or nothing (a button). */
const TERMS_ACTIONS: readonly DealAction[] = [
  'proposeContract',
  'signOnPaper',
  'reviseIntent',
  'reviseContract',
];
const BUTTON_KEYS: Record<DealAction, TranslationKey> = {
  confirmIntent: 'deals.confirm',
  confirmContract: 'deals.confirm',
  dispute: 'deals.dispute',
  proposeContract: 'deals.proposeContract',
  signOnPaper: 'deals.signOnPaper',
  reviseIntent: 'deals.revise',
  reviseContract: 'deals.revise',
  withdraw: 'deals.withdraw',
  cancelIntent: 'deals.cancelIntent',
  deliver: 'deals.deliver',
};

async function refresh(deal: DealView) {
  await revalidate([
    getDeal.keyFor(deal.id),
    getMyDeals.key,
    ...(deal.matchId ? [getMatchDeals.keyFor(deal.matchId)] : []),
  ]);
}

/** One deal: its terms, who recorded it, what this viewer may do now, and the signed paper. */
export default function DealDetailPage(props: RouteSectionProps) {
  const me = useMe();
  const catalogue = useCatalogue();
  const deal = createAsync(() => getDeal(props.params.dealId ?? ''));
  usePageTitle(() => {
    const d = deal();
    catalogue();
    return d ? `${itemName('goods', d.specId)} · ${t('deals.title')}` : t('deals.title');
  });
  return (
    <Show when={deal()}>
      {(d) => (
        <>
          <header class="page-header">
            <div>
              <p class="eyebrow">
                <A href="/deals">{t('deals.back')}</A>
              </p>
              <h1 class="page-title" data-testid="deal-title">
                {itemName('goods', d().specId)} · {formatQuantity(d().quantity, d().unit)}
              </h1>
              <p class="page-lead">
                {d().offerOrgName} → {d().needOrgName}
              </p>
            </div>
          </header>
          <div class="deal-page">
            <DealTerms deal={d()} />
            <DealActions deal={d()} />
            <DealFile deal={d()} viewerOrgId={me()?.org.id} />
          </div>
        </>
      )}
    </Show>
  );
}

function DealTerms(props: { deal: DealView }) {
  const row = (label: TranslationKey, value: () => string, testId?: string) => (
    <>
      <dt>{t(label)}</dt>
      <dd data-testid={testId}>{value()}</dd>
    </>
  );
  return (
    <section class="card deal-terms" data-testid="deal-terms">
      <p>
        <DealStatusBadge status={props.deal.status} />{' '}
        <span class="badge">{t(`deals.${props.deal.document}`)}</span>
      </p>
      <dl class="deal-facts">
        {row('deals.offer', () => props.deal.offerOrgName)}
        {row('deals.need', () => props.deal.needOrgName)}
        {row('deals.quantity', () => formatQuantity(props.deal.quantity, props.deal.unit))}
        {row('deals.unitPrice', () => formatFen(props.deal.unitPriceFen))}
        {row('deals.amount', () => formatFen(props.deal.amountFen), 'deal-detail-amount')}
        {row('deals.deliveryFrom', () => formatDate(props.deal.deliveryFrom))}
        {row('deals.deliveryUntil', () => formatDate(props.deal.deliveryUntil))}
        <dt>{t('deals.deliveryPlace')}</dt>
        <dd>
          <RegionName adcode={props.deal.deliveryAdcode} /> {props.deal.deliveryAddress ?? ''}
        </dd>
        {row('deals.recordedBy', () =>
          props.deal.recordedAs === 'organizer'
            ? t('deals.recordedByOrganizer')
            : props.deal.recordedAs === 'offer'
              ? props.deal.offerOrgName
              : props.deal.needOrgName,
        )}
        <Show when={props.deal.note}>{row('deals.note', () => props.deal.note ?? '')}</Show>
        <Show when={props.deal.disputeReason}>
          {row('deals.disputeReason', () => props.deal.disputeReason ?? '', 'deal-dispute-reason')}
        </Show>
      </dl>
      <p class="deal-meta">
        {t('deals.createdAt', { date: formatDate(props.deal.createdAt, true) })}
        <Show when={props.deal.signedAt}>
          {' '}
          · {t('deals.signedAt', { date: formatDate(props.deal.signedAt, true) })}
        </Show>
      </p>
      <Show when={props.deal.drawnQuantity !== undefined}>
        <p class="deal-meta" data-testid="deal-drawn">
          {t('deals.drawn', {
            quantity: formatQuantity(props.deal.drawnQuantity ?? 0, props.deal.unit),
            reserved: formatQuantity(props.deal.reservationUsed ?? 0, props.deal.unit),
          })}
        </p>
      </Show>
    </section>
  );
}

function DealActions(props: { deal: DealView }) {
  const [pending, setPending] = createSignal<DealAction>();
  const [open, setOpen] = createSignal<DealAction>();
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string>();
  const buttons = () => props.deal.actions;

  const run = async (action: DealAction, work: () => Promise<DealView>) => {
    setPending(action);
    setError(undefined);
    try {
      const updated = await work();
      setOpen(undefined);
      await refresh(updated);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      if (failure.code === 'invalid_transition' || failure.code === 'conflict') {
        setError(t('deals.stale'));
        await refresh(props.deal);
      } else setError(localized(failure.messages));
    } finally {
      setPending(undefined);
    }
  };

  const click = (action: DealAction) => {
    if (TERMS_ACTIONS.includes(action) || action === 'dispute') {
      setOpen(open() === action ? undefined : action);
      return;
    }
    void run(action, () => moveDeal(props.deal.id, action));
  };

  return (
    <Show when={buttons().length > 0}>
      <section class="card deal-actions" data-testid="deal-actions">
        <div class="button-row">
          <For each={buttons()}>
            {(action) => (
              <button
                type="button"
                class={`button ${action.startsWith('confirm') || action === 'signOnPaper' ? 'button-primary' : ''}`}
                data-testid={`deal-action-${action}`}
                disabled={Boolean(pending())}
                aria-busy={pending() === action}
                aria-expanded={
                  TERMS_ACTIONS.includes(action) || action === 'dispute' ? open() === action : undefined
                }
                onClick={() => click(action)}
              >
                {pending() === action ? t('deals.working') : t(BUTTON_KEYS[action])}
              </button>
            )}
          </For>
        </div>
        <Show when={error()}>
          <p class="alert alert-error" role="alert" data-testid="deal-action-error">
            {error()}
          </p>
        </Show>
        <Show when={open() === 'dispute'}>
          <form
            class="deal-dispute"
            onSubmit={(e) => {
              e.preventDefault();
              void run('dispute', () => disputeDeal(props.deal.id, reason().trim()));
            }}
          >
            <label for="deal-dispute-reason">{t('deals.disputePrompt')}</label>
            <textarea
              id="deal-dispute-reason"
              rows={2}
              maxLength={500}
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
              data-testid="deal-dispute-input"
            />
            <button
              type="submit"
              class="button button-primary"
              disabled={Boolean(pending()) || reason().trim() === ''}
              data-testid="deal-dispute-send"
            >
              {t('deals.disputeSend')}
            </button>
          </form>
        </Show>
        <Show when={open() && TERMS_ACTIONS.includes(open()!) ? open() : undefined}>
          {(action) => (
            <DealForm
              mode="terms"
              deal={props.deal}
              action={action()}
              onDone={(updated) => {
                setOpen(undefined);
                void refresh(updated);
              }}
              onCancel={() => setOpen(undefined)}
            />
          )}
        </Show>
      </section>
    </Show>
  );
}

function DealFile(props: { deal: DealView; viewerOrgId: string | undefined }) {
  const [url, setUrl] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<{ tone: 'ok' | 'error'; text: string }>();
  onCleanup(() => {
    const current = url();
    if (current) URL.revokeObjectURL(current);
  });
  const isSide = () =>
    props.viewerOrgId === props.deal.offerOrgId || props.viewerOrgId === props.deal.needOrgId;
  const mayUpload = () => isSide() && props.deal.status !== 'withdrawn';

  const view = async () => {
    setBusy(true);
    try {
      const previous = url();
      if (previous) URL.revokeObjectURL(previous);
      setUrl(await dealFileUrl(props.deal.id));
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setMessage({ tone: 'error', text: localized(failure.messages) });
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_DEAL_FILE_BYTES) {
      setMessage({ tone: 'error', text: t('deals.fileTooBig') });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const updated = await uploadDealFile(props.deal.id, file);
      setMessage({ tone: 'ok', text: t('deals.fileUploaded') });
      setUrl(undefined);
      await refresh(updated);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setMessage({ tone: 'error', text: localized(failure.messages) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card deal-file" data-testid="deal-file">
      <h2 class="card-title">{t('deals.file')}</h2>
      <Show when={props.deal.file} fallback={<p class="muted">{t('deals.fileNone')}</p>}>
        {(file) => (
          <>
            <p class="deal-meta" data-testid="deal-file-meta">
              {t('deals.fileMeta', {
                type: FILE_TYPE_LABELS[file().contentType] ?? file().contentType,
                size: formatBytes(file().size),
                date: formatDate(file().uploadedAt, true),
              })}
            </p>
            <div class="button-row">
              <button
                type="button"
                class="button"
                onClick={() => void view()}
                disabled={busy()}
                data-testid="deal-file-view"
              >
                {t('deals.fileView')}
              </button>
              <Show when={url()}>
                {(href) => (
                  <a
                    class="button"
                    href={href()}
                    download={`deal-${props.deal.id}`}
                    data-testid="deal-file-download"
                  >
                    {t('deals.fileDownload')}
                  </a>
                )}
              </Show>
            </div>
            <Show when={url() && file().contentType.startsWith('image/') ? url() : undefined}>
              {(href) => (
                <img
                  class="deal-file-preview"
                  src={href()}
                  alt={t('deals.file')}
                  data-testid="deal-file-image"
                />
              )}
            </Show>
            <Show when={url() && file().contentType === 'application/pdf' ? url() : undefined}>
              {(href) => (
                <a href={href()} target="_blank" rel="noopener" data-testid="deal-file-open">
                  {t('deals.fileView')} (PDF) ↗
                </a>
              )}
            </Show>
          </>
        )}
      </Show>
      <Show when={mayUpload()}>
        <label class="field deal-upload">
          <span>{t('deals.fileUpload')}</span>
          <input
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            disabled={busy()}
            onChange={(e) => void upload(e.currentTarget.files?.[0])}
            data-testid="deal-file-input"
          />
          <span class="hint">{busy() ? t('deals.fileUploading') : t('deals.fileHint')}</span>
        </label>
      </Show>
      <Show when={message()}>
        {(m) => (
          <p
            class={m().tone === 'ok' ? 'alert alert-success' : 'alert alert-error'}
            role="status"
            data-testid="deal-file-message"
          >
            {m().text}
          </p>
        )}
      </Show>
    </section>
  );
}
