// Graph filters (relation, kind, status, date range) as data, and the predicate they make.
// Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"; undated facts are kept unless asked otherwise.

export const STATUSES = ['stated', 'planned', 'denied'];

export function createFilterState() {
  return {
    hiddenRelations: new Set(),
    hiddenKinds: new Set(),
    hiddenStatuses: new Set(),
    from: '',
    to: '',
    keepUndated: true,
  };
}

// "2022" -> "2022-01-01" (lower) or "2022-12-31" (upper); "" stays "".
export function dateBound(date, upper) {
  if (!date) return '';
  const parts = date.split('-');
  const month = parts[1] ?? (upper ? '12' : '01');
  const day = parts[2] ?? (upper ? '31' : '01');
  return `${parts[0]}-${month}-${day}`;
}

export function isValidDate(text) {
  return text === '' || /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(text);
}

// Whether a fact seen from `first` to `last` overlaps [from, to].
export function inDateRange(first, last, from, to, keepUndated) {
  if (!first && !last) return keepUndated;
  const low = dateBound(first || last, false);
  const high = dateBound(last || first, true);
  if (from && high < dateBound(from, false)) return false;
  if (to && low > dateBound(to, true)) return false;
  return true;
}

// A predicate over edge data with a `.kind(kind)` companion for nodes.
export function makePredicate(state) {
  const predicate = (edge) =>
    !state.hiddenRelations.has(edge.relation) &&
    !state.hiddenStatuses.has(edge.status) &&
    inDateRange(edge.first_seen, edge.last_seen, state.from, state.to, state.keepUndated);
  predicate.kind = (kind) => !state.hiddenKinds.has(kind);
  return predicate;
}
