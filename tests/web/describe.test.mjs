// The page asks the engine for what the engine knows: the layer names on the
// dashboard and the CRM names are describe's, and the stage mapping shows the
// engine's match for each recorded stage (Unicode case folding included).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, openApp, runCli, waitForAudit } from './browser.mjs';

// "Propoſal" (long s) keys as "proposal" in the engine; a lower-casing page would miss it.
const CSV = ['Deal Name,Amount,Stage,Owner,Created Date,Last Buyer Activity',
  'A,100,PROPOSAL / QUOTE,Ann,2026-01-05,2026-06-01',
  'B,200,Propoſal,Bob,2026-01-06,2026-06-01',
  'C,300,CLOSED - WON,Ann,2026-01-07,2026-06-01',
  'D,50,ПЕРЕГОВОРЫ,Ann,2026-01-07,2026-06-01', ''].join('\n');

test('the page shows the engine vocabulary and the engine stage matches', async () => {
  const described = await runCli(['describe', '--format', 'json']);
  assert.equal(described.status, 0, described.stderr);
  const vocabulary = JSON.parse(described.stdout);
  const crm = (/** @type {string} */ id) => vocabulary.crms.find((/** @type {any} */ c) => c.id === id).name;
  const app = await openApp();
  const { page } = app;
  try {
    await page.waitForSelector('.demo-button');
    assert.ok((await page.textContent('#demo-list')).includes(crm('hubspot')), 'demo CRM names come from describe');
    // The start screen's layer strip is the engine's layers, names and rules, in order.
    await page.waitForFunction((n) => document.querySelectorAll('#layers-strip-list li').length === n, vocabulary.layers.length);
    assert.deepEqual(await page.$$eval('#layers-strip-list li', (items) => items.map((li) => li.textContent)),
      vocabulary.layers.map((/** @type {any} */ l) => `${l.name}${l.rule}`));

    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]',
      { name: 'unicode-stages.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #stage-mapping select');
    const readStages = () => page.$$eval('#stage-mapping tbody tr', (rows) => Object.fromEntries(rows.map((r) => [
      r.querySelector('th')?.textContent, /** @type {HTMLSelectElement} */ (r.querySelector('select')).value])));
    await page.waitForFunction(() => [...document.querySelectorAll('#stage-mapping select')]
      .some((s) => /** @type {HTMLSelectElement} */ (s).value !== ''));
    assert.deepEqual(await readStages(), {
      'PROPOSAL / QUOTE': 'proposal', 'Propoſal': 'proposal', 'CLOSED - WON': 'closed_won', 'ПЕРЕГОВОРЫ': '' });
    assert.match(await page.textContent('#source-meta'), new RegExp(`^${crm('generic')} · `));

    await page.fill('[data-testid="as-of"]', '2026-06-30');
    await page.click('#mapping-continue');
    await waitForAudit(page, '2026-06-30');
    // The waterfall's steps are named as the engine names them.
    const steps = await page.textContent('#waterfall-steps');
    for (const r of vocabulary.removals) assert.ok(steps && steps.includes(r.label), `waterfall step ${r.id} reads "${r.label}": ${steps}`);
    for (const layer of vocabulary.layers) {
      const text = await page.textContent(`[data-testid="layer-${layer.id}"]`);
      assert.ok(text && text.includes(layer.name), `layer ${layer.id} is shown as "${layer.name}": ${text}`);
    }
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
