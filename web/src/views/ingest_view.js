// Add a press release: paste or upload the text, preview the facts the server extracts
// (POST /api/v1/extract, no token), then commit it (POST /api/v1/documents, with the token).
import { api } from '../core/api.js';
import { h, setChildren, uid } from '../core/dom.js';
import { formatNumber, onLangChange, t } from '../core/i18n.js';
import { loadRelations, relationText } from '../core/relations.js';
import { withToken } from '../core/write_call.js';
import { href } from '../core/router.js';
import { kindBadge } from '../components/kind_badge.js';
import { factType, formatValue } from '../panels/literal_facts.js';
import { highlightNames } from '../text/highlight.js';

function field(labelKey, control, hintKey) {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: control.id, class: 'field-label', i18n: labelKey }),
    control,
    hintKey ? h('p', { class: 'muted small', i18n: hintKey }) : null,
  );
}

function entityCell(entity) {
  if (!entity) return h('td', {});
  return h(
    'td',
    {},
    h('span', { text: entity.name ?? entity.label ?? '' }),
    ' ',
    entity.kind ? kindBadge(entity.kind) : null,
  );
}

// The relation's label, or the literal fact's type ("employees") when the object is a value.
function relationCell(statement) {
  const relation = statement.relation ?? '';
  return statement.object ? relationText(relation) : factType(relation);
}

function statementRow(statement) {
  const names = [statement.subject?.name, statement.object?.name].filter(Boolean);
  const object = statement.object
    ? entityCell(statement.object)
    : h('td', {}, h('strong', { text: formatValue(statement.value) }));
  return h(
    'tr',
    {},
    entityCell(statement.subject),
    h('td', { class: 'relation', text: relationCell(statement) }),
    object,
    h(
      'td',
      {},
      h('span', {
        class: `status-tag status-${statement.status}`,
        i18n: `status.${statement.status ?? 'stated'}`,
      }),
    ),
    h('td', {
      text:
        statement.confidence === undefined
          ? ''
          : t('common.percent', { value: Math.round(statement.confidence * 100) }),
    }),
    h('td', { class: 'sentence-cell' }, highlightNames(statement.evidence?.sentence ?? '', names)),
  );
}

export function createIngestView() {
  const ids = {
    title: uid('in-title'),
    date: uid('in-date'),
    lang: uid('in-lang'),
    name: uid('in-name'),
    file: uid('in-file'),
    text: uid('in-text'),
  };
  const title = h('input', { id: ids.title, class: 'text-input', type: 'text' });
  const date = h('input', {
    id: ids.date,
    class: 'text-input',
    type: 'text',
    inputmode: 'numeric',
    pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?',
    'i18n-placeholder': 'filters.datePlaceholder',
  });
  const lang = h(
    'select',
    { id: ids.lang, class: 'select' },
    h('option', { value: 'fr', i18n: 'lang.fr' }),
    h('option', { value: 'en', i18n: 'lang.en' }),
  );
  const name = h('input', { id: ids.name, class: 'text-input', type: 'text' });
  const text = h('textarea', {
    id: ids.text,
    class: 'text-input release-text',
    rows: 10,
    required: true,
  });
  const file = h('input', {
    id: ids.file,
    type: 'file',
    accept: '.txt,text/plain',
    onchange: async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      text.value = await chosen.text();
      if (!name.value) name.value = chosen.name;
      if (!title.value) title.value = chosen.name.replace(/\.[^.]+$/, '');
    },
  });
  const results = h('div', { class: 'ingest-results', 'aria-live': 'polite' });
  let lastStatements = null;

  const body = () => ({
    text: text.value,
    title: title.value.trim(),
    date: date.value.trim(),
    lang: lang.value,
    name: name.value.trim(),
  });

  function validate() {
    if (!text.value.trim()) {
      setChildren(results, h('p', { class: 'error', role: 'alert', i18n: 'ingest.empty' }));
      text.focus();
      return false;
    }
    return true;
  }

  function renderStatements() {
    const statements = lastStatements ?? [];
    if (!statements.length) {
      setChildren(results, h('p', { class: 'muted', i18n: 'ingest.noFacts' }));
      return;
    }
    setChildren(
      results,
      h('h3', {
        class: 'subsection',
        text: t('ingest.previewCount', { count: statements.length }),
      }),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'statements' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [
                'ingest.subject',
                'ingest.relation',
                'ingest.object',
                'ingest.status',
                'ingest.confidence',
                'ingest.sentence',
              ].map((k) => h('th', { scope: 'col', i18n: k })),
            ),
          ),
          h('tbody', {}, statements.map(statementRow)),
        ),
      ),
    );
  }
  onLangChange(() => {
    if (lastStatements) renderStatements();
  });

  async function preview() {
    if (!validate()) return;
    setChildren(results, h('p', { class: 'muted', i18n: 'common.loading' }));
    await loadRelations();
    try {
      const answer = await api.extract(body());
      lastStatements = answer.statements ?? [];
      renderStatements();
      results.scrollIntoView({ block: 'start', behavior: 'smooth' });
    } catch (error) {
      lastStatements = null;
      const message = error.missingEndpoint
        ? t('ingest.extractUnavailable')
        : t('error.generic', { message: error.message });
      setChildren(results, h('p', { class: 'error', role: 'alert', text: message }));
    }
  }

  async function commit() {
    if (!validate()) return;
    try {
      const answer = await withToken((token) => api.commitDocument(body(), token));
      if (answer === null) return;
      const key = answer.already_present ? 'ingest.alreadyPresent' : 'ingest.committed';
      setChildren(
        results,
        h('p', {
          class: 'success',
          role: 'status',
          text: t(key, {
            document: answer.document,
            nodes: formatNumber(answer.nodes_created ?? 0),
            edges: formatNumber(answer.edges_created ?? 0),
          }),
        }),
        h(
          'p',
          {},
          h('a', { href: href('document', [answer.document]), i18n: 'ingest.openDocument' }),
        ),
      );
    } catch (error) {
      const message = error.missingEndpoint
        ? t('ingest.commitUnavailable')
        : t('error.generic', { message: error.message });
      setChildren(results, h('p', { class: 'error', role: 'alert', text: message }));
    }
  }

  const form = h(
    'form',
    {
      class: 'ingest-form',
      onsubmit: (event) => {
        event.preventDefault();
        preview();
      },
    },
    h(
      'div',
      { class: 'field-grid' },
      field('ingest.titleField', title),
      field('ingest.date', date, 'ingest.dateHint'),
      field('ingest.lang', lang),
      field('ingest.name', name),
    ),
    field('ingest.file', file),
    field('ingest.text', text),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'button button-primary', i18n: 'ingest.preview' }),
      h('button', { type: 'button', class: 'button', i18n: 'ingest.commit', onclick: commit }),
    ),
    h('p', { class: 'muted small', i18n: 'ingest.tokenNote' }),
  );

  const element = h(
    'section',
    { class: 'ingest-view', 'aria-labelledby': 'ingest-title' },
    h('h2', { id: 'ingest-title', class: 'page-title', i18n: 'ingest.title' }),
    h('p', { class: 'muted', i18n: 'ingest.intro' }),
    form,
    results,
  );
  return { element };
}
