// What an owner is told to do: each flagged deal shows one next action (the
// CLI's deals[].next_action), owner cards count each deal once, reasons are
// shown as sentences (not codes), the detail panel opens and closes by
// keyboard, and the waterfall's steps add up to stated − real to the cent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, axeViolations, cliAudit, openApp, screenshot, setAsOf, waitForAudit } from './browser.mjs';

const AS_OF = '2026-06-30';
const DEMO = 'saas_midmarket';
const cents = (/** @type {any} */ x) => Math.round(Number(x) * 100);

/** @param {any} page */
async function openDemo(page) {
  await page.waitForSelector('.demo-button');
  await page.click(`.demo-button[data-demo="${DEMO}"]`);
  await waitForAudit(page);
  await setAsOf(page, AS_OF);
  await waitForAudit(page, AS_OF);
  await page.waitForSelector('#deal-table .deal-row');
}

test('each flagged deal shows one next action and owner cards count each deal once', async () => {
  const app = await openApp({ width: 1440, height: 900 });
  const { page } = app;
  try {
    await openDemo(page);
    const report = await cliAudit(['--sample', DEMO, '--as-of', AS_OF]);

    // The rows on screen: one next action each, the CLI's, and the reasons as sentences.
    const rows = await page.$$eval('#deal-table .deal-row', (els) => els.map((el) => ({
      label: el.getAttribute('aria-label') || '',
      next: el.querySelector('[data-testid="deal-next"]')?.textContent || '',
      nextCount: el.querySelectorAll('[data-testid="deal-next"]').length,
      why: el.querySelector('[data-testid="deal-reasons"]')?.textContent || '',
    })));
    assert.ok(rows.length >= 8, `rows on screen: ${rows.length}`);
    for (const r of rows) {
      assert.equal(r.nextCount, 1, `one next action per row: ${r.label}`);
      assert.doesNotMatch(r.why, /\b[A-Z]+_[A-Z_]+\b/, `reasons read as sentences, not codes: ${r.why}`);
    }
    // Sorted by amount, the first rows are the CLI's largest deals, with the same next action.
    const largest = [...report.deals].sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0) || a.row - b.row).slice(0, rows.length);
    largest.forEach((d, i) => {
      assert.equal(rows[i].next, d.next_action ? d.next_action.action : 'Nothing to do', `row ${d.row}`);
      if (d.findings.length) assert.ok(rows[i].why.startsWith(d.findings.find((f) => !d.next_action || f.code === d.next_action.code).message), `row ${d.row} shows the reason for its action first`);
    });
    assert.ok(rows.some((r) => r.next !== 'Nothing to do'));

    // Owner cards: each deal once, so a card's count is the sum of its actions' counts,
    // and the cards together hold every flagged deal.
    const cards = await page.$$eval('[data-testid="owner-card"]', (els) => els.map((el) => ({
      deals: Number(el.getAttribute('data-deals')),
      actions: Array.from(el.querySelectorAll('[data-testid="owner-action"]')).map((a) => Number(a.getAttribute('data-count'))),
      more: el.querySelector('.more') !== null,
    })));
    assert.equal(cards.length, report.owners.length);
    for (const c of cards) if (!c.more) assert.equal(c.actions.reduce((a, b) => a + b, 0), c.deals);
    assert.equal(cards.reduce((a, c) => a + c.deals, 0), report.summary.flagged_deals);
    for (const o of report.owners) {
      assert.equal(o.actions.reduce((a, x) => a + x.count, 0), o.deals, `CLI owner ${o.owner}`);
    }

    // An owner's action lists exactly its deals in the table.
    const first = report.owners.find((o) => o.owner);
    await page.click(`[data-testid="owner-card"]:has(.owner-name:text-is("${first.owner}")) .action-link >> nth=0`);
    await page.waitForFunction((n) => /^\d/.test(document.querySelector('.table-count')?.textContent || '')
      && Number((document.querySelector('.table-count')?.textContent || '').split(' ')[0].replace(/,/g, '')) === n, first.actions[0].count);
    await page.waitForSelector('#deal-table .deal-row');
    const listed = await page.$$eval('#deal-table .deal-row [data-testid="deal-next"]', (els) => els.map((e) => e.textContent));
    assert.ok(listed.length > 0 && listed.every((t) => t === first.actions[0].action), listed.join(' | '));
    // The card of deals with no owner lists only those.
    const nobody = report.owners.find((o) => o.owner === null);
    if (nobody) {
      await page.click('[data-testid="owner-card"]:has(.owner-name:text-is("(no owner)")) .action-link >> nth=0');
      await page.waitForFunction((n) => (document.querySelector('.table-count')?.textContent || '').startsWith(`${n} `), nobody.actions[0].count);
      await page.waitForSelector('#deal-table .deal-row');
      assert.deepEqual(await page.$$eval('#deal-table .deal-row .cell-owner', (els) => [...new Set(els.map((e) => e.textContent))]), ['(no owner)']);
    }
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'dashboard-next-actions');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test('the deal detail panel opens with Enter, shows reasons and criteria, and closes with Escape', async () => {
  const app = await openApp({ width: 1440, height: 900 });
  const { page } = app;
  try {
    await openDemo(page);
    // Keyboard only: Tab into the table's rows, then Enter.
    await page.focus('#deal-filter-text');
    let focused = '';
    for (let i = 0; i < 12 && focused !== 'deal-row'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') || '');
    }
    assert.equal(focused, 'deal-row', 'a deal row takes focus from the keyboard');
    await page.keyboard.press('ArrowDown');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') || '');
    const rowNext = await page.evaluate(() => document.activeElement?.querySelector('[data-testid="deal-next"]')?.textContent || '');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="deal-detail"][open]');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'deal-detail-close');
    assert.ok(label.startsWith(await page.textContent('#deal-detail-title')), `the panel is the row's deal: ${label}`);
    const next = await page.textContent('[data-testid="deal-detail-next"]');
    assert.equal(rowNext === 'Nothing to do' ? 'Nothing to do: this deal follows the process.' : rowNext, next);
    const statuses = await page.$$eval('.criteria-table td[data-status]', (els) => els.map((e) => e.getAttribute('data-status')));
    assert.ok(statuses.length > 0, 'the criteria up to the recorded stage are listed');
    assert.ok(statuses.every((s) => ['met', 'unmet', 'unrecorded', 'not_assessable'].includes(String(s))));
    const reasons = await page.$$eval('.finding-list .finding-reason', (els) => els.map((e) => e.textContent || ''));
    for (const r of reasons) assert.doesNotMatch(r, /^[A-Z_]+$/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'deal-detail');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="deal-detail"]:not([open])', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), label, 'focus returns to the row');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test("the waterfall's steps add up to stated − real to the cent and list their deals once", async () => {
  const app = await openApp({ width: 1440, height: 900 });
  const { page } = app;
  try {
    await openDemo(page);
    const report = await cliAudit(['--sample', DEMO, '--as-of', AS_OF]);
    const steps = await page.$$eval('[data-testid^="waterfall-step-"]', (els) => els.map((el) => ({
      id: (el.getAttribute('data-testid') || '').slice('waterfall-step-'.length),
      amount: Number(el.getAttribute('data-amount')), deals: Number(el.getAttribute('data-deals')) })));
    assert.deepEqual(steps.map((s) => s.id), ['archive', 'holding', 'no_real_stage']);
    const stated = Number(await page.getAttribute('[data-testid="stated-total"]', 'data-value'));
    const real = Number(await page.getAttribute('[data-testid="real-total"]', 'data-value'));
    assert.equal(steps.reduce((a, s) => a + cents(s.amount), 0), cents(stated) - cents(real));
    assert.equal(steps.reduce((a, s) => a + s.deals, 0), report.summary.open_deals - report.summary.real_deals);
    assert.deepEqual(steps, report.waterfall.steps);
    // A step's deals, listed: as many as it counts, none of them real.
    const step = steps.find((s) => s.deals > 0 && s.id !== 'archive') || steps[0];
    await page.click(`[data-testid="waterfall-step-${step.id}"] button`);
    await page.waitForFunction((n) => (document.querySelector('.table-count')?.textContent || '').startsWith(`${n} `), step.deals);
    // Each layer card says how much of its amount a layer above already counts; once each, they add up.
    const layers = await page.$$eval('[data-testid^="layer-"]', (els) => els.map((el) => ({
      amount: Number(el.getAttribute('data-amount')), above: Number(el.getAttribute('data-counted-above')),
      note: el.querySelector('.layer-overlap')?.textContent || '' })));
    assert.equal(layers.reduce((a, l) => a + cents(l.amount) - cents(l.above), 0), cents(report.summary.flagged_amount));
    assert.ok(layers.some((l) => /already counted above/.test(l.note)), 'an overlapping layer says so');
    assert.match(await page.textContent('#layer-total'), /counted once/);
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
