// Entity details (names, aliases, literal facts) and document titles, fetched once per page view.
import { api } from './api.js';

const cache = new Map();

// The entity JSON for `id`, shared by every caller; a failed fetch is not cached.
export function getEntity(id) {
  const key = String(id);
  if (!cache.has(key)) {
    const promise = api.entity(key).catch((error) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, promise);
  }
  return cache.get(key);
}

// Every name of an entity (label, French, English, aliases), for highlighting.
export function entityNames(entity) {
  if (!entity) return [];
  const names = [
    entity.label,
    entity.label_fr,
    entity.label_en,
    ...(entity.aliases ?? []).map((a) => a.name),
  ];
  return names.filter(Boolean);
}

const titles = new Map();

// A document's title (its file name when untitled), fetched once.
export function getDocumentTitle(id) {
  const key = String(id);
  if (!titles.has(key)) {
    titles.set(
      key,
      api.documentMeta(key).then((doc) => doc.title || doc.name),
    );
  }
  return titles.get(key);
}

export function forgetEntity(id) {
  cache.delete(String(id));
}
