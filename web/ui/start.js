// @ts-check
// The start screen's two engine-filled lists: the built-in demos (each a
// button that loads it) and the strip of the layers revdiag checks, each with
// its rule as the engine words it.
import { $, fill, h } from '../dom.js';
import { LAYERS, crmName } from '../state.js';

/**
 * The demo buttons.
 * @param {any[]} demos the engine's samples list
 * @param {(name: string, title: string) => void} onDemo
 */
export function renderDemos(demos, onDemo) {
  fill($('#demo-list'), demos.map((/** @type {any} */ d) => {
    const name = typeof d === 'string' ? d : d.name;
    const title = (typeof d === 'object' && d.title) || name;
    const crm = typeof d === 'object' ? crmName(d.crm) : '';
    return h('li', null, h('button', { type: 'button', class: 'demo-button', dataset: { demo: name },
      onclick: () => onDemo(name, title) },
    h('span', { class: 'demo-title' }, title, crm ? h('span', { class: 'pill crm' }, crm) : null),
    typeof d === 'object' && d.description ? h('span', { class: 'demo-about' }, d.description) : null));
  }));
}

/** The layer strip, once the engine's vocabulary is in (setVocabulary). */
export function renderLayerStrip() {
  fill($('#layers-strip-list'), LAYERS.map((l) => h('li', null, h('strong', null, l.name), h('span', null, l.rule))));
}
