import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Me } from '../../api/auth.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { RegionName } from '../../components/region-name.tsx';
import { t } from '../../i18n/index.ts';
import { sectionsFor } from '../../nav.ts';
import { usePageTitle } from '../../page-title.ts';

/** The landing page after sign-in: who you are, and what your kind of organisation can do here. */
export default function HomePage() {
  usePageTitle('nav.home');
  const me = useMe();
  return <Show when={me()}>{(current) => <Home me={current()} />}</Show>;
}

function Home(props: { me: Me }) {
  const entries = () => sectionsFor(props.me).filter(({ section }) => section.homeTitle);
  return (
    <>
      <header class="page-header">
        <div>
          <h1 class="page-title" data-testid="home-title">
            {t('home.welcome', { name: props.me.user.name })}
          </h1>
          <p class="page-lead">
            <span data-testid="home-org">{props.me.org.name}</span>
            <span class="dot" aria-hidden="true">
              ·
            </span>
            <RegionName adcode={props.me.org.adcode} />
          </p>
        </div>
        <ul class="tags" aria-label={t('org.kinds')}>
          <For each={props.me.org.kinds}>{(kind) => <li class="tag">{t(`kinds.${kind}`)}</li>}</For>
        </ul>
      </header>

      <Show when={props.me.org.kinds.length === 0}>
        <div class="alert alert-info">{t('home.noKinds')}</div>
      </Show>

      <section aria-labelledby="home-entries">
        <h2 id="home-entries" class="section-heading">
          {t('home.entries')}
        </h2>
        <div class="card-grid">
          <For each={entries()}>
            {({ section, items }) => (
              <article class="card entry-card" data-section={section.id}>
                <h3 class="entry-title">{t(section.homeTitle ?? section.title)}</h3>
                <p class="entry-text">{section.homeText ? t(section.homeText) : ''}</p>
                <div class="entry-actions">
                  <For each={items}>
                    {(item) => {
                      const href = item.href?.(props.me);
                      return href ? (
                        <A href={href} class="button button-secondary">
                          <span>{t(item.label)}</span>
                          <span class="entry-arrow" aria-hidden="true">
                            →
                          </span>
                        </A>
                      ) : (
                        <button type="button" class="button button-secondary" disabled>
                          <span>{t(item.label)}</span>
                          <span class="badge badge-muted">{t('common.comingSoon')}</span>
                        </button>
                      );
                    }}
                  </For>
                </div>
              </article>
            )}
          </For>
          <article class="card entry-card" data-section="org">
            <h3 class="entry-title">{t('home.profileTitle')}</h3>
            <p class="entry-text">{t('home.profileText')}</p>
            <div class="entry-actions">
              <A href={`/orgs/${props.me.org.id}`} class="button button-secondary">
                <span>{t('home.open')}</span>
                <span class="entry-arrow" aria-hidden="true">
                  →
                </span>
              </A>
            </div>
          </article>
        </div>
      </section>
    </>
  );
}
