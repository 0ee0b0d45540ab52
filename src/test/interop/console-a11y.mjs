// Accessibility checks of a console page, for every browser test of the console to use on what it shows:
//
//   axeCheck(page)     axe-core's WCAG 2.0 and 2.1 level A and AA rules over the page as it is now; the violations.
//   keyboardWalk(page) Tab through the page and compare the controls reached with every visible interactive element;
//                      the ones a keyboard user cannot reach, and whether focus got stuck.
//
// axe-core comes from npm (package.json); its script is evaluated in the page through the DevTools protocol, which
// the page's Content-Security-Policy does not govern, so the console stays under its real policy while it is checked
// (a <script> tag would need the context's bypassCSP, and a test with the policy switched off could not see the
// console break it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets of WCAG 2.1 level AA (which includes 2.0 A and AA and 2.1 A), as axe-core tags them. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core over the page and answers its violations: rule id, impact (minor … critical), what the rule
 * wants, its help page, and each offending element (CSS selector, the start of its HTML, axe's summary).
 */
export async function axeCheck(page, { tags = WCAG_AA } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async (values) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
      // axe's preload reads the page's stylesheets back into <style> elements of its own, which the console's policy
      // refuses (style-src 'self'), as it would any inline style; it serves an experimental rule that is not run here
      // (css-orientation-lock) and media durations (the console plays none).
      preload: false,
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 200),
        summary: (n.failureSummary || '').slice(0, 400),
      })),
    }));
  }, tags);
}

/**
 * Presses Tab until focus has gone once around the page (out to the browser and back in), collecting every element
 * that received focus, then compares them with the page's visible interactive elements: links with an href,
 * buttons, form fields, summary, elements with tabindex >= 0, and elements with an interactive ARIA role. Disabled
 * controls are left out (they take no focus on purpose), and so is what has no box (inside a closed <details>, for
 * one). Answers { reached, unreachable, trapped }: descriptions of the elements (tag, id, name or text, and a CSS
 * path), and whether focus never left the page within the allowed presses (a keyboard trap, WCAG 2.1.2).
 */
export async function keyboardWalk(page, { maxPresses = 500 } = {}) {
  await page.evaluate(() => {
    for (const e of document.querySelectorAll('[data-keyboard-walk]')) e.removeAttribute('data-keyboard-walk');
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  const reached = new Set();
  let leftPage = 0; // how many times focus went out of the page (to the browser's own controls)
  let trapped = true;
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    const index = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body || e === document.documentElement) return -1;
      if (!e.hasAttribute('data-keyboard-walk')) {
        e.setAttribute('data-keyboard-walk', String(document.querySelectorAll('[data-keyboard-walk]').length));
      }
      return Number(e.getAttribute('data-keyboard-walk'));
    });
    if (index < 0) {
      // The first time out marks the start of a whole round; the second, its end.
      if (++leftPage === 2) {
        trapped = false;
        break;
      }
    } else if (leftPage === 1) {
      reached.add(index);
    }
  }
  const elements = await page.evaluate(() => {
    const INTERACTIVE_ROLES = new Set([
      'button', 'checkbox', 'combobox', 'link', 'listbox', 'menuitem', 'menuitemcheckbox', 'menuitemradio',
      'option', 'radio', 'scrollbar', 'searchbox', 'slider', 'spinbutton', 'switch', 'tab', 'textbox', 'treeitem',
    ]);
    const candidates = document.querySelectorAll(
      'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls],'
        + ' [contenteditable=""], [contenteditable="true"], [tabindex], [role]',
    );
    const visible = (e) => {
      if (e.closest('[hidden], [inert]')) return false;
      const style = getComputedStyle(e);
      if (style.visibility !== 'visible' || style.display === 'none') return false;
      const box = e.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const interactive = (e) => {
      if (e.matches('input[type="hidden"]') || e.disabled || e.getAttribute('aria-disabled') === 'true') return false;
      if (e.matches('a[href], area[href], button, input, select, textarea, summary, iframe, audio, video')) return true;
      if (e.isContentEditable) return true;
      if (INTERACTIVE_ROLES.has(e.getAttribute('role'))) return true;
      return e.hasAttribute('tabindex') && e.tabIndex >= 0;
    };
    const path = (e) => {
      const parts = [];
      for (let n = e; n && n.nodeType === Node.ELEMENT_NODE && parts.length < 6; n = n.parentElement) {
        let part = n.localName + (n.id ? `#${n.id}` : '');
        if (!n.id && n.parentElement) {
          const same = [...n.parentElement.children].filter((c) => c.localName === n.localName);
          if (same.length > 1) part += `:nth-of-type(${same.indexOf(n) + 1})`;
        }
        parts.unshift(part);
        if (n.id) break;
      }
      return parts.join(' > ');
    };
    const describe = (e) => {
      const name = e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent || e.getAttribute('title') || e.name || '';
      return `<${e.localName}${e.id ? `#${e.id}` : ''}> "${name.trim().replace(/\s+/g, ' ').slice(0, 60)}" (${path(e)})`;
    };
    return [...candidates]
      .filter((e) => interactive(e) && visible(e))
      .map((e) => ({ walk: e.hasAttribute('data-keyboard-walk') ? Number(e.getAttribute('data-keyboard-walk')) : -1, what: describe(e) }));
  });
  const all = await page.evaluate(() =>
    [...document.querySelectorAll('[data-keyboard-walk]')]
      .sort((a, b) => Number(a.getAttribute('data-keyboard-walk')) - Number(b.getAttribute('data-keyboard-walk')))
      .map((e) => `<${e.localName}${e.id ? `#${e.id}` : ''}> "${(e.getAttribute('aria-label') || e.textContent || e.name || '').trim().replace(/\s+/g, ' ').slice(0, 60)}"`),
  );
  return {
    reached: [...reached].sort((a, b) => a - b).map((i) => all[i]),
    unreachable: elements.filter((e) => e.walk < 0 || !reached.has(e.walk)).map((e) => e.what),
    trapped,
  };
}
