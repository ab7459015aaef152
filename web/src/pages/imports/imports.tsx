import { A, createAsync, revalidate } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { MAX_REPORTED_ERRORS } from '../../../../functions/contract/import-job.ts';
import { ApiError } from '../../api/client.ts';
import {
  commitImport,
  discardImport,
  downloadTemplate,
  fetchImport,
  formatOfFile,
  type ImportJob,
  newIdempotencyKey,
  type RowError,
  type SheetFormat,
  uploadImport,
} from '../../api/imports.ts';
import { kindsForOrg, LISTING_KINDS, type ListingKind } from '../../api/listings.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { InviteCell } from '../../components/invite-cell.tsx';
import { fieldLabel, formatDateTime, formatNumber } from '../../components/listing-format.ts';
import { fieldMessage, inBothLanguages, type Localized, lang, localized, t } from '../../i18n/index.ts';
import { isOrganizer } from '../../nav.ts';
import { usePageTitle } from '../../page-title.ts';
import { getListingSearch } from '../listings/listing-search.data.ts';
import { myListingsChanged } from '../listings/my-listings.data.ts';
import { getSummary } from '../lists/lists.data.ts';
import { getImports } from './imports.data.ts';

const MAX_BYTES = 4 * 1024 * 1024;
const ERRORS_SHOWN = 100;

/** /imports — a spreadsheet in, a report of every bad row, then the good rows imported (or none). */
export default function ImportsPage() {
  usePageTitle('imports.title');
  const me = useMe();
  const organizer = () => Boolean(me() && isOrganizer(me()!));
  const kinds = () => {
    const current = me();
    if (!current) return [...LISTING_KINDS];
    return organizer() ? [...LISTING_KINDS] : kindsForOrg(current.org.kinds);
  };
  const [kind, setKind] = createSignal<ListingKind>('supply');
  createEffect(
    on(kinds, (list) => {
      if (!list.includes(kind())) setKind(list[0] ?? 'supply');
    }),
  );
  const history = createAsync(() => getImports());

  const [file, setFile] = createSignal<File | null>(null);
  const [fileError, setFileError] = createSignal<Localized | null>(null);
  const [uploading, setUploading] = createSignal(false);
  /** Why the upload was refused (the API's messages, re-rendered on a language switch). */
  const [problem, setProblem] = createSignal<ApiError | null>(null);
  const [job, setJob] = createSignal<ImportJob | null>(null);
  const [committing, setCommitting] = createSignal(false);
  const [discarding, setDiscarding] = createSignal(false);
  const [actionError, setActionError] = createSignal<Localized | null>(null);
  const [templateBusy, setTemplateBusy] = createSignal<SheetFormat | null>(null);
  const [showAllErrors, setShowAllErrors] = createSignal(false);
  let fileInput: HTMLInputElement | undefined;

  const reset = () => {
    setJob(null);
    setProblem(null);
    setActionError(null);
    setFile(null);
    setFileError(null);
    setShowAllErrors(false);
    if (fileInput) fileInput.value = '';
  };

  const getTemplate = async (format: SheetFormat) => {
    if (templateBusy()) return;
    setTemplateBusy(format);
    setActionError(null);
    try {
      await downloadTemplate(kind(), format, lang());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setActionError(error.messages);
    } finally {
      setTemplateBusy(null);
    }
  };

  const upload = async (event: SubmitEvent) => {
    event.preventDefault();
    if (uploading()) return;
    const chosen = file();
    setProblem(null);
    if (!chosen) return setFileError(inBothLanguages('imports.fileRequired'));
    const format = formatOfFile(chosen.name);
    if (!format) return setFileError(inBothLanguages('imports.fileType'));
    if (chosen.size > MAX_BYTES) return setFileError(inBothLanguages('imports.fileTooBig'));
    setFileError(null);
    setJob(null);
    setUploading(true);
    try {
      setJob(await uploadImport(kind(), chosen, format, newIdempotencyKey()));
      setShowAllErrors(false);
      void revalidate(getImports.key);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
    } finally {
      setUploading(false);
    }
  };
  const problemLines = (error: ApiError) =>
    error.fields.length > 0 ? error.fields.map((f) => localized(f.messages)) : [localized(error.messages)];

  const commitAll = async () => {
    const current = job();
    if (!current || committing()) return;
    setCommitting(true);
    setActionError(null);
    try {
      let state = current;
      while (state.status !== 'committed') {
        state = await commitImport(state.id);
        setJob(state);
      }
      myListingsChanged();
      await revalidate([getImports.key, getListingSearch.key, getSummary.key]);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setActionError(error.messages);
    } finally {
      setCommitting(false);
    }
  };

  const discard = async () => {
    const current = job();
    if (!current || discarding()) return;
    setDiscarding(true);
    setActionError(null);
    try {
      setJob(await discardImport(current.id));
      void revalidate(getImports.key);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setActionError(error.messages);
    } finally {
      setDiscarding(false);
    }
  };

  const openPast = async (id: string) => {
    setActionError(null);
    setProblem(null);
    try {
      const past = await fetchImport(id);
      setJob(past);
      setKind(past.kind);
      setShowAllErrors(false);
      document.getElementById('import-report')?.scrollIntoView({ block: 'start' });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setActionError(error.messages);
    }
  };

  const percent = () => {
    const j = job();
    if (!j) return 0;
    return j.goodRows === 0 ? 100 : Math.round((j.committedRows / j.goodRows) * 100);
  };
  const errorsShown = (): RowError[] => {
    const all = job()?.errors ?? [];
    return showAllErrors() ? all : all.slice(0, ERRORS_SHOWN);
  };
  const columnOf = (e: RowError) => {
    if (!e.column) return t('imports.wholeRow');
    return e.column; // the header as the clerk's own file has it
  };
  const reasonOf = (e: RowError) => fieldMessage(fieldLabel(e.field), localized(e.messages));
  const doneHref = () => (organizer() ? '/lists' : `/listings/mine/${job()?.kind ?? kind()}`);

  return (
    <>
      <header class="page-header">
        <div>
          <h1 class="page-title" data-testid="page-title">
            {t('imports.title')}
          </h1>
          <p class="page-lead">{t('imports.lead')}</p>
        </div>
      </header>
      <div class="alert alert-info" data-testid="import-hint">
        {organizer() ? t('imports.organizerHint') : t('imports.firmHint')}
      </div>

      <section class="card import-step" aria-labelledby="import-step1">
        <h2 class="card-title" id="import-step1">
          {t('imports.step1')}
        </h2>
        <div class="import-row">
          <div class="field">
            <label for="import-kind">{t('imports.kind')}</label>
            <select
              id="import-kind"
              data-testid="import-kind"
              value={kind()}
              disabled={committing() || uploading()}
              onChange={(e) => {
                setKind(e.currentTarget.value as ListingKind);
                if (
                  job()?.status === 'validated' ||
                  job()?.status === 'committed' ||
                  job()?.status === 'discarded'
                )
                  setJob(null);
              }}
            >
              <For each={kinds()}>
                {(k) => (
                  <option value={k} selected={k === kind()}>
                    {t(`listingKinds.${k}`)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <div class="field">
            <span class="field-label">{t('imports.template')}</span>
            <div class="button-row">
              <button
                type="button"
                class="button button-secondary"
                data-testid="template-xlsx"
                disabled={templateBusy() !== null}
                aria-busy={templateBusy() === 'xlsx'}
                onClick={() => getTemplate('xlsx')}
              >
                {t('imports.templateXlsx')}
              </button>
              <button
                type="button"
                class="button button-secondary"
                data-testid="template-csv"
                disabled={templateBusy() !== null}
                aria-busy={templateBusy() === 'csv'}
                onClick={() => getTemplate('csv')}
              >
                {t('imports.templateCsv')}
              </button>
            </div>
            <p class="hint">{t('imports.templateHint')}</p>
          </div>
        </div>
      </section>

      <section class="card import-step" aria-labelledby="import-step2">
        <h2 class="card-title" id="import-step2">
          {t('imports.step2')}
        </h2>
        <form class="import-row" novalidate onSubmit={upload}>
          <div class="field" classList={{ invalid: Boolean(fileError()) }}>
            <label for="import-file">{t('imports.file')}</label>
            <input
              ref={fileInput}
              id="import-file"
              data-testid="import-file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby="import-file-hint"
              aria-invalid={fileError() ? 'true' : undefined}
              disabled={committing()}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setFileError(null);
              }}
            />
            <p class="hint" id="import-file-hint">
              {t('imports.fileHint')}
            </p>
            <Show when={fileError()}>
              {(message) => (
                <p class="field-error" role="alert">
                  {localized(message())}
                </p>
              )}
            </Show>
          </div>
          <div class="field field-submit">
            <button
              type="submit"
              class="button button-primary"
              data-testid="import-upload"
              disabled={uploading() || committing()}
              aria-busy={uploading()}
            >
              {uploading() ? t('imports.uploading') : t('imports.upload')}
            </button>
          </div>
        </form>
        <Show when={problem()}>
          {(p) => (
            <div class="alert alert-error" role="alert" data-testid="import-problem">
              <p>
                <strong>{t('imports.uploadFailed')}</strong>
              </p>
              <ul>
                <For each={problemLines(p())}>{(line) => <li>{line}</li>}</For>
              </ul>
            </div>
          )}
        </Show>
      </section>

      <Show when={actionError()}>
        {(message) => (
          <div class="alert alert-error" role="alert" data-testid="import-error">
            {localized(message())}
          </div>
        )}
      </Show>

      <Show when={job()}>
        {(j) => (
          <section
            class="card import-step"
            id="import-report"
            aria-labelledby="import-step3"
            data-testid="import-report"
          >
            <h2 class="card-title" id="import-step3">
              {t('imports.step3')}
              <span class="muted import-file-name"> · {j().fileName}</span>
            </h2>
            <ul class="report-counts">
              <li data-testid="import-total">
                {t('imports.totalRows', { count: formatNumber(j().totalRows) })}
              </li>
              <li class="count-good" data-testid="import-good">
                {t('imports.goodRows', { count: formatNumber(j().goodRows) })}
              </li>
              <li class="count-bad" classList={{ 'has-bad': j().badRows > 0 }} data-testid="import-bad">
                {t('imports.badRows', { count: formatNumber(j().badRows) })}
              </li>
            </ul>

            <Show when={j().errors.length > 0}>
              <h3 class="section-heading">{t('imports.errorsTitle')}</h3>
              <Show when={j().errorsCapped}>
                <p class="hint" data-testid="import-errors-capped">
                  {t('imports.errorsMore', { count: formatNumber(MAX_REPORTED_ERRORS) })}
                </p>
              </Show>
              <div class="listing-table-scroll">
                <table class="listing-table import-errors" data-testid="import-errors">
                  <thead>
                    <tr>
                      <th scope="col" class="num">
                        {t('imports.row')}
                      </th>
                      <th scope="col">{t('imports.column')}</th>
                      <th scope="col">{t('imports.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={errorsShown()}>
                      {(e) => (
                        <tr data-row={e.row} data-field={e.field} data-code={e.code}>
                          <td class="num">{e.row}</td>
                          <td>{columnOf(e)}</td>
                          <td class="cell-text">{reasonOf(e)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Show when={!showAllErrors() && j().errors.length > ERRORS_SHOWN}>
                <button type="button" class="link-button" onClick={() => setShowAllErrors(true)}>
                  {t('listing.loadMore')} ({formatNumber(j().errors.length - ERRORS_SHOWN)})
                </button>
              </Show>
            </Show>

            <Show when={j().status === 'committing' || committing() || j().status === 'committed'}>
              <div class="import-progress">
                <label for="import-progress">{t('imports.progress')}</label>
                <progress
                  id="import-progress"
                  data-testid="import-progress"
                  max="100"
                  value={percent()}
                  data-percent={percent()}
                  aria-valuetext={`${percent()}%`}
                />
                <span class="progress-text" data-testid="import-progress-text">
                  {percent()}% ·{' '}
                  {t(j().status === 'committed' ? 'imports.progressCount' : 'imports.committing', {
                    done: formatNumber(j().committedRows),
                    total: formatNumber(j().goodRows),
                  })}
                </span>
              </div>
            </Show>

            {/* Commit and discard as the API allows this viewer (an organizer's import: organizers). */}
            <Show when={j().actions.includes('commit') && (j().status === 'validated' || !committing())}>
              <Show
                when={j().goodRows > 0}
                fallback={<p class="alert alert-info">{t('imports.nothingGood')}</p>}
              >
                <div class="form-actions">
                  <button
                    type="button"
                    class="button button-primary"
                    data-testid="import-commit"
                    disabled={committing() || discarding()}
                    onClick={commitAll}
                  >
                    {j().status === 'committing'
                      ? t('imports.resume')
                      : t('imports.commit', { count: formatNumber(j().goodRows) })}
                  </button>
                  <Show when={j().actions.includes('discard')}>
                    <button
                      type="button"
                      class="button button-ghost"
                      data-testid="import-discard"
                      disabled={committing() || discarding()}
                      aria-busy={discarding()}
                      onClick={discard}
                    >
                      {t('imports.commitNone')}
                    </button>
                  </Show>
                </div>
              </Show>
            </Show>

            <Show when={j().status === 'committed'}>
              <div class="alert alert-success" role="status" data-testid="import-done">
                <p>{t('imports.committed', { count: formatNumber(j().committedRows) })}</p>
                <Show when={j().invitedOrgs > 0}>
                  <p>{t('imports.invited', { count: formatNumber(j().invitedOrgs) })}</p>
                </Show>
              </div>
              <Show when={organizer() && (j().invited?.length ?? 0) > 0}>
                <InvitedFirms
                  firms={j().invited ?? []}
                  capped={j().invitedCapped ?? false}
                  total={j().invitedOrgs}
                />
              </Show>
              <div class="form-actions">
                <A href={doneHref()} class="button button-secondary" data-testid="import-view">
                  {organizer() ? t('imports.viewLists') : t('imports.viewMine')}
                </A>
                <button type="button" class="button button-ghost" onClick={reset}>
                  {t('imports.again')}
                </button>
              </div>
            </Show>
            <Show when={j().status === 'discarded'}>
              <div class="alert alert-info" role="status" data-testid="import-discarded">
                {t('imports.discarded')}
              </div>
              <button type="button" class="button button-ghost" onClick={reset}>
                {t('imports.again')}
              </button>
            </Show>
          </section>
        )}
      </Show>

      <section class="card" aria-labelledby="import-history">
        <h2 class="card-title" id="import-history">
          {t('imports.history')}
        </h2>
        <Show
          when={(history()?.items.length ?? 0) > 0}
          fallback={<p class="muted">{history() ? t('imports.historyEmpty') : t('common.loading')}</p>}
        >
          <div class="listing-table-scroll">
            <table class="listing-table" data-testid="import-history">
              <thead>
                <tr>
                  <th scope="col">{t('imports.when')}</th>
                  <th scope="col">{t('imports.fileName')}</th>
                  <th scope="col">{t('imports.kind')}</th>
                  <th scope="col" class="num">
                    {t('imports.report')}
                  </th>
                  <th scope="col">{t('listing.field.status')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('imports.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={history()?.items}>
                  {(past) => (
                    <tr data-import-id={past.id}>
                      <td>{formatDateTime(past.createdAt)}</td>
                      <td class="cell-ellipsis" title={past.fileName} data-testid="import-file-name">
                        {past.fileName}
                      </td>
                      <td>{t(`listingKinds.${past.kind}`)}</td>
                      <td class="num">
                        {t('imports.goodOfTotal', {
                          good: formatNumber(past.goodRows),
                          total: formatNumber(past.totalRows),
                        })}
                      </td>
                      <td>
                        <span class={`badge badge-import badge-import-${past.status}`}>
                          {t(`imports.status.${past.status}`)}
                        </span>
                      </td>
                      <td>
                        <button type="button" class="link-button" onClick={() => openPast(past.id)}>
                          {t('imports.open')}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </>
  );
}

/** Firms an organizer's import listed before they registered: issue each an invitation (link and code). */
function InvitedFirms(props: { firms: NonNullable<ImportJob['invited']>; capped: boolean; total: number }) {
  return (
    <div class="card" data-testid="import-invited">
      <h3>{t('imports.invitations')}</h3>
      <p class="muted">{t('imports.invitationsHint')}</p>
      <Show when={props.capped}>
        <p class="hint" data-testid="import-invited-capped">
          {t('imports.invitedMore', {
            count: formatNumber(props.firms.length),
            total: formatNumber(props.total),
          })}
        </p>
      </Show>
      <table class="table">
        <thead>
          <tr>
            <th>{t('imports.firm')}</th>
            <th>{t('imports.creditCode')}</th>
            <th>{t('imports.inviteCode')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.firms}>
            {(firm) => (
              <tr data-testid="invited-firm">
                <td>{firm.name}</td>
                <td>{firm.creditCode}</td>
                <td>
                  <InviteCell orgId={firm.orgId} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p>
        <A href="/invitations">{t('invitations.allLink')}</A>
      </p>
    </div>
  );
}
