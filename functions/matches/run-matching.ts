import type { Deps } from '../api/deps.ts';
import type { Principal } from '../auth/principal.ts';
import { pairOf } from '../contract/listing-kinds.ts';
import type { Listing } from '../listings/listing.ts';
import { regionPrefix } from '../regions/regions.ts';
import { ConflictError } from '../shared/errors.ts';
import { transition } from '../shared/lifecycle.ts';
import { pointOf } from './allocation-input.ts';
import { proposeMatch, reviseProposal } from './match-commands.ts';
import {
  type MatchingRun,
  RUN_CHUNK,
  type RunProposal,
  type RunTotals,
  runLifecycle,
} from './matching-run.ts';
import { allocateListings, type PairProposal, proposedMatch } from './proposals.ts';
import { eventMatchRecord, loadEventListings, pairsMetBefore } from './run-scope-event.ts';

/** Batch matching over a scope: load, solve exactly (with certificate), compare with greedy, save. */

async function save(deps: Deps, run: MatchingRun, changes: Partial<MatchingRun>): Promise<MatchingRun> {
  const next = { ...run, ...changes, updatedAt: deps.clock.now().toISOString(), version: run.version + 1 };
  await deps.runs.save(next, run.version); // a lost race is a ConditionFailed: 409
  return next;
}

async function load(deps: Deps, run: MatchingRun, kinds: [Listing['kind'], Listing['kind']]) {
  if (run.eventId) return { ...(await loadEventListings(deps, run.eventId, kinds)), capped: false };
  const prefix = regionPrefix(run.region);
  const [offers, needs] = await Promise.all(
    kinds.map((kind) =>
      deps.listings.searchAll({
        kind,
        regionPrefix: prefix,
        status: 'open',
        ...(run.category ? { category: run.category } : {}),
      }),
    ),
  );
  return {
    offers: offers!.items.filter((l) => l.remaining > 0),
    needs: needs!.items.filter((l) => l.remaining > 0),
    capped: offers!.capped || needs!.capped,
  };
}

function toRunProposal({ offer, need, ...rest }: PairProposal): RunProposal {
  return {
    ...rest,
    offerListingId: offer.id,
    needListingId: need.id,
    offerOrgId: offer.orgId,
    needOrgId: need.orgId,
    offerOrgName: offer.orgName,
    needOrgName: need.orgName,
    needAdcode: need.adcode,
    from: pointOf(offer),
    to: pointOf(need),
  };
}

export async function executeRun(deps: Deps, queued: MatchingRun): Promise<void> {
  const current = await deps.runs.get(queued.id);
  if (current?.status !== 'queued') return; // already taken (redelivery)
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
    const kinds: [Listing['kind'], Listing['kind']] = pairOf(run.kind);
    const { offers, needs, capped } = await load(deps, run, kinds);
    run = await save(deps, run, { stage: 'solving', progress: 0.3 });
    // In a series, pairs that met at an earlier event are kept apart inside the allocation, so
    // their quantity goes to the next best counterpart instead of being dropped afterwards.
    const metBefore = run.eventId ? await pairsMetBefore(deps, run.eventId) : undefined;
    const result = allocateListings(run.kind, offers, needs, {
      catalogue: await deps.catalogue.current(),
      certify: true,
      compareGreedy: run.kind === 'goods',
      orgPairsApart: metBefore,
    });
    const proposals = result.proposals.map(toRunProposal);
    const base = {
      offers: offers.length,
      needs: needs.length,
      candidatePairs: (result.goods ?? result.labour)!.stats.candidatePairs,
      solveMs: Math.round((result.goods ?? result.labour)!.stats.totalMs),
      certified: (result.goods ?? result.labour)!.stats.certificate?.certified ?? false,
      ...(capped ? { inputCapped: true } : {}),
    };
    let totals: RunTotals;
    if (result.goods) {
      const t = result.goods.totals;
      const greedy = result.greedy!;
      totals = {
        ...base,
        offered: t.supplyTotal,
        needed: t.demandTotal,
        placed: t.placed,
        placedShare: t.placedShare,
        cost: Math.round(t.costCny),
        unitKm: Math.round(t.unitKm),
        inProvinceShare: t.inProvinceShare,
        greedy: {
          placed: greedy.totals.placed,
          cost: Math.round(greedy.totals.cost / 1000),
          unitKm: Math.round(greedy.totals.unitKm),
          costGapShare: t.cost > 0 ? (greedy.totals.cost - t.cost) / t.cost : 0,
          savedShare: greedy.totals.cost > 0 ? (greedy.totals.cost - t.cost) / greedy.totals.cost : 0,
        },
      };
    } else {
      const t = result.labour!.totals;
      totals = {
        ...base,
        offered: t.offeredTotal,
        needed: t.requestedTotal,
        placed: t.placed,
        placedShare: t.placedShare,
        cost: Math.round(t.commuteKm),
        unitKm: Math.round(t.commuteKm),
        inProvinceShare: t.inProvinceShare,
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
      const match = proposedMatch(
        {
          ...p,
          kind: run.kind,
          offer: { id: p.offerListingId, orgId: p.offerOrgId, orgName: p.offerOrgName },
          need: { id: p.needListingId, orgId: p.needOrgId, orgName: p.needOrgName, adcode: p.needAdcode },
        },
        now,
        `run:${run.id}`,
      );
      if (run.eventId) {
        match.eventId = run.eventId;
        if (run.respondBy && run.respondBy < match.expiresAt) match.expiresAt = run.respondBy;
      }
      if ((await proposeMatch(deps, match, principal)) || (await reviseProposal(deps, match, principal)))
        created += 1;
      if (run.eventId) await deps.table.put(eventMatchRecord(run.eventId, match.id));
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
