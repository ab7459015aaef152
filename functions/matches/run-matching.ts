import type { Deps } from '../api/deps.ts';
import type { Principal } from '../auth/principal.ts';
import type {
  DemandListing,
  LabourOfferListing,
  LabourRequestListing,
  Listing,
  SupplyListing,
} from '../listings/listing.ts';
import { allocateGoods } from '../matching/allocation.ts';
import { greedyGoods } from '../matching/greedy.ts';
import { allocateLabour } from '../matching/labour-allocation.ts';
import { regionPrefix } from '../regions/regions.ts';
import { ConditionFailed } from '../shared/db/table.ts';
import { ConflictError } from '../shared/errors.ts';
import { transition } from '../shared/lifecycle.ts';
import {
  fromSteps,
  goodsPolicy,
  pointOf,
  toGoodsDemand,
  toGoodsSupply,
  toLabourOffer,
  toLabourRequest,
} from './allocation-input.ts';
import { matchIdFor, reasonsOf } from './live-matching.ts';
import { MATCH_PROPOSAL_TTL_DAYS, type Match } from './match.ts';
import { proposeMatch } from './match-commands.ts';
import {
  type MatchingRun,
  RUN_CHUNK,
  type RunProposal,
  type RunTotals,
  runLifecycle,
} from './matching-run.ts';

/** Batch matching over a scope: load, solve exactly (with certificate), compare with greedy, save. */

async function save(deps: Deps, run: MatchingRun, changes: Partial<MatchingRun>): Promise<MatchingRun> {
  const next = { ...run, ...changes, updatedAt: deps.clock.now().toISOString(), version: run.version + 1 };
  try {
    await deps.runs.save(next, run.version);
  } catch (error) {
    if (error instanceof ConditionFailed) throw new ConflictError();
    throw error;
  }
  return next;
}

async function load(deps: Deps, run: MatchingRun, kinds: [Listing['kind'], Listing['kind']]) {
  const prefix = regionPrefix(run.region);
  const [offers, needs] = await Promise.all(
    kinds.map((kind) =>
      deps.listings.searchAll(
        { kind, regionPrefix: prefix, status: 'open', ...(run.category ? { category: run.category } : {}) },
        50_000,
      ),
    ),
  );
  return { offers: offers!.filter((l) => l.remaining > 0), needs: needs!.filter((l) => l.remaining > 0) };
}

function proposal(
  offer: Listing,
  need: Listing,
  fields: Omit<
    RunProposal,
    | 'offerListingId'
    | 'needListingId'
    | 'offerOrgId'
    | 'needOrgId'
    | 'offerOrgName'
    | 'needOrgName'
    | 'from'
    | 'to'
  >,
): RunProposal {
  return {
    offerListingId: offer.id,
    needListingId: need.id,
    offerOrgId: offer.orgId,
    needOrgId: need.orgId,
    offerOrgName: offer.orgName,
    needOrgName: need.orgName,
    from: pointOf(offer),
    to: pointOf(need),
    ...fields,
  };
}

export async function executeRun(deps: Deps, queued: MatchingRun): Promise<void> {
  const current = await deps.runs.get(queued.id);
  if (!current || current.status !== 'queued') return; // already taken (redelivery)
  let run: MatchingRun;
  try {
    run = await save(deps, current, {
      status: transition(runLifecycle, current.status, 'start'),
      stage: 'loading',
      progress: 0.1,
    });
  } catch (error) {
    if (error instanceof ConflictError) return;
    throw error;
  }
  try {
    const proposals: RunProposal[] = [];
    let totals: RunTotals;
    if (run.kind === 'goods') {
      const { offers, needs } = await load(deps, run, ['supply', 'demand']);
      run = await save(deps, run, { stage: 'solving', progress: 0.3 });
      const supplies = (offers as SupplyListing[]).map((l) => toGoodsSupply(l));
      const demands = (needs as DemandListing[]).map((l) => toGoodsDemand(l));
      const result = allocateGoods(supplies, demands, goodsPolicy, { certify: true });
      const greedy = greedyGoods(supplies, demands, goodsPolicy);
      const byId = new Map<string, Listing>([...offers, ...needs].map((l) => [l.id, l]));
      let cost = 0;
      for (const a of result.allocations) {
        const offer = byId.get(a.supplyId) as SupplyListing;
        const need = byId.get(a.demandId) as DemandListing;
        cost += a.freightCost + a.borderPenalty;
        proposals.push(
          proposal(offer, need, {
            offerItem: offer.specId,
            needItem: need.specId,
            quantity: fromSteps(a.quantity, offer.specId),
            unit: offer.unit,
            distanceKm: Math.round(a.distanceKm * 10) / 10,
            freightCost: Math.round(a.freightCost),
            crossProvince: a.crossProvince,
            substitute: a.substitute,
            reasons: reasonsOf(a.reasons),
          }),
        );
      }
      const t = result.totals;
      totals = {
        offers: offers.length,
        needs: needs.length,
        offered: t.supplyTotal,
        needed: t.demandTotal,
        placed: t.placed,
        placedShare: t.placedShare,
        cost: Math.round(cost),
        unitKm: Math.round(t.unitKm),
        inProvinceShare: t.inProvinceShare,
        candidatePairs: result.stats.candidatePairs,
        solveMs: Math.round(result.stats.totalMs),
        certified: result.stats.certificate?.certified ?? false,
        greedy: {
          placed: greedy.totals.placed,
          cost: Math.round(greedy.totals.cost / 1000),
          unitKm: Math.round(greedy.totals.unitKm),
          costGapShare: t.cost > 0 ? (greedy.totals.cost - t.cost) / t.cost : 0,
        },
      };
    } else {
      const { offers, needs } = await load(deps, run, ['labour_offer', 'labour_request']);
      run = await save(deps, run, { stage: 'solving', progress: 0.3 });
      const result = allocateLabour(
        (offers as LabourOfferListing[]).map((l) => toLabourOffer(l)),
        (needs as LabourRequestListing[]).map((l) => toLabourRequest(l)),
        { certify: true },
      );
      const byId = new Map<string, Listing>([...offers, ...needs].map((l) => [l.id, l]));
      for (const a of result.allocations) {
        const offer = byId.get(a.offerId) as LabourOfferListing;
        const need = byId.get(a.requestId) as LabourRequestListing;
        proposals.push(
          proposal(offer, need, {
            offerItem: offer.skillId,
            needItem: need.skillId,
            quantity: a.headcount,
            unit: 'person',
            distanceKm: Math.round(a.distanceKm * 10) / 10,
            crossProvince: a.crossProvince,
            substitute: false,
            reasons: reasonsOf(a.reasons),
          }),
        );
      }
      const t = result.totals;
      totals = {
        offers: offers.length,
        needs: needs.length,
        offered: t.offeredTotal,
        needed: t.requestedTotal,
        placed: t.placed,
        placedShare: t.placedShare,
        cost: Math.round(t.commuteKm),
        unitKm: Math.round(t.commuteKm),
        inProvinceShare: t.inProvinceShare,
        candidatePairs: result.stats.candidatePairs,
        solveMs: Math.round(result.stats.totalMs),
        certified: result.stats.certificate?.certified ?? false,
      };
    }
    run = await save(deps, run, { stage: 'saving', progress: 0.8 });
    const chunkCount = Math.ceil(proposals.length / RUN_CHUNK);
    for (let i = 0; i < chunkCount; i++) {
      await deps.runs.saveChunk(run.id, i, proposals.slice(i * RUN_CHUNK, (i + 1) * RUN_CHUNK));
    }
    await save(deps, run, {
      status: transition(runLifecycle, run.status, 'finish'),
      stage: 'done',
      progress: 1,
      totals,
      proposalCount: proposals.length,
      chunkCount,
    });
  } catch (error) {
    const latest = (await deps.runs.get(run.id)) ?? run;
    await save(deps, latest, { status: 'failed', stage: 'failed', error: String(error).slice(0, 500) });
  }
}

/** Turns a run's proposals into matches (both sides then accept); resumable, like imports. */
export async function publishRun(
  deps: Deps,
  principal: Principal,
  runId: string,
  budgetMs = 8_000,
): Promise<MatchingRun> {
  const started = Date.now();
  let run = (await deps.runs.get(runId))!;
  if (run.status !== 'publishing') {
    run = await save(deps, run, {
      status: transition(runLifecycle, run.status, 'publish'),
      stage: 'publishing',
      progress: 0,
    });
  }
  while (run.publishedChunks < run.chunkCount && Date.now() - started < budgetMs) {
    const proposals = await deps.runs.chunk(run.id, run.publishedChunks);
    let created = 0;
    const now = deps.clock.now().toISOString();
    for (const p of proposals) {
      const match: Match = {
        id: matchIdFor(p.offerListingId, p.needListingId),
        kind: run.kind,
        offerListingId: p.offerListingId,
        offerOrgId: p.offerOrgId,
        offerOrgName: p.offerOrgName,
        needListingId: p.needListingId,
        needOrgId: p.needOrgId,
        needOrgName: p.needOrgName,
        offerItem: p.offerItem,
        needItem: p.needItem,
        quantity: p.quantity,
        unit: p.unit,
        distanceKm: p.distanceKm,
        ...(p.freightCost !== undefined ? { freightCost: p.freightCost } : {}),
        crossProvince: p.crossProvince,
        substitute: p.substitute,
        reasons: p.reasons,
        status: 'proposed',
        source: `run:${run.id}`,
        proposedAt: now,
        expiresAt: new Date(Date.parse(now) + MATCH_PROPOSAL_TTL_DAYS * 86_400_000).toISOString(),
        updatedAt: now,
        version: 1,
      };
      if (await proposeMatch(deps, match, principal)) created += 1;
    }
    run = await save(deps, run, {
      publishedChunks: run.publishedChunks + 1,
      publishedMatches: run.publishedMatches + created,
      progress: (run.publishedChunks + 1) / Math.max(1, run.chunkCount),
    });
  }
  if (run.publishedChunks >= run.chunkCount) {
    run = await save(deps, run, {
      status: transition(runLifecycle, run.status, 'finishPublishing'),
      stage: 'published',
      progress: 1,
    });
  }
  return run;
}
