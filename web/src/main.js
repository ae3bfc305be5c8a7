// Entry point: builds the page, detects optional endpoints and follows hash routes.
import { h } from './core/dom.js';
import { getLang, onLangChange, t } from './core/i18n.js';
import { detectFeatures } from './core/features.js';
import { createNotifier } from './core/notify.js';
import { route, startRouter } from './core/router.js';
import { createHeader } from './components/header.js';
import { createDocumentView } from './views/document_view.js';
import { createIngestView } from './views/ingest_view.js';
import { createWorkspace } from './views/workspace.js';

async function main() {
  document.documentElement.lang = getLang();
  const setTitle = () => {
    document.title = `presskg — ${t('brand.tagline')}`;
  };
  setTitle();
  onLangChange(setTitle);
  const header = createHeader();
  const main = h('main', { id: 'main', tabindex: '-1', class: 'main' });
  document.getElementById('app').replaceChildren(header.element, main, createNotifier());
  const workspace = createWorkspace(main);
  const documentView = createDocumentView();
  const ingest = createIngestView();
  main.append(documentView.element, ingest.element);
  const views = {
    workspace: workspace.element,
    document: documentView.element,
    ingest: ingest.element,
  };

  function show(name, current) {
    for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
    header.setCurrent(current);
  }

  await detectFeatures();
  route('explore', (params) => {
    show('workspace', 'explore');
    workspace.explore(params[0]);
  });
  route('paths', (params, query) => {
    show('workspace', 'paths');
    workspace.paths(query);
  });
  route('ingest', () => show('ingest', 'ingest'));
  route('document', (params, query) => {
    show('document', null);
    documentView.show(params[0], query);
  });
  startRouter();
  document.body.dataset.ready = 'true';
}

main();
