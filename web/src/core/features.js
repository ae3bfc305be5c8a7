// Which optional endpoints the server offers, found once at start-up. An endpoint counts as
// present unless the server answers 404 "no such endpoint" (probes carry no token, so they
// never change anything: a present write endpoint answers 400 or 401).
import { api } from './api.js';

const present = new Map();

async function detect(name, probe) {
  try {
    await probe();
    present.set(name, true);
  } catch (error) {
    present.set(name, !error.missingEndpoint);
  }
}

export async function detectFeatures() {
  await Promise.all([
    detect('merge', () => api.probe('entities/merge')),
    detect('split', () => api.probe('entities/0/split')),
    detect('export', () => api.exportProbe()),
  ]);
}

// false only when the server said it has no such endpoint; true when present or unknown.
export function hasFeature(name) {
  return present.get(name) !== false;
}

// Records what a real call learned (e.g. /path answered 404 "no such endpoint").
export function markMissing(name) {
  present.set(name, false);
}
