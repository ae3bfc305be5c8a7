// Exports the visible graph as GraphML (built here from the Cytoscape elements) or PNG.
import { downloadBlob } from './download.js';
import { toGraphML } from './graphml.js';

function stamp() {
  return new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
}

export function exportGraphML(graphView) {
  const visible = graphView.visibleElements();
  const nodes = visible.nodes().map((n) => ({ ...n.data(), id: n.data('entity') }));
  const edges = visible.edges().map((e) => ({
    ...e.data(),
    source: e.source().data('entity'),
    target: e.target().data('entity'),
    label: e.data('display'),
  }));
  const xml = toGraphML(nodes, edges);
  downloadBlob(new Blob([xml], { type: 'application/graphml+xml' }), `presskg-${stamp()}.graphml`);
}

export function exportPng(graphView) {
  const blob = graphView.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  downloadBlob(blob, `presskg-${stamp()}.png`);
}
