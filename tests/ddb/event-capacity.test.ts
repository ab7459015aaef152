import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '../../functions/audit/audit.ts';
import type { Principal } from '../../functions/auth/principal.ts';
import { baseCatalogue } from '../../functions/catalogue/catalogue.ts';
import type { EventInput } from '../../functions/contract/events.ts';
import { createEvent, moveEvent } from '../../functions/events/event-commands.ts';
import { moveRegistration, register } from '../../functions/events/registration-commands.ts';
import { buildListing } from '../../functions/listings/listing-commands.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import type { Org } from '../../functions/orgs/org.ts';
import { AppError } from '../../functions/shared/errors.ts';
import { newId } from '../../functions/shared/ids.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * Capacity holds under concurrency: 200 organisations apply at once and the organizer approves each
 * as soon as it arrives (and, on a second event, registers 200 firms on their behalf at once); the
 * event's approved counter is conditioned on `approvedCount < capacity` inside the approving
 * transaction, so never more than the capacity are approved, and the counter equals what is stored.
 */
describe('event capacity under 200 concurrent applications and approvals', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Principal;
  const firms: { principal: Principal; listingId: string }[] = [];
  const CAPACITY = 50;
  const FIRMS = 200;

  beforeAll(async () => {
    ctx = await freshTable();
    const made = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    organizer = {
      userId: made.user.id,
      email: made.user.email,
      orgId: made.org.id,
      orgRole: 'org_admin',
      platformRoles: ['organizer'],
    };
    const now = new Date().toISOString();
    for (let i = 0; i < FIRMS; i++) {
      const org: Org = {
        id: newId(),
        name: `并发企业${i}`,
        creditCode: makeCreditCode({ seed: 90_000 + i }),
        kinds: ['manufacturer'],
        adcode: '350403',
        contact: { name: '张三', phone: '13800138000' },
        createdAt: now,
        updatedAt: now,
      };
      await ctx.deps.table.transact(ctx.deps.orgs.createItems(org));
      const principal: Principal = {
        userId: newId(),
        email: `firm${i}@example.cn`,
        orgId: org.id,
        orgRole: 'org_admin',
        platformRoles: [],
      };
      const listing = buildListing(
        baseCatalogue,
        supplyBody() as Parameters<typeof buildListing>[1],
        { orgId: org.id, orgName: org.name, userId: principal.userId },
        now,
      );
      await ctx.deps.listings.create(
        listing,
        auditEntry(principal, 'listing', listing.id, 'post', now, newId()),
      );
      firms.push({ principal, listingId: listing.id });
    }
  }, 120_000);

  async function publishedEvent(): Promise<string> {
    const event = await createEvent(
      ctx.deps,
      organizer,
      eventBody({ categories: [], capacity: CAPACITY }) as unknown as EventInput,
    );
    await moveEvent(ctx.deps, organizer, event.id, 'publish');
    return event.id;
  }

  /** Retries what lost a write race to another writer (a 409 `conflict`), as a client would. */
  async function untilDecided<T>(attempt: () => Promise<T>): Promise<T | AppError> {
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') continue;
        if (error instanceof AppError) return error;
        throw error;
      }
    }
  }

  it('approves exactly the capacity when 200 firms apply and are approved at the same time', async () => {
    // Arrange
    const eventId = await publishedEvent();

    // Act
    const outcomes = await Promise.all(
      firms.map(async ({ principal, listingId }) => {
        const applied = await untilDecided(() =>
          register(ctx.deps, principal, eventId, { listingIds: [listingId], people: 1 }),
        );
        if (applied instanceof AppError) return applied.code;
        const approved = await untilDecided(() =>
          moveRegistration(ctx.deps, organizer, eventId, applied.registration.id, 'approve'),
        );
        return approved instanceof AppError ? approved.code : approved.status;
      }),
    );

    // Assert
    const event = await ctx.deps.events.get(eventId);
    const stored = await ctx.deps.events.allRegistrations(eventId);
    expect(outcomes.filter((o) => o === 'approved').length).toBe(CAPACITY);
    expect(outcomes.filter((o) => o === 'event_full').length).toBe(FIRMS - CAPACITY);
    expect(stored.filter((r) => r.status === 'approved').length).toBe(CAPACITY);
    expect(stored.filter((r) => r.status === 'applied').length).toBe(FIRMS - CAPACITY);
    expect(event?.approvedCount).toBe(CAPACITY);
    expect(event?.registrationCount).toBe(FIRMS);
  }, 180_000);

  it('registers on behalf no more firms than the capacity when 200 registrations race', async () => {
    // Arrange
    const eventId = await publishedEvent();

    // Act
    const outcomes = await Promise.all(
      firms.map(async ({ principal, listingId }) => {
        const result = await untilDecided(() =>
          register(ctx.deps, organizer, eventId, {
            listingIds: [listingId],
            people: 1,
            orgId: principal.orgId,
          }),
        );
        return result instanceof AppError ? result.code : result.registration.status;
      }),
    );

    // Assert
    const event = await ctx.deps.events.get(eventId);
    const stored = await ctx.deps.events.allRegistrations(eventId);
    expect(outcomes.filter((o) => o === 'approved').length).toBe(CAPACITY);
    expect(outcomes.filter((o) => o === 'event_full').length).toBe(FIRMS - CAPACITY);
    expect(stored.length).toBe(CAPACITY);
    expect(event?.approvedCount).toBe(CAPACITY);
  }, 180_000);
});
