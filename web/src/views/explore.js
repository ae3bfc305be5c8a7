// Explore mode: search an entity, see it and its neighbours, click nodes to expand them, click
// edges to read their evidence.
import { api } from '../core/api.js';
import { h, setChildren } from '../core/dom.js';
import { localName, t } from '../core/i18n.js';
import { getEntity } from '../core/entity_cache.js';
import { hasFeature, markMissing } from '../core/features.js';
import { navigate } from '../core/router.js';
import { createAutocomplete } from '../components/autocomplete.js';
import { graphElements, neighborElements } from '../graph/elements.js';

const kNeighborLimit = 100;
const kGraphLimit = 300;

// workspace: { graph, details, status, refreshFilters(), showEntity(id), ... } from workspace.js.
export function createExplore(workspace) {
  let depth = 1;
  let rootId = null;

  const search = createAutocomplete({
    name: 'search',
    labelKey: 'search.label',
    placeholderKey: 'search.placeholder',
    onSelect: (entity) => navigate('explore', [entity.id]),
  });

  const depthSelect = h(
    'select',
    {
      id: 'depth-select',
      class: 'select',
      onchange: (event) => {
        depth = Number(event.target.value);
        if (rootId !== null) load(rootId);
      },
    },
    [1, 2, 3].map((d) => h('option', { value: d, text: String(d) })),
  );

  const element = h(
    'section',
    { class: 'mode-explore', 'aria-labelledby': 'explore-title' },
    h('h2', { id: 'explore-title', class: 'section-title', i18n: 'explore.title' }),
    search.element,
    h(
      'div',
      { class: 'field inline' },
      h('label', { for: 'depth-select', class: 'field-label', i18n: 'explore.depth' }),
      depthSelect,
    ),
  );

  async function fetchAround(id) {
    if (hasFeature('graph')) {
      try {
        // Documents come along so the reader sees the sources; the mentions filter hides them.
        const answer = await api.graph(id, { depth, limit: kGraphLimit, documents: 'true' });
        return { elements: graphElements(answer), note: null };
      } catch (error) {
        if (!error.missingEndpoint) throw error;
        markMissing('graph');
      }
    }
    const [entity, answer] = await Promise.all([
      getEntity(id),
      api.neighbors(id, { limit: kNeighborLimit, detail: 'full' }),
    ]);
    let note = depth > 1 ? t('explore.depthUnavailable') : null;
    if (answer.total > (answer.edges?.length ?? 0)) {
      note = t('explore.partial', { shown: answer.edges.length, total: answer.total });
    }
    return { elements: neighborElements(entity, answer), note };
  }

  // Replaces the graph with entity `id` and its neighbourhood.
  async function load(id) {
    rootId = String(id);
    workspace.setStatus(t('common.loading'));
    try {
      const entity = await getEntity(id);
      search.setEntity(entity);
      const { elements, note } = await fetchAround(entity.id);
      workspace.graph.clear();
      workspace.graphOwner = 'explore';
      workspace.graph.add(elements);
      workspace.graph.markRoot(entity.id);
      workspace.graph.markExpanded(entity.id);
      workspace.graph.select(entity.id);
      workspace.refreshFilters();
      workspace.graph.runLayout({ randomize: true });
      workspace.setStatus(
        note ??
          t('explore.loaded', {
            name: localName(entity),
            count: workspace.graph.cy.edges().length,
          }),
      );
      workspace.showEntity(entity.id);
    } catch (error) {
      workspace.setStatus(t('error.generic', { message: error.message }), true);
    }
  }

  // Adds the neighbours of node `id` around it.
  async function expand(id) {
    if (workspace.graph.isExpanded(id)) return;
    try {
      const [entity, answer] = await Promise.all([
        getEntity(id),
        api.neighbors(id, { limit: kNeighborLimit, detail: 'full' }),
      ]);
      const added = workspace.graph.add(neighborElements(entity, answer), id);
      workspace.graph.markExpanded(id);
      workspace.refreshFilters();
      if (added) workspace.graph.runLayout({ fit: false });
      const note =
        answer.total > answer.edges.length
          ? t('explore.partial', { shown: answer.edges.length, total: answer.total })
          : null;
      workspace.setStatus(
        note ?? t('explore.expanded', { name: localName(entity), count: answer.edges.length }),
      );
    } catch (error) {
      workspace.setStatus(t('error.generic', { message: error.message }), true);
    }
  }

  return {
    element,
    load,
    expand,
    rootId: () => rootId,
    focusSearch: () => search.focus(),
    showIntro() {
      if (rootId !== null) return;
      setChildren(
        workspace.details,
        h('h2', { class: 'panel-title', i18n: 'intro.title' }),
        h('p', { i18n: 'intro.text' }),
        h('p', { class: 'muted', i18n: 'intro.hint' }),
      );
    },
  };
}
