// The diagnostic answered by keyboard alone, kept across a reload, scored as
// the CLI scores it, shared by link and printed; and the Snapshot followed into
// an audit of a real export with the drafted process.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  ROOT, assertClean, axeViolations, cliAudit, openApp, readFigures, reportFigures, runCli, screenshot, waitForAudit,
} from './browser.mjs';

const AS_OF = '2026-06-30';
const FIXTURES = path.join(ROOT, 'tests/fixtures/diagnostic');
const readJson = (/** @type {string} */ file) => JSON.parse(readFileSync(file, 'utf8'));

/** The 1-based key that picks each answer, in question order. @param {string} bankFile @param {string} answersFile */
function keysFor(bankFile, answersFile) {
  const bank = readJson(path.join(ROOT, 'core/data', bankFile));
  const { answers } = readJson(path.join(FIXTURES, answersFile));
  return bank.questions.map((/** @type {any} */ q) => ({
    id: q.id, key: String(q.choices.findIndex((/** @type {any} */ c) => c.id === answers[q.id]) + 1),
  }));
}

/** @param {import('playwright-core').Page} page @param {string} prefix */
async function progress(page, prefix) {
  const el = page.locator(`[data-testid="${prefix}-progress"]`);
  return { current: Number(await el.getAttribute('data-current')), total: Number(await el.getAttribute('data-total')) };
}

/** Answers questions [from, to) by keyboard, checking each question is the expected one. */
async function answerByKeyboard(page, prefix, keys, from = 0, to = keys.length) {
  for (let i = from; i < to; ++i) {
    await page.waitForSelector(`[data-testid="${prefix}-question"][data-question="${keys[i].id}"]`);
    assert.deepEqual(await progress(page, prefix), { current: i + 1, total: keys.length });
    await page.keyboard.press(keys[i].key);
    await page.keyboard.press('Enter');
  }
}

/** @param {import('playwright-core').Page} page */
async function layerScores(page) {
  return page.$$eval('[data-testid^="diag-layer-"]', (els) => Object.fromEntries(
    els.map((el) => [el.getAttribute('data-testid').slice('diag-layer-'.length), Number(el.getAttribute('data-score'))])));
}

test('the diagnostic answered by keyboard alone shows the scores the CLI computes, weakest layer first', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    const keys = keysFor('questions.json', 'mixed.answers.json');
    const cli = JSON.parse((await runCli(['diagnose', path.join(FIXTURES, 'mixed.answers.json'), '--format', 'json'])).stdout);

    await page.focus('.topnav [data-go="diagnostic"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="diag-start"]');
    assert.deepEqual(await axeViolations(page), []);
    await page.focus('[data-testid="diag-start"]');
    await page.keyboard.press('Enter');

    // Ten answers, then Back and forward again with the arrow keys.
    await answerByKeyboard(page, 'diag', keys, 0, 10);
    await page.keyboard.press('ArrowLeft');
    assert.equal((await progress(page, 'diag')).current, 10);
    assert.equal(await page.isChecked(`[data-testid="diag-choice-${keys[9].key}"]`), true, 'the answer is kept');
    await page.keyboard.press('ArrowRight');
    assert.equal((await progress(page, 'diag')).current, 11);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.isChecked('[data-testid="diag-choice-1"]'), true, 'ArrowDown picks the first choice');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'diagnostic-question');

    // A reload keeps the answers: the flow continues at question 11.
    await page.reload();
    await page.click('.topnav [data-go="diagnostic"]');
    await page.waitForSelector('[data-testid="diag-start"]');
    assert.match(await page.textContent('[data-testid="diag-start"]'), /Continue \(11 of 25/);
    await page.focus('[data-testid="diag-start"]');
    await page.keyboard.press('Enter');
    await answerByKeyboard(page, 'diag', keys, 10);

    await page.waitForSelector('[data-testid="diag-result"]');
    const expected = Object.fromEntries(cli.layers.map((/** @type {any} */ l) => [l.id, l.score]));
    assert.deepEqual(await layerScores(page), expected);
    assert.equal(await page.getAttribute('[data-testid="diag-result"]', 'data-weakest'), cli.weakest_layer);
    assert.equal(await page.getAttribute('[data-testid="diag-weakest"]', 'data-layer'), 'exit_criteria');
    const firstSteps = await page.$$eval('[data-testid="diag-weakest"] li', (els) => els.map((el) => el.textContent));
    assert.deepEqual(firstSteps, cli.recommendations[0].steps);
    // The weakest layer's advice comes before every other recommendation on the page.
    assert.ok(await page.$eval('[data-testid="diag-weakest"]', (el) => {
      const next = document.querySelector('[data-testid^="diag-rec-"]');
      return next !== null && Boolean(el.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING);
    }));
    assert.equal(await page.locator('[data-testid="diag-chart"] rect').count(), cli.layers.length);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'diagnostic-result');

    // Print layout: the result prints, the controls do not.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('[data-testid="diag-result"]'), true);
    assert.equal(await page.isVisible('[data-testid="diag-share"]'), false);
    await page.emulateMedia({ media: 'screen' });

    // The share link carries the answers in the fragment and opens on the same result.
    await page.click('[data-testid="diag-share"]');
    const link = await page.inputValue('[data-testid="diag-share-link"]');
    assert.match(link, /#diagnostic=1-[0-9a-z]{25}$/);
    const other = await app.context.newPage();
    await other.goto(link);
    await other.waitForSelector('[data-testid="diag-result"]');
    assert.deepEqual(await layerScores(other), expected);
    await other.close();
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test('the Snapshot drafts a process that downloads and audits a real export as the CLI does', async () => {
  const app = await openApp();
  const { page } = app;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'revdiag-snapshot-'));
  const csv = path.join(ROOT, 'tests/fixtures/real/hubspot-deals.csv');
  try {
    const answers = path.join(FIXTURES, 'snapshot-standard-hubspot.answers.json');
    const cli = JSON.parse((await runCli(['snapshot', answers, '--format', 'json'])).stdout);

    await page.click('.topnav [data-go="diagnostic"]');
    await page.focus('[data-testid="snap-start"]');
    await page.keyboard.press('Enter');
    await answerByKeyboard(page, 'snap', keysFor('snapshot_questions.json', 'snapshot-standard-hubspot.answers.json'));
    await page.waitForSelector('[data-testid="snap-result"]');
    assert.equal(await page.getAttribute('[data-testid="snap-result"]', 'data-shape'), cli.shape);
    assert.equal(await page.locator('[data-testid^="snap-stage-"]').count(), 6);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'snapshot-result');

    const download = page.waitForEvent('download');
    await page.click('[data-testid="snap-download"]');
    const file = path.join(dir, 'process.json');
    await (await download).saveAs(file);
    assert.deepEqual(readJson(file), cli.process);

    await page.click('[data-testid="snap-audit"]');
    await page.setInputFiles('[data-testid="deal-file"]', csv);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    await page.fill('[data-testid="as-of"]', AS_OF);
    await page.click('#mapping-continue');
    await waitForAudit(page, AS_OF);
    assert.deepEqual(await readFigures(page), reportFigures(await cliAudit([csv, '--as-of', AS_OF, '--process', file])));
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
