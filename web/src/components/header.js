// The top bar: name, navigation between views, interface language switch.
import { h } from '../core/dom.js';
import { LANGS, getLang, onLangChange, setLang } from '../core/i18n.js';
import { href } from '../core/router.js';

const kNav = [
  ['explore', 'nav.explore'],
  ['paths', 'nav.paths'],
  ['ingest', 'nav.ingest'],
];

export function createHeader() {
  const links = kNav.map(([name, key]) =>
    h('a', { href: href(name), class: 'nav-link', 'data-route': name, i18n: key }),
  );
  const langButtons = LANGS.map((lang) =>
    h('button', {
      type: 'button',
      class: 'lang-button',
      lang,
      'data-lang': lang,
      'aria-pressed': String(lang === getLang()),
      'i18n-title': `lang.switchTo.${lang}`,
      text: lang.toUpperCase(),
      onclick: () => setLang(lang),
    }),
  );
  onLangChange((lang) =>
    langButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang))),
  );

  const element = h(
    'header',
    { class: 'topbar' },
    h('a', {
      class: 'skip-link',
      href: '#main',
      i18n: 'nav.skip',
      onclick: (e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      },
    }),
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-name', text: 'presskg' }),
      h('span', { class: 'brand-tagline', i18n: 'brand.tagline' }),
    ),
    h('nav', { class: 'nav', 'i18n-aria-label': 'nav.aria' }, links),
    h('div', { class: 'lang-switch', role: 'group', 'i18n-aria-label': 'lang.aria' }, langButtons),
  );

  return {
    element,
    setCurrent(name) {
      for (const link of links) {
        if (link.dataset.route === name) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
  };
}
