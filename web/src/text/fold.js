// Accent-, case- and apostrophe-insensitive matching that maps back to the original string:
// "Ministère de l’Industrie" matches "ministere de l'industrie".

// Folds one character: strips diacritics, lower-cases, unifies apostrophes and dashes.
function foldChar(ch) {
  return ch
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-');
}

// Returns { folded, map } where map[i] is the UTF-16 index in `text` of folded character i
// (map has one extra entry for the end of the text).
export function foldWithMap(text) {
  let folded = '';
  const map = [];
  let index = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let i = 0; i < f.length; i += 1) map.push(index);
    folded += f;
    index += ch.length;
  }
  map.push(index);
  return { folded, map };
}

export function fold(text) {
  return foldWithMap(text ?? '').folded;
}

function isWordChar(ch) {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

// Every [start, end) range (UTF-16, in `text`) where one of `names` occurs as whole words,
// longest names first, without overlaps, sorted by start.
export function findNames(text, names) {
  const { folded, map } = foldWithMap(text);
  const wanted = [...new Set(names.map(fold).filter((n) => n.trim().length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  const ranges = [];
  for (const name of wanted) {
    let from = folded.indexOf(name);
    while (from !== -1) {
      const to = from + name.length;
      const whole = !isWordChar(folded[from - 1]) && !isWordChar(folded[to]);
      const overlaps = ranges.some(([s, e]) => from < e && to > s);
      if (whole && !overlaps) ranges.push([from, to]);
      from = folded.indexOf(name, from + 1);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]).map(([s, e]) => [map[s], map[e]]);
}
