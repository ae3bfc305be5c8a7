// The server counts text offsets in Unicode code points; JavaScript strings index UTF-16 code
// units. A character outside the Basic Multilingual Plane (an emoji, some CJK) is one code point
// but two code units, so offsets must be converted before slicing.

// The UTF-16 index of code point `offset` in `text` (clamped to the text's end).
export function codePointToUtf16(text, offset) {
  let units = 0;
  let points = 0;
  while (points < offset && units < text.length) {
    const code = text.charCodeAt(units);
    const isHighSurrogate = code >= 0xd800 && code <= 0xdbff && units + 1 < text.length;
    units += isHighSurrogate ? 2 : 1;
    points += 1;
  }
  return units;
}

// [start, end) in code points -> [start, end) in UTF-16 code units; null when out of range.
export function codePointRange(text, start, end) {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return null;
  const from = codePointToUtf16(text, start);
  const to = codePointToUtf16(text, end);
  if (from >= text.length && start > 0) return null;
  return [from, to];
}
