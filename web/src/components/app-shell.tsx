import { A, createAsync, Navigate, type RouteSectionProps, useLocation } from '@solidjs/router';
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  type JSX,
  on,
  onCleanup,
  Show,
  Suspense,
} from 'solid-js';
import type { Me } from '../api/auth.ts';
import { getUnread } from '../api/notifications.ts';
import { t } from '../i18n/index.ts';
import { sectionsFor } from '../nav.ts';
import { endSession, type Session, session, signOutNotice } from '../session.ts';
import { getMe, MeContext } from './app-shell.data.ts';
import { Brand } from './brand.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { LoadError, Loading } from './load-error.tsx';

/**
 * The frame of every signed-in page: top bar (organisation, user, language, sign out), the
 * navigation for the organisation's kinds and the user's roles, and the page. Without a session it
 * sends the visitor to sign in, and back here afterwards.
 */
export default function AppShell(props: RouteSectionProps) {
  const location = useLocation();
  const signInHref = () => {
    const notice = signOutNotice();
    const here = `${location.pathname}${location.search}`;
    const signedOutOnPurpose = notice !== null && 'key' in notice && notice.key === 'auth.signedOut';
    return signedOutOnPurpose || here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
  };
  return (
    <Show when={session()} keyed fallback={<Navigate href={signInHref()} />}>
      {(current) => <SignedIn session={current}>{props.children}</SignedIn>}
    </Show>
  );
}

function SignedIn(props: { session: Session; children?: JSX.Element }) {
  const me = createAsync(() => getMe(props.session.user.id));
  const location = useLocation();
  const [menuOpen, setMenuOpen] = createSignal(false);
  const closeMenuOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && menuOpen()) setMenuOpen(false);
  };
  document.addEventListener('keydown', closeMenuOnEscape);
  onCleanup(() => document.removeEventListener('keydown', closeMenuOnEscape));
  let resetPage: (() => void) | undefined;
  createEffect(
    on(
      () => location.pathname,
      () => {
        setMenuOpen(false);
        resetPage?.();
        resetPage = undefined;
      },
      { defer: true },
    ),
  );
  const roles = () => {
    const user = props.session.user;
    return [t(`roles.${user.orgRole}`), ...user.platformRoles.map((r) => t(`roles.${r}`))].join(' · ');
  };

  return (
    <MeContext.Provider value={me}>
      <div class="shell" classList={{ 'menu-open': menuOpen() }}>
        <a class="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header class="topbar">
          <button
            type="button"
            class="menu-button"
            aria-expanded={menuOpen()}
            aria-controls="sidebar"
            onClick={() => setMenuOpen(!menuOpen())}
          >
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
              <path
                d="M3 6h18M3 12h18M3 18h18"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
              />
            </svg>
            <span class="sr-only">{t('common.menu')}</span>
          </button>
          <Brand />
          <div class="topbar-org" data-testid="header-org">
            <ErrorBoundary fallback={null}>
              <Suspense fallback={<span class="skeleton" />}>{me()?.org.name}</Suspense>
            </ErrorBoundary>
          </div>
          <div class="topbar-end">
            <div class="topbar-user">
              <span class="user-name" data-testid="header-user">
                {props.session.user.name}
              </span>
              <span class="user-role">{roles()}</span>
            </div>
            <LangSwitch />
            <button
              type="button"
              class="button button-ghost sign-out"
              data-testid="sign-out"
              onClick={() => endSession({ key: 'auth.signedOut' })}
            >
              {t('auth.signOut')}
            </button>
          </div>
        </header>
        <div class="backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} />
        <div class="shell-body">
          <nav id="sidebar" class="sidebar" aria-label={t('nav.main')}>
            <ErrorBoundary fallback={null}>
              <Suspense fallback={<Loading />}>
                <Show when={me()}>{(m) => <SideNav me={m()} />}</Show>
              </Suspense>
            </ErrorBoundary>
          </nav>
          <main id="main" class="content" tabindex="-1">
            <ErrorBoundary
              fallback={(error, reset) => {
                resetPage = reset;
                return <LoadError error={error} reset={reset} />;
              }}
            >
              <Suspense fallback={<Loading />}>{props.children}</Suspense>
            </ErrorBoundary>
          </main>
        </div>
      </div>
    </MeContext.Provider>
  );
}

function SideNav(props: { me: Me }) {
  return (
    <For each={sectionsFor(props.me)}>
      {({ section, items }) => (
        <div class="nav-section" data-section={section.id}>
          <Show when={section.id !== 'general'}>
            <h2 class="nav-title">{t(section.title)}</h2>
          </Show>
          <ul>
            <For each={items}>
              {(item) => {
                const href = item.href?.(props.me);
                return (
                  <li>
                    <Show
                      when={href}
                      fallback={
                        <span class="nav-link is-disabled" aria-disabled="true">
                          <span>{t(item.label)}</span>
                          <span class="badge badge-muted">{t('common.comingSoon')}</span>
                        </span>
                      }
                    >
                      {(to) => (
                        <A href={to()} class="nav-link" end={to() === '/'}>
                          {t(item.label)}
                          <Show when={item.label === 'nav.inbox'}>
                            <UnreadBadge />
                          </Show>
                        </A>
                      )}
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        </div>
      )}
    </For>
  );
}

/** The signed-in user's unread notifications, on the inbox link (one read of a counter). */
function UnreadBadge() {
  const unread = createAsync(() => getUnread());
  return (
    <Show when={(unread()?.unread ?? 0) > 0}>
      <span class="badge badge-blue nav-badge" data-testid="inbox-unread">
        <span aria-hidden="true">{unread()!.unread}</span>
        <span class="sr-only">{t('notifications.unread', { count: unread()!.unread })}</span>
      </span>
    </Show>
  );
}
