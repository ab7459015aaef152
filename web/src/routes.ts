import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { preloadMe } from './components/app-shell.data.ts';
import { preloadOrg } from './pages/orgs/org-profile.data.ts';

/**
 * Every page, loaded on demand. Pages inside the app shell need a session (the shell sends
 * visitors to /sign-in?next=…). New areas add their routes under the shell's children and switch
 * their menu items on in nav.ts.
 */
export const routes: RouteDefinition[] = [
  { path: '/sign-in', component: lazy(() => import('./pages/auth/sign-in.tsx')) },
  { path: '/register', component: lazy(() => import('./pages/orgs/register.tsx')) },
  {
    path: '/',
    component: lazy(() => import('./components/app-shell.tsx')),
    preload: preloadMe,
    children: [
      { path: '/', component: lazy(() => import('./pages/home/home.tsx')) },
      {
        path: '/orgs/:orgId',
        component: lazy(() => import('./pages/orgs/org-profile.tsx')),
        preload: preloadOrg,
      },
      { path: '*404', component: lazy(() => import('./pages/not-found.tsx')) },
    ],
  },
];
