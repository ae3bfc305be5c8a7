// The presskg JSON API (/api/v1). Every call returns the parsed JSON or throws an ApiError.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status; // 0 when the server could not be reached
  }

  // True when the server does not offer the endpoint at all (older server build).
  get missingEndpoint() {
    return this.status === 404 && /^no such endpoint/.test(this.message);
  }
}

async function call(method, path, { params, body, token, signal } = {}) {
  const url = new URL(`api/v1/${path}`, document.baseURI);
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, error.message);
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, data?.error?.message ?? response.statusText);
  }
  return data;
}

const id = (value) => encodeURIComponent(String(value));

export const api = {
  stats: () => call('GET', 'stats'),
  search: (q, limit, signal) => call('GET', 'search', { params: { q, limit }, signal }),
  entity: (ref) => call('GET', `entities/${id(ref)}`),
  neighbors: (ref, params) => call('GET', `entities/${id(ref)}/neighbors`, { params }),
  graph: (ref, params) => call('GET', `entities/${id(ref)}/graph`, { params }),
  evidence: (source, relation, target) =>
    call('GET', 'evidence', { params: { source, relation, target } }),
  document: (docId) => call('GET', `documents/${id(docId)}`, { params: { text: 'true' } }),
  documentMeta: (docId) => call('GET', `documents/${id(docId)}`, { params: { text: 'false' } }),
  relations: () => call('GET', 'relations'),
  path: (params) => call('GET', 'path', { params }),
  extract: (body) => call('POST', 'extract', { body }),
  commitDocument: (body, token) => call('POST', 'documents', { body, token }),
  merge: (body, token) => call('POST', 'entities/merge', { body, token }),
  split: (ref, body, token) => call('POST', `entities/${id(ref)}/split`, { body, token }),
  revert: (correction, body, token) =>
    call('POST', `corrections/${id(correction)}/revert`, { body, token }),
  corrections: (entity) => call('GET', 'corrections', { params: { entity } }),
  // Probes a write endpoint without a token: any answer but "no such endpoint" means it exists.
  probe: (path) => call('POST', path, { body: {} }),
  exportUrl: (entity, depth) => {
    const url = new URL('api/v1/export', document.baseURI);
    url.search = new URLSearchParams({ format: 'graphml', entity, depth }).toString();
    return url.toString();
  },
  exportProbe: () => call('GET', 'export', { params: { format: 'graphml', entity: 0, depth: 1 } }),
};
