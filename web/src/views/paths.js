// Path finder: two entities, the shortest paths between them highlighted in the graph, each hop
// with its evidence.
import { api } from '../core/api.js';
import { h, setChildren, uid } from '../core/dom.js';
import { localName, onLangChange, t } from '../core/i18n.js';
import { entityNames, getEntity } from '../core/entity_cache.js';
import { markMissing } from '../core/features.js';
import { navigate } from '../core/router.js';
import { createAutocomplete } from '../components/autocomplete.js';
import { edgeElement, edgeId, nodeElement, relationLabel } from '../graph/elements.js';
import { evidenceList } from '../panels/evidence_list.js';

function hopView(hop, from, to, names) {
  const edge = hop.edge;
  return h(
    'li',
    { class: 'hop' },
    h(
      'p',
      { class: 'fact-line' },
      h('strong', { text: from.label }),
      h('span', { class: 'relation', text: ` ${relationLabel(edge, hop.forward === false)} ` }),
      h('strong', { text: to.label }),
    ),
    h(
      'details',
      { class: 'hop-evidence', open: true },
      h('summary', { text: t('evidence.sentences', { count: hop.evidence?.length ?? 0 }) }),
      evidenceList(hop.evidence, names),
    ),
  );
}

export function createPaths(workspace) {
  let from = null;
  let to = null;
  let paths = [];
  let selected = 0;
  let names = [];

  const fromBox = createAutocomplete({
    name: 'from',
    labelKey: 'paths.from',
    placeholderKey: 'search.placeholder',
    onSelect: (e) => (from = e),
  });
  const toBox = createAutocomplete({
    name: 'to',
    labelKey: 'paths.to',
    placeholderKey: 'search.placeholder',
    onSelect: (e) => (to = e),
  });
  const kId = uid('paths-k');
  const hopsId = uid('paths-hops');
  const kSelect = h(
    'select',
    { id: kId, class: 'select' },
    [1, 3, 5, 10].map((k) => h('option', { value: k, text: String(k), selected: k === 3 })),
  );
  const hopsSelect = h(
    'select',
    { id: hopsId, class: 'select' },
    [2, 3, 4, 5, 6].map((n) => h('option', { value: n, text: String(n), selected: n === 4 })),
  );
  const directedId = uid('paths-directed');
  const directed = h('input', { type: 'checkbox', id: directedId });

  const element = h(
    'section',
    { class: 'mode-paths', 'aria-labelledby': 'paths-title' },
    h('h2', { id: 'paths-title', class: 'section-title', i18n: 'paths.title' }),
    h(
      'form',
      {
        class: 'path-form',
        onsubmit: (event) => {
          event.preventDefault();
          if (!from || !to) {
            workspace.setStatus(t('paths.pickBoth'), true);
            return;
          }
          navigate('paths', [], {
            from: from.id,
            to: to.id,
            k: kSelect.value,
            hops: hopsSelect.value,
            directed: directed.checked ? 'true' : '',
          });
        },
      },
      fromBox.element,
      toBox.element,
      h(
        'div',
        { class: 'field-row' },
        h(
          'div',
          { class: 'field inline' },
          h('label', { for: kId, class: 'field-label', i18n: 'paths.k' }),
          kSelect,
        ),
        h(
          'div',
          { class: 'field inline' },
          h('label', { for: hopsId, class: 'field-label', i18n: 'paths.maxHops' }),
          hopsSelect,
        ),
      ),
      h(
        'div',
        { class: 'check' },
        directed,
        h('label', { for: directedId, i18n: 'paths.directed' }),
      ),
      h('button', { type: 'submit', class: 'button button-primary', i18n: 'paths.find' }),
    ),
  );

  function highlight(index) {
    selected = index;
    const path = paths[index];
    if (!path) return;
    workspace.graph.highlight(
      path.nodes.map((n) => n.id),
      path.hops.map((hop) => edgeId(hop.edge)),
    );
  }

  function renderResults() {
    const container = workspace.details;
    if (!from || !to) return;
    if (!paths.length) {
      setChildren(
        container,
        h('h2', { class: 'panel-title', i18n: 'paths.results' }),
        h('p', { text: t('paths.none', { from: localName(from), to: localName(to) }) }),
      );
      return;
    }
    setChildren(
      container,
      h('h2', { class: 'panel-title', i18n: 'paths.results' }),
      h('p', {
        class: 'muted',
        text: t('paths.summary', { count: paths.length, from: localName(from), to: localName(to) }),
      }),
      h(
        'ol',
        { class: 'path-list' },
        paths.map((path, index) =>
          h(
            'li',
            { class: `path ${index === selected ? 'path-selected' : ''}`, 'data-path': index },
            h(
              'button',
              {
                type: 'button',
                class: 'link-button path-button',
                'aria-pressed': String(index === selected),
                onclick: () => {
                  highlight(index);
                  renderResults();
                },
              },
              t('paths.pathTitle', {
                n: index + 1,
                hops: path.hops.length,
                route: path.nodes.map((n) => n.label).join(' → '),
              }),
            ),
            h(
              'ol',
              { class: 'hop-list' },
              path.hops.map((hop, i) => hopView(hop, path.nodes[i], path.nodes[i + 1], names)),
            ),
          ),
        ),
      ),
    );
  }
  onLangChange(() => {
    if (paths.length || (from && to)) renderResults();
  });

  // Runs the search for route parameters (ids or names).
  let lastRun = null;
  async function run(query) {
    if (lastRun === query.toString() && paths.length && workspace.graphOwner === 'paths') {
      highlight(selected);
      renderResults();
      return;
    }
    lastRun = query.toString();
    const fromRef = query.get('from');
    const toRef = query.get('to');
    if (query.get('k')) kSelect.value = query.get('k');
    if (query.get('hops')) hopsSelect.value = query.get('hops');
    directed.checked = query.get('directed') === 'true';
    try {
      from = fromRef ? await getEntity(fromRef) : from;
      to = toRef ? await getEntity(toRef) : to;
    } catch (error) {
      workspace.setStatus(t('error.generic', { message: error.message }), true);
      return;
    }
    fromBox.setEntity(from);
    toBox.setEntity(to);
    if (!from || !to) {
      setChildren(
        workspace.details,
        h('h2', { class: 'panel-title', i18n: 'paths.title' }),
        h('p', { i18n: 'paths.intro' }),
      );
      return;
    }
    workspace.setStatus(t('common.loading'));
    let answer;
    try {
      answer = await api.path({
        from: from.id,
        to: to.id,
        k: kSelect.value,
        max_hops: hopsSelect.value,
        directed: directed.checked ? 'true' : 'false',
      });
    } catch (error) {
      if (error.missingEndpoint) {
        markMissing('path');
        workspace.setStatus(t('paths.unavailable'), true);
        setChildren(
          workspace.details,
          h('p', { class: 'error', role: 'alert', i18n: 'paths.unavailable' }),
        );
        return;
      }
      workspace.setStatus(t('error.generic', { message: error.message }), true);
      return;
    }
    paths = answer.paths ?? [];
    selected = 0;
    names = [
      ...entityNames(from),
      ...entityNames(to),
      ...paths.flatMap((p) => p.nodes.map((n) => n.label)),
    ];
    workspace.graph.clear();
    workspace.graphOwner = 'paths';
    for (const path of paths) {
      workspace.graph.add([
        ...path.nodes.map(nodeElement),
        ...path.hops.map((hop) => edgeElement(hop.edge)),
      ]);
    }
    workspace.refreshFilters();
    workspace.graph.markRoot(from.id);
    workspace.graph.runLayout({ randomize: true });
    highlight(0);
    renderResults();
    workspace.setStatus(
      t('paths.summary', { count: paths.length, from: localName(from), to: localName(to) }),
    );
  }

  return { element, run, showResults: renderResults, hasResults: () => paths.length > 0 };
}
