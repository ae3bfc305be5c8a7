// One document: its text with an evidence sentence highlighted (offsets in code points), and the
// facts read from it; clicking a fact highlights its sentence.
import { api } from '../core/api.js';
import { h, setChildren } from '../core/dom.js';
import { localName, onLangChange, t } from '../core/i18n.js';
import { getEntity } from '../core/entity_cache.js';
import { href } from '../core/router.js';
import { relationLabel } from '../graph/elements.js';
import { factType, formatValue } from '../panels/literal_facts.js';
import { codePointRange } from '../text/offsets.js';
import { highlightRanges } from '../text/highlight.js';
import { errorText } from '../components/error_text.js';

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function createDocumentView() {
  const body = h('div', { class: 'document-body' });
  const element = h(
    'section',
    { class: 'document-view', 'aria-labelledby': 'document-title' },
    body,
  );
  let doc = null;
  let textBox = null;

  // Highlights [start, end) code points in the text and scrolls to it.
  function highlight(start, end) {
    if (!doc || !textBox) return;
    const range = codePointRange(doc.text ?? '', start, end);
    setChildren(textBox, highlightRanges(doc.text ?? '', range ? [range] : [], 'hl-evidence'));
    const mark = textBox.querySelector('mark');
    if (mark) {
      mark.tabIndex = -1;
      mark.scrollIntoView({ block: 'center' });
      mark.focus({ preventScroll: true });
    }
  }

  async function showFactEvidence(fact) {
    try {
      const answer = await api.evidence(fact.source, fact.relation, fact.target);
      const here = (answer.evidence ?? []).find((e) => e.document === doc.id);
      if (here) highlight(here.start, here.end);
    } catch {
      // The fact stays listed; only the highlight is missing.
    }
  }

  async function factsList(facts) {
    const ids = [...new Set(facts.flatMap((f) => [f.source, f.target]))].filter(
      (id) => id !== doc.id,
    );
    const names = new Map();
    await Promise.all(
      ids.map(async (id) =>
        names.set(
          id,
          await getEntity(id)
            .then(localName)
            .catch(() => `#${id}`),
        ),
      ),
    );
    const visible = facts.filter((f) => f.relation !== 'mentions');
    if (!visible.length) return h('p', { class: 'muted', i18n: 'document.noFacts' });
    return h(
      'ul',
      { class: 'doc-facts' },
      visible.map((fact) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link-button', onclick: () => showFactEvidence(fact) },
            h('strong', { text: names.get(fact.source) ?? doc.name }),
            h('span', { class: 'relation', text: ` ${relationLabel(fact)} ` }),
            h('strong', { text: names.get(fact.target) ?? doc.name }),
          ),
          ' ',
          h('a', {
            href: href('explore', [fact.source]),
            class: 'small',
            i18n: 'document.inGraph',
          }),
        ),
      ),
    );
  }

  function literalList(literals) {
    if (!literals?.length) return null;
    return h(
      'ul',
      { class: 'doc-facts' },
      literals.map((fact) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              onclick: () => highlight(fact.evidence?.start, fact.evidence?.end),
            },
            `${factType(fact.type)}: ${formatValue(fact.value)}`,
          ),
        ),
      ),
    );
  }

  async function render(id, start, end) {
    setChildren(body, h('p', { class: 'muted', i18n: 'common.loading' }));
    try {
      doc = await api.document(id);
    } catch (error) {
      setChildren(
        body,
        h('h2', { id: 'document-title', i18n: 'document.title' }),
        errorText(error),
      );
      return;
    }
    textBox = h('div', { class: 'doc-text', lang: doc.lang || undefined });
    const url = safeUrl(doc.url);
    const main = h(
      'article',
      { class: 'doc-main' },
      h(
        'p',
        {},
        h('button', {
          type: 'button',
          class: 'link-button',
          i18n: 'common.back',
          onclick: () => history.back(),
        }),
      ),
      h('h2', { id: 'document-title', class: 'doc-title', text: doc.title || doc.name }),
      h(
        'p',
        { class: 'doc-meta muted' },
        h('span', { text: doc.date || t('evidence.undated') }),
        doc.lang ? h('span', { class: 'lang-tag', text: doc.lang.toUpperCase() }) : null,
        h('span', { text: doc.name }),
        url
          ? h('a', {
              href: url,
              rel: 'noopener noreferrer',
              target: '_blank',
              i18n: 'document.original',
            })
          : null,
      ),
      textBox,
    );
    const side = h(
      'aside',
      { class: 'doc-side' },
      h('h3', { class: 'subsection', i18n: 'document.facts' }),
      h('p', { class: 'muted', i18n: 'common.loading' }),
    );
    setChildren(body, main, side);
    highlight(start, end);
    const list = await factsList(doc.facts ?? []);
    setChildren(
      side,
      h('h3', { class: 'subsection', i18n: 'document.facts' }),
      h('p', { class: 'muted small', i18n: 'document.factsHint' }),
      list,
      literalList(doc.literal_facts),
    );
  }

  let last = null;
  onLangChange(() => {
    if (last && element.isConnected && !element.closest('[hidden]')) render(...last);
  });

  return {
    element,
    show(id, query) {
      const start = query.has('start') ? Number(query.get('start')) : null;
      const end = query.has('end') ? Number(query.get('end')) : null;
      last = [id, start, end];
      render(id, start, end);
    },
  };
}
