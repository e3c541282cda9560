// Offline after load: the chart library comes with the page (at idle), so once
// the page has loaded a demo opened with no network still draws its charts.
// Printing: at A4 width with print styles no element leaves the page, no chart
// sits over text, the first page carries the title (file, as-of, process), and
// Chromium renders the whole report to PDF.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SCREENSHOTS, assertClean, openApp, setAsOf, waitForAudit } from './browser.mjs';

const AS_OF = '2026-06-30';
// A4 less the 12 mm margins of styles.css' @page, in CSS pixels (96 per inch).
const PAGE_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);
const PAGE_HEIGHT = Math.floor(((297 - 24) / 25.4) * 96);

/** How many pixels of each chart canvas are painted. @param {any} page */
async function paintedPixels(page) {
  return page.$$eval('canvas', (canvases) => canvases.map((c) => {
    const canvas = /** @type {HTMLCanvasElement} */ (c);
    const ctx = canvas.getContext('2d');
    if (!ctx || !canvas.width || !canvas.height) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  }));
}

test('charts draw with no network once the page has loaded', async () => {
  const app = await openApp({ width: 1440, height: 900 });
  const { page, context } = app;
  try {
    await page.waitForSelector('.demo-button');
    // Loaded at idle right after the page, not when a chart is first needed.
    await page.waitForFunction(() => Boolean(/** @type {any} */ (window).Chart), null, { timeout: 15000 });
    await context.setOffline(true);
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.click('.demo-button');
    await waitForAudit(page);
    await page.waitForFunction(() => Array.from(document.querySelectorAll('canvas')).every((c) => c.width > 0), null, { timeout: 15000 });
    await page.waitForTimeout(600); // the charts' short entry animation
    const painted = await paintedPixels(page);
    assert.equal(painted.length, 2);
    for (const n of painted) assert.ok(n > 2000, `a chart drew ${n} pixels offline`);
    assert.deepEqual(failed, [], 'no request was attempted offline');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

/** Boxes of what is printed: every visible element, the charts and the text. @param {any} page */
async function printedBoxes(page) {
  return page.evaluate(() => {
    const visible = (/** @type {Element} */ el) => {
      const s = getComputedStyle(el);
      const b = el.getBoundingClientRect();
      // A visually hidden element (1 × 1, clipped) is for screen readers, not paper.
      return s.display !== 'none' && s.visibility !== 'hidden' && b.width > 1 && b.height > 1;
    };
    const name = (/** @type {Element} */ el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const box = (/** @type {Element} */ el) => {
      const b = el.getBoundingClientRect();
      return { name: name(el), left: b.left + scrollX, right: b.right + scrollX, top: b.top + scrollY, bottom: b.bottom + scrollY };
    };
    const all = Array.from(document.querySelectorAll('body *')).filter(visible);
    const charts = Array.from(document.querySelectorAll('canvas')).filter(visible).map((c) => ({ ...box(c), owner: c.closest('.chart-box') }));
    // Text: elements with their own non-blank text, outside any chart box.
    const texts = all.filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent || '').trim()))
      .filter((el) => !el.closest('.chart-box'));
    return {
      width: document.documentElement.scrollWidth,
      elements: all.map(box),
      charts: charts.map(({ owner, ...b }) => b),
      texts: texts.map(box),
    };
  });
}

test('the printed report fits the page, keeps charts off text and renders to PDF', async () => {
  const app = await openApp({ width: PAGE_WIDTH, height: PAGE_HEIGHT });
  const { page } = app;
  try {
    await page.waitForSelector('.demo-button');
    const title = (await page.textContent('.demo-button .demo-title')) || '';
    await page.click('.demo-button');
    await waitForAudit(page);
    await setAsOf(page, AS_OF);
    await waitForAudit(page, AS_OF);
    await page.waitForFunction(() => Array.from(document.querySelectorAll('canvas')).every((c) => c.width > 0));
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(700); // charts follow their boxes' new size
    const boxes = await printedBoxes(page);
    assert.ok(boxes.width <= PAGE_WIDTH, `the report is ${boxes.width}px wide on a ${PAGE_WIDTH}px page`);
    const off = boxes.elements.filter((b) => b.left < -0.5 || b.right > PAGE_WIDTH + 0.5);
    assert.deepEqual(off.map((b) => `${b.name} ${Math.round(b.left)}–${Math.round(b.right)}`), [], 'elements off the page');
    assert.equal(boxes.charts.length, 2);
    const overlaps = (/** @type {any} */ a, /** @type {any} */ b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    for (const chart of boxes.charts) {
      assert.ok(chart.right - chart.left <= PAGE_WIDTH, 'a chart is sized for the page');
      const under = boxes.texts.filter((t) => overlaps(t, chart));
      assert.deepEqual(under.map((t) => t.name), [], `text under the chart at ${Math.round(chart.top)}px`);
    }
    // The first page says what this is: the file, the as-of date and the process.
    const meta = await page.textContent('#print-meta');
    assert.ok(meta && meta.includes(title.replace(/(HubSpot|Salesforce|Pipedrive|Spreadsheet|Zoho|Close|Dynamics 365)$/, '').trim()), meta || '');
    assert.match(meta || '', new RegExp(`as of ${AS_OF}`));
    assert.match(meta || '', /process: /);
    const first = boxes.elements.find((b) => b.name.startsWith('div#print-meta'));
    assert.ok(first && first.top < PAGE_HEIGHT / 4, 'the title is at the top of the first page');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 2 && pages <= 12, `the report prints on ${pages} pages`);
    writeFileSync(path.join(SCREENSHOTS, 'report.pdf'), pdf);
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
