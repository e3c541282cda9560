// @ts-check
// The top bar on a narrow screen: the section links collapse behind a Menu
// button (aria-expanded), so the sticky bar takes one short row of a phone.
import { $ } from '../dom.js';

export function mountHeader() {
  const toggle = $('.menu-toggle');
  const set = (/** @type {boolean} */ open) => {
    toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('nav-open', open);
  };
  toggle.addEventListener('click', () => set(toggle.getAttribute('aria-expanded') !== 'true'));
  // Choosing a section closes the menu again.
  for (const button of document.querySelectorAll('.topnav [data-go]')) button.addEventListener('click', () => set(false));
}
