// Hash routes: #/explore[/ID], #/paths?from=&to=, #/ingest, #/document/ID?start=&end=.

const handlers = [];

// Registers `handler(params, query)` for routes whose first segment is `name`.
export function route(name, handler) {
  handlers.push({ name, handler });
}

export function parseHash(hash = location.hash) {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return {
    name: segments[0] || 'explore',
    params: segments.slice(1),
    query: new URLSearchParams(search),
  };
}

export function href(name, params = [], query = {}) {
  const path = [name, ...params.map((p) => encodeURIComponent(String(p)))].join('/');
  const search = new URLSearchParams(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ).toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

export function navigate(name, params, query) {
  const next = href(name, params, query);
  if (location.hash === next) dispatch();
  else location.hash = next;
}

function dispatch() {
  const { name, params, query } = parseHash();
  const entry = handlers.find((h) => h.name === name) ?? handlers.find((h) => h.name === 'explore');
  entry?.handler(params, query);
}

export function startRouter() {
  window.addEventListener('hashchange', dispatch);
  dispatch();
}
