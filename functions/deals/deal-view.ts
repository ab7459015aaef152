import { allowedDealActions, type Deal, type DealViewer } from './deal.ts';

/** The deal with what this viewer may do with it now (the web shows exactly those buttons). */
export function viewDeal(viewer: DealViewer, deal: Deal) {
  return { ...deal, actions: allowedDealActions(viewer, deal) };
}
