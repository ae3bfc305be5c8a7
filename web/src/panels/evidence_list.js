// Source sentences: each in its original language, entity names highlighted, with document
// title, date and a link to the document view at that sentence.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { getDocumentTitle } from '../core/entity_cache.js';
import { href } from '../core/router.js';
import { highlightNames } from '../text/highlight.js';

function documentLink(evidence) {
  const title = evidence.document_title || t('evidence.documentNumber', { id: evidence.document });
  if (!evidence.document) return h('span', { text: title });
  const link = h('a', {
    href: href('document', [evidence.document], { start: evidence.start, end: evidence.end }),
    class: 'doc-link',
    text: title,
  });
  if (!evidence.document_title) {
    getDocumentTitle(evidence.document)
      .then((found) => {
        if (found) link.textContent = found;
      })
      .catch(() => {});
  }
  return link;
}

function meta(evidence) {
  const parts = [documentLink(evidence)];
  parts.push(h('span', { text: evidence.date || t('evidence.undated') }));
  if (evidence.lang)
    parts.push(h('span', { class: 'lang-tag', text: evidence.lang.toUpperCase() }));
  if (evidence.status) parts.push(h('span', { i18n: `status.${evidence.status}` }));
  if (evidence.confidence !== undefined) {
    parts.push(
      h('span', {
        text: t('evidence.confidence', { value: Math.round(evidence.confidence * 100) }),
      }),
    );
  }
  if (evidence.rule)
    parts.push(h('code', { class: 'rule', title: t('evidence.rule'), text: evidence.rule }));
  return h(
    'p',
    { class: 'evidence-meta' },
    parts.flatMap((p, i) =>
      i ? [h('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }), p] : [p],
    ),
  );
}

// A list of evidence items; `names` are highlighted in each sentence.
export function evidenceList(evidence, names) {
  if (!evidence?.length) return h('p', { class: 'muted', i18n: 'evidence.none' });
  return h(
    'ol',
    { class: 'evidence-list' },
    evidence.map((item) =>
      h(
        'li',
        { class: 'evidence' },
        h(
          'blockquote',
          { class: 'sentence', lang: item.lang || undefined },
          highlightNames(item.sentence ?? '', names),
        ),
        meta(item),
      ),
    ),
  );
}
