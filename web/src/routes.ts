import type { RouteDefinition, RoutePreloadFuncArgs } from '@solidjs/router';
import { lazy } from 'solid-js';
import { preloadMe } from './components/app-shell.data.ts';
import { preloadMatch } from './pages/matches/match-data.ts';
import { preloadOrg } from './pages/orgs/org-profile.data.ts';

/**
 * Listing pages' data, preloaded without putting the listings API into the main bundle. The route's
 * params are read here, synchronously: a param first read later, inside the navigation's
 * transition, does not update the page (it stays at the previous route's value).
 */
const listingData = () => import('./pages/listings/listing.data.ts');
const preloadCatalogue = ({ params }: RoutePreloadFuncArgs) => {
  void params.kind;
  void listingData().then((m) => m.preloadCatalogue());
};
const preloadListing = ({ params }: RoutePreloadFuncArgs) => {
  const listingId = params.listingId;
  void listingData().then((m) => m.preloadListing(listingId));
};

/**
 * Every page, loaded on demand. Pages inside the app shell need a session (the shell sends
 * visitors to /sign-in?next=…). New areas add their routes under the shell's children and switch
 * their menu items on in nav.ts.
 */
export const routes: RouteDefinition[] = [
  { path: '/sign-in', component: lazy(() => import('./pages/auth/sign-in.tsx')) },
  { path: '/register', component: lazy(() => import('./pages/orgs/register.tsx')) },
  // the live day (issue 10): the hall's big screen, public by its token
  { path: '/live/screen/:token', component: lazy(() => import('./pages/live/live-screen.tsx')) },
  // what a participant's QR code opens: an organizer checks it in with one tap
  { path: '/live/checkin/:token', component: lazy(() => import('./pages/live/live-checkin.tsx')) },
  { path: '/event/:eventId', component: lazy(() => import('./pages/events/event-public.tsx')) },
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
      { path: '/inbox', component: lazy(() => import('./pages/matches/inbox.tsx')) },
      {
        path: '/matches/:matchId',
        component: lazy(() => import('./pages/matches/match-detail.tsx')),
        preload: preloadMatch,
      },
      { path: '/runs', component: lazy(() => import('./pages/runs/runs.tsx')) },
      { path: '/runs/:runId', component: lazy(() => import('./pages/runs/run-detail.tsx')) },
      {
        path: '/listings/new/:kind',
        component: lazy(() => import('./pages/listings/listing-new.tsx')),
        preload: preloadCatalogue,
      },
      {
        path: '/listings/mine/:kind?',
        component: lazy(() => import('./pages/listings/my-listings.tsx')),
        preload: preloadCatalogue,
      },
      {
        path: '/listings/search',
        component: lazy(() => import('./pages/listings/listing-search.tsx')),
        preload: preloadCatalogue,
      },
      {
        path: '/listings/:listingId',
        component: lazy(() => import('./pages/listings/listing-detail.tsx')),
        preload: preloadListing,
      },
      {
        path: '/listings/:listingId/edit',
        component: lazy(() => import('./pages/listings/listing-edit.tsx')),
        preload: preloadListing,
      },
      { path: '/lists', component: lazy(() => import('./pages/lists/lists.tsx')), preload: preloadCatalogue },
      { path: '/imports', component: lazy(() => import('./pages/imports/imports.tsx')) },
      { path: '/invitations', component: lazy(() => import('./pages/orgs/invitations.tsx')) },
      { path: '/events', component: lazy(() => import('./pages/events/events.tsx')) },
      { path: '/events/new', component: lazy(() => import('./pages/events/event-form.tsx')) },
      // reports (issue 10)
      { path: '/dashboard', component: lazy(() => import('./pages/events/region-dashboard.tsx')) },
      { path: '/events/:eventId/report', component: lazy(() => import('./pages/events/event-report.tsx')) },
      {
        path: '/events/:eventId/carry-over',
        component: lazy(() => import('./pages/events/event-carry-over.tsx')),
      },
      {
        path: '/events/:eventId/edit',
        component: lazy(() =>
          import('./pages/events/event-form.tsx').then((m) => ({ default: m.EventEditPage })),
        ),
      },
      { path: '/events/:eventId', component: lazy(() => import('./pages/events/event-detail.tsx')) },
      {
        path: '/events/:eventId/registrations',
        component: lazy(() => import('./pages/events/event-registrations.tsx')),
      },
      {
        path: '/events/:eventId/schedule',
        component: lazy(() => import('./pages/events/event-schedule.tsx')),
      },
      {
        path: '/events/:eventId/timetable',
        component: lazy(() => import('./pages/events/event-timetable.tsx')),
      },
      { path: '/events/:eventId/live', component: lazy(() => import('./pages/live/live-console.tsx')) },
      { path: '/events/:eventId/agenda', component: lazy(() => import('./pages/events/event-agenda.tsx')) },
      // the platform admin (issue 12)
      { path: '/admin/users', component: lazy(() => import('./pages/admin/admin-users.tsx')) },
      { path: '/admin/orgs/new', component: lazy(() => import('./pages/admin/admin-org-new.tsx')) },
      { path: '/deals', component: lazy(() => import('./pages/deals/deals.tsx')) },
      { path: '/deals/:dealId', component: lazy(() => import('./pages/deals/deal-detail.tsx')) },
      { path: '*404', component: lazy(() => import('./pages/not-found.tsx')) },
    ],
  },
];
