// The graph workspace shared by Explore and Paths: sidebar (mode form, filters), the graph with
// its toolbar, and the details panel (entity, evidence, path results).
import { api } from '../core/api.js';
import { h, setChildren } from '../core/dom.js';
import { formatNumber, onLangChange, t } from '../core/i18n.js';
import { exportGraphML, exportPng } from '../export/export_view.js';
import { createFilterPanel } from '../graph/filter_panel.js';
import { createGraphView } from '../graph/graph_view.js';
import { showEntity } from '../panels/entity_panel.js';
import { showEvidence } from '../panels/evidence_panel.js';
import { createExplore } from './explore.js';
import { createPaths } from './paths.js';

function toolButton(key, onclick) {
  return h('button', { type: 'button', class: 'button button-small', i18n: key, onclick });
}

// Builds the workspace inside `parent` (Cytoscape needs its container in the page).
export function createWorkspace(parent) {
  let mode = 'explore';
  const details = h('div', { class: 'details-body', tabindex: '-1' });
  const backRow = h('div', { class: 'back-row', hidden: true });
  const status = h('p', { class: 'graph-status', role: 'status', 'aria-live': 'polite' });
  const canvas = h('div', {
    id: 'graph',
    class: 'graph-canvas',
    role: 'img',
    'i18n-aria-label': 'graph.aria',
  });
  const stats = h('p', { class: 'stats muted small' });
  const modeSlot = h('div', { class: 'mode-slot' });

  const workspace = { details, mode: () => mode };
  workspace.setStatus = (text, isError = false) => {
    status.textContent = text;
    status.classList.toggle('error', isError);
  };

  const filters = createFilterPanel((predicate) => workspace.graph.applyFilter(predicate));
  workspace.refreshFilters = () => {
    filters.refreshRelations(workspace.graph.relationsPresent());
    workspace.graph.applyFilter(filters.predicate());
  };

  function showBack() {
    const visible = mode === 'paths' && paths.hasResults();
    backRow.hidden = !visible;
    setChildren(
      backRow,
      visible
        ? h('button', {
            type: 'button',
            class: 'link-button',
            i18n: 'paths.back',
            onclick: () => {
              shown = null;
              paths.showResults();
              backRow.hidden = true;
            },
          })
        : null,
    );
  }

  // What the details panel shows, to render it again in the other language.
  let shown = null;
  onLangChange(() => {
    if (shown?.kind === 'entity') workspace.showEntity(shown.id);
    else if (shown?.kind === 'evidence') showEvidence(details, shown.edge);
  });

  workspace.showEntity = (id) => {
    shown = { kind: 'entity', id };
    showBack();
    showEntity(details, id, {
      onEvidence: (edge) => workspace.showEvidence(edge),
      onChanged: (changed) => explore.load(changed),
    });
  };
  workspace.showEvidence = (edge) => {
    shown = { kind: 'evidence', edge };
    showBack();
    workspace.graph.select(`${edge.source}|${edge.relation}|${edge.target}`);
    showEvidence(details, edge);
    details.focus({ preventScroll: true });
  };

  const explore = createExplore(workspace);
  const paths = createPaths(workspace);

  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'i18n-aria-label': 'graph.toolbar' },
    toolButton('graph.fit', () => workspace.graph.fit()),
    toolButton('graph.relayout', () => workspace.graph.runLayout({ randomize: true })),
    toolButton('graph.exportGraphml', () => exportGraphML(workspace.graph)),
    toolButton('graph.exportPng', () => exportPng(workspace.graph)),
  );

  const element = h(
    'div',
    { class: 'workspace' },
    h(
      'aside',
      { class: 'sidebar', 'i18n-aria-label': 'sidebar.aria' },
      modeSlot,
      filters.element,
      stats,
    ),
    h(
      'section',
      { class: 'graph-area', 'i18n-aria-label': 'graph.region' },
      toolbar,
      canvas,
      status,
    ),
    h(
      'aside',
      { class: 'details', 'aria-labelledby': 'details-title' },
      h('h2', { id: 'details-title', class: 'visually-hidden', i18n: 'details.title' }),
      backRow,
      details,
    ),
  );

  parent.append(element);
  workspace.graph = createGraphView(canvas, {
    onNode: (node) => {
      workspace.showEntity(node.data('entity'));
      if (mode === 'explore') explore.expand(node.data('entity'));
    },
    onEdge: (edge) => workspace.showEvidence(edge.data()),
    onBackground: () => {},
  });

  async function loadStats() {
    try {
      const s = await api.stats();
      const nodes = Object.values(s.nodes_by_kind ?? {}).reduce((a, b) => a + b, 0);
      const edges = Object.values(s.edges_by_relation ?? {}).reduce((a, b) => a + b, 0);
      stats.textContent = t('stats.line', {
        documents: formatNumber(s.documents),
        nodes: formatNumber(nodes),
        edges: formatNumber(edges),
      });
      stats.dataset.values = JSON.stringify([s.documents, nodes, edges]);
    } catch (error) {
      stats.textContent = t('error.generic', { message: error.message });
    }
  }
  onLangChange(() => {
    loadStats();
  });
  loadStats();

  return {
    element,
    // Shows the Explore form; loads entity `id` when given.
    explore(id) {
      mode = 'explore';
      if (!id) shown = null;
      setChildren(modeSlot, explore.element);
      backRow.hidden = true;
      workspace.graph.resize();
      const sameRoot =
        id &&
        String(id) === explore.rootId() &&
        workspace.graphOwner === 'explore' &&
        !workspace.graph.isEmpty();
      if (id && !sameRoot) explore.load(id);
      else if (sameRoot) {
        workspace.graph.clearHighlight();
        // Back from Paths, whose results replaced the panel: show the entity again.
        if (!shown) workspace.showEntity(id);
      } else explore.showIntro();
    },
    paths(query) {
      mode = 'paths';
      shown = null;
      setChildren(modeSlot, paths.element);
      workspace.graph.resize();
      paths.run(query);
    },
    focusSearch: () => explore.focusSearch(),
  };
}
