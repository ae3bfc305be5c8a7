// The Cytoscape graph: adds API elements, lays them out with fCoSE, expands nodes, highlights
// paths, applies filters and follows the interface language.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

import { localName, onLangChange } from '../core/i18n.js';
import { graphStyle } from './cy_style.js';
import { relationLabel } from './elements.js';

cytoscape.use(fcose);

const kMaxFitZoom = 1.4;

// callbacks: { onNode(node), onEdge(edge), onBackground() }.
export function createGraphView(container, callbacks) {
  const cy = cytoscape({
    container,
    style: graphStyle(),
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  // For the browser tests and for the console: the live Cytoscape instance.
  window.presskgGraph = cy;
  container.dataset.layout = 'idle';

  cy.on('tap', 'node', (event) => callbacks.onNode(event.target));
  cy.on('tap', 'edge', (event) => callbacks.onEdge(event.target));
  cy.on('tap', (event) => {
    if (event.target === cy) callbacks.onBackground();
  });

  let filter = () => true;

  function runLayout({ randomize = false, fit = true } = {}) {
    const elements = cy.elements().not('.filtered');
    if (elements.empty()) return;
    container.dataset.layout = 'running';
    const layout = elements.layout({
      name: 'fcose',
      quality: 'default',
      randomize,
      animate: elements.nodes().length < 250,
      animationDuration: 450,
      fit,
      padding: 40,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: 110,
      nodeRepulsion: 9000,
      nodeSeparation: 90,
    });
    layout.one('layoutstop', () => {
      // A graph of two or three nodes would otherwise fill the screen with giant labels.
      if (fit && cy.zoom() > kMaxFitZoom) {
        cy.zoom(kMaxFitZoom);
        cy.center(elements);
      }
      container.dataset.layout = 'done';
    });
    layout.run();
  }

  // Adds elements not yet in the graph; new nodes start around `near` (a node id) if given.
  function add(elements, near) {
    const fresh = [];
    const seen = new Set();
    for (const element of elements) {
      const id = element.data.id;
      if (seen.has(id) || !cy.getElementById(id).empty()) continue;
      seen.add(id);
      fresh.push(element);
    }
    const nodes = fresh.filter((e) => e.group === 'nodes');
    const anchor = near ? cy.getElementById(String(near)) : null;
    if (anchor && !anchor.empty()) {
      const { x, y } = anchor.position();
      nodes.forEach((node, i) => {
        const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1);
        node.position = { x: x + 120 * Math.cos(angle), y: y + 120 * Math.sin(angle) };
      });
    }
    cy.batch(() => {
      cy.add(nodes);
      cy.add(fresh.filter((e) => e.group === 'edges' && hasEnds(e)));
    });
    applyFilter(filter);
    return fresh.length;
  }

  function hasEnds(edge) {
    return (
      !cy.getElementById(edge.data.source).empty() && !cy.getElementById(edge.data.target).empty()
    );
  }

  // Shows only edges for which `predicate(edgeData)` holds and nodes whose kind passes
  // `predicate.kind(kind)`; roots and expanded nodes stay, other nodes need a visible edge.
  function applyFilter(predicate) {
    filter = predicate;
    cy.batch(() => {
      cy.elements().removeClass('filtered');
      cy.nodes().forEach((node) => {
        const keep = node.hasClass('root') || !predicate.kind || predicate.kind(node.data('kind'));
        if (!keep) node.addClass('filtered');
      });
      cy.edges().forEach((edge) => {
        const hidden = edge.source().hasClass('filtered') || edge.target().hasClass('filtered');
        if (hidden || !predicate(edge.data())) edge.addClass('filtered');
      });
      cy.nodes().forEach((node) => {
        if (node.hasClass('root') || node.hasClass('expanded') || node.hasClass('on-path')) return;
        const visibleEdges = node.connectedEdges().not('.filtered');
        if (visibleEdges.empty()) node.addClass('filtered');
      });
    });
  }

  function refreshLabels() {
    cy.batch(() => {
      cy.nodes().forEach((node) => node.data('display', localName(node.data())));
      cy.edges().forEach((edge) => edge.data('display', relationLabel(edge.data())));
    });
  }
  onLangChange(refreshLabels);

  return {
    cy,
    add,
    runLayout,
    applyFilter,
    refreshFilter: () => applyFilter(filter),
    clear() {
      cy.elements().remove();
      container.dataset.layout = 'idle';
    },
    markRoot(id) {
      cy.nodes('.root').removeClass('root');
      cy.getElementById(String(id)).addClass('root');
    },
    markExpanded(id) {
      cy.getElementById(String(id)).addClass('expanded');
    },
    isExpanded: (id) => cy.getElementById(String(id)).hasClass('expanded'),
    select(id) {
      cy.elements(':selected').unselect();
      const element = cy.getElementById(String(id));
      element.select();
      return element;
    },
    // Highlights the nodes and edges of one path (ids), fading everything else.
    highlight(nodeIds, edgeIds) {
      cy.batch(() => {
        cy.elements().removeClass('on-path').addClass('faded');
        for (const id of [...nodeIds, ...edgeIds])
          cy.getElementById(String(id)).removeClass('faded').addClass('on-path');
      });
    },
    clearHighlight() {
      cy.elements().removeClass('faded on-path');
    },
    fit: () => cy.fit(cy.elements().not('.filtered'), 40),
    resize: () => cy.resize(),
    visibleElements: () => cy.elements().not('.filtered'),
    relationsPresent() {
      const byName = new Map();
      cy.edges().forEach((edge) => byName.set(edge.data('relation'), edge.data()));
      return byName;
    },
    isEmpty: () => cy.elements().empty(),
  };
}
