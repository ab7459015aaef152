import { query, Router } from '@solidjs/router';
import { createEffect, ErrorBoundary, on } from 'solid-js';
import { render } from 'solid-js/web';
import { LoadError } from './components/load-error.tsx';
import { routes } from './routes.ts';
import { session } from './session.ts';
import './styles.css';

/** Gongxu 供需 in the browser: the router over routes.ts, inside one last-resort error boundary. */
export function App() {
  // nothing loaded for one session (or for none) may be shown to the next
  createEffect(on(session, () => query.clear(), { defer: true }));
  return (
    <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
      <Router>{routes}</Router>
    </ErrorBoundary>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(() => <App />, root);
}
