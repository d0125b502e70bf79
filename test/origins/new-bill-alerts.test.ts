import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBillPage, type BillPageSpec } from '../../local/simulator/sozd-page-builder.js';
import { createLogger } from '../../shared/log/logger.js';
import { alertNewBill } from '../../shared/pipeline/alert-new-bill.js';
import { pollFeeds } from '../../shared/pipeline/poll-feeds.js';
import { pollWatchedBills, type PollDependencies } from '../../shared/pipeline/poll-bills.js';
import { sweepOriginOutbox } from '../../shared/pipeline/sweep-outbox.js';
import { originSignature } from '../../shared/origins/bill-origin.js';
import { newBillAlertDependencies } from '../../shared/runtime/topic-alert-dependencies.js';
import { buildFeed, type TestItem } from '../feeds/support/feed-builder.js';
import { startFeedsHarness, type FeedsHarness, type FeedsWorld } from '../feeds/support/feeds-harness.js';
import { pageSourceAt } from '../support/page-server-source.js';
import { crashOnce } from '../support/pipeline-harness.js';

// Real committee names and initiators, as the passports of the shared real pages write them.
const BUDGET = 'Комитет Государственной Думы по бюджету и налогам';
const EDUCATION = 'Комитет Государственной Думы по просвещению';
const LABOUR = 'Комитет Государственной Думы по труду, социальной политике и делам ветеранов';
const GOVERNMENT = 'Правительство Российской Федерации';

const page = (number: string, committee: string, initiators: string, title: string): BillPageSpec => ({
  number,
  title,
  committee,
  initiators,
  currentStageId: 1,
  events: [{ id: `e-${number}`, stageId: 1, eventNumber: '1.1', name: 'Внесение законопроекта в Государственную Думу', date: '2026-11-30T10:00:00' }],
});
// Numbers of the 9th convocation (the feed's bill-number reader takes real convocations only) that sozd has not reached.
const BUDGET_BILL = page('990001-9', BUDGET, GOVERNMENT, 'О внесении изменений в Налоговый кодекс Российской Федерации');
const EDUCATION_BILL = page('990002-9', EDUCATION, 'Депутаты Государственной Думы О.Г.Дмитриева, Н.А.Останина', 'Об образовании');
const LABOUR_BILL = page('990003-9', LABOUR, 'Депутаты Государственной Думы А.К.Исаев', 'О занятости населения');

const OLD_ITEM: TestItem = { title: 'Законопроект № 990000-9', link: 'https://sozd.duma.gov.ru/bill/990000-9', guid: 'old', date: '2026-11-29T09:00:00.000Z' };
const itemFor = (spec: BillPageSpec): TestItem => ({
  title: `Законопроект № ${spec.number} «${spec.title}»`,
  link: `https://sozd.duma.gov.ru/bill/${spec.number}`,
  guid: spec.number,
  date: '2026-11-30T09:00:00.000Z',
});

let harness: FeedsHarness;
beforeAll(async () => {
  harness = await startFeedsHarness();
});
afterAll(async () => {
  await harness.stop();
});

const rss = (items: TestItem[]) => ({ contentType: 'application/rss+xml', body: buildFeed('rss2', 'Законопроекты', items) });
const servePage = (spec: BillPageSpec) => harness.serve(`/bill/${spec.number}`, { contentType: 'text/html; charset=utf-8', body: buildBillPage(spec) });

function pollDeps(world: FeedsWorld): PollDependencies {
  const { bills, changes, originOutbox } = world.stores;
  return { bills, changes, originOutbox, fanOutQueue: world.deps.fanOutQueue, source: pageSourceAt(harness.origin), now: () => new Date(), logger: createLogger('poll-test') };
}

/** A world whose new-bill feed has had its baseline read, and whose subscribers follow committees and initiators. */
async function worldWithFollowers() {
  const world = await harness.newWorld([{ id: 'duma-api-bills', path: '/search.rss', newBills: true, label: 'Новые законопроекты' }]);
  const ids = {
    budgetRu: await world.subscribe('budget-ru@example.org', { committees: [BUDGET] }),
    // Another spelling of the same committee: case, ё/е and spaces do not matter.
    budgetEn: await world.subscribe('budget-en@example.org', { committees: ['комитет  государственной думы по бюджету и налогам'], language: 'en' }),
    education: await world.subscribe('education@example.org', { committees: [EDUCATION] }),
    government: await world.subscribe('government@example.org', { initiators: [GOVERNMENT], language: 'en' }),
    deputy: await world.subscribe('deputy@example.org', { initiators: ['О. Г. Дмитриева'] }),
  };
  harness.serve('/search.rss', rss([OLD_ITEM]));
  await pollFeeds(world.deps);
  return { world, ids };
}

/** {@link worldWithFollowers} whose new-bill feed has just listed BUDGET_BILL (served, not yet polled). */
async function worldWithBudgetBillInFeed() {
  const { world } = await worldWithFollowers();
  servePage(BUDGET_BILL);
  harness.serve('/search.rss', rss([itemFor(BUDGET_BILL), OLD_ITEM]));
  await pollFeeds(world.deps);
  await world.deliver();
  return world;
}

describe('following a committee or an initiator', () => {
  it('a new bill in the new-bill feed is read from sozd and alerts each follower of its committee or initiators once, in their language', async () => {
    const { world } = await worldWithFollowers();
    for (const spec of [BUDGET_BILL, EDUCATION_BILL, LABOUR_BILL]) servePage(spec);
    harness.serve('/search.rss', rss([itemFor(BUDGET_BILL), itemFor(EDUCATION_BILL), itemFor(LABOUR_BILL), OLD_ITEM]));

    await pollFeeds(world.deps);
    await world.deliver();
    const beforePoll = (await world.emails()).length;
    await pollWatchedBills(pollDeps(world));
    await world.deliver();

    expect(beforePoll).toBe(0);
    expect((await world.emails()).map((email) => [email.destination.to[0], email.subject])).toEqual([
      ['budget-en@example.org', `New bill from State Duma Committee on Budget and Taxes: Bill 990001-9 — ${BUDGET_BILL.title}`],
      ['budget-ru@example.org', `Новый законопроект: ${BUDGET} — Законопроект № 990001-9 — ${BUDGET_BILL.title}`],
      ['deputy@example.org', 'Новый законопроект: О.Г.Дмитриева — Законопроект № 990002-9 — Об образовании'],
      ['education@example.org', `Новый законопроект: ${EDUCATION} — Законопроект № 990002-9 — Об образовании`],
      ['government@example.org', `New bill from the Government of the Russian Federation: Bill 990001-9 — ${BUDGET_BILL.title}`],
    ]);
  });

  it('the bill is watched and followed from then on; a bill nobody follows leaves the watch list after its one read', async () => {
    const { world, ids } = await worldWithFollowers();
    for (const spec of [BUDGET_BILL, LABOUR_BILL]) servePage(spec);
    harness.serve('/search.rss', rss([itemFor(BUDGET_BILL), itemFor(LABOUR_BILL), OLD_ITEM]));

    await pollFeeds(world.deps);
    await world.deliver();
    await pollWatchedBills(pollDeps(world));
    await world.deliver();

    const { bills, subscribers } = world.stores;
    expect([(await bills.get(BUDGET_BILL.number))?.watched, (await bills.get(LABOUR_BILL.number))?.watched]).toEqual([true, false]);
    expect(await subscribers.listFollowedBills(ids.budgetRu)).toEqual([BUDGET_BILL.number]);
    expect(await subscribers.listFollowedBills(ids.education)).toEqual([]);
  });

  it('a re-poll, a repeated fan-out message and an unchanged feed send nothing more', async () => {
    const world = await worldWithBudgetBillInFeed();
    await pollWatchedBills(pollDeps(world));
    await world.deliver();
    const first = (await world.emails()).map((email) => email.subject);

    await pollFeeds(world.deps);
    await pollWatchedBills(pollDeps(world));
    const replayed = await alertNewBill(newBillAlertDependencies(world.config), {
      kind: 'bill-origin',
      billNumber: BUDGET_BILL.number,
      signature: originSignature({ committee: BUDGET, initiators: [{ kind: 'body', name: GOVERNMENT }] }),
    });
    await world.deliver();

    expect(first).toHaveLength(3);
    expect(replayed?.followers).toBe(3);
    expect((await world.emails()).map((email) => email.subject)).toEqual(first);
  });

  it('a poller stopped after saving the snapshot, before queueing its notice, loses no alert: the sweeper queues it once', async () => {
    const world = await worldWithBudgetBillInFeed();
    const deps = pollDeps(world);
    const crash = crashOnce(deps.fanOutQueue, 'sendAll');

    await pollWatchedBills(deps);
    await world.deliver();
    const beforeSweep = (await world.emails()).length;
    const sweep = { ...deps, originOutbox: world.stores.originOutbox, now: () => new Date(Date.now() + 1000) };
    const swept = [await sweepOriginOutbox(sweep, 0)];
    await world.deliver();
    swept.push(await sweepOriginOutbox(sweep, 0));

    expect(crash.crashed()).toBe(1);
    expect(beforeSweep).toBe(0);
    expect(swept).toEqual([1, 0]);
    expect((await world.emails()).map((email) => email.destination.to[0])).toEqual(['budget-en@example.org', 'budget-ru@example.org', 'government@example.org']);
  });

  it('a known bill whose committee changes alerts the followers of the new committee, not those who follow it already', async () => {
    const { world } = await worldWithFollowers();
    servePage(LABOUR_BILL);
    harness.serve('/search.rss', rss([itemFor(LABOUR_BILL), OLD_ITEM]));
    await pollFeeds(world.deps);
    await world.deliver();
    await world.subscribe('labour@example.org', { bills: [LABOUR_BILL.number] });
    await pollWatchedBills(pollDeps(world));
    await world.deliver();

    servePage({ ...LABOUR_BILL, committee: BUDGET });
    await pollWatchedBills(pollDeps(world));
    await world.deliver();

    expect((await world.emails()).map((email) => email.destination.to[0])).toEqual(['budget-en@example.org', 'budget-ru@example.org']);
    expect((await world.emails())[1]?.body.text).toContain(`Ответственный комитет: ${BUDGET}`);
  });
});
