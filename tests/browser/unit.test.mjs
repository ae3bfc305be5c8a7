// Unit tests of the front-end's pure modules (no browser): dictionaries, offsets, matching,
// GraphML, date filters.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import en from '../../web/src/i18n/en.js';
import fr from '../../web/src/i18n/fr.js';
import { toGraphML, xmlEscape } from '../../web/src/export/graphml.js';
import { inDateRange, isValidDate } from '../../web/src/graph/filter_state.js';
import { findNames, fold } from '../../web/src/text/fold.js';
import { codePointRange, codePointToUtf16 } from '../../web/src/text/offsets.js';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/src');

async function sourceFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(full)));
    else if (entry.name.endsWith('.js')) out.push(full);
  }
  return out;
}

describe('dictionaries', () => {
  it('French and English have the same keys, none empty', () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) {
      assert.ok(value.trim(), `empty string for ${key}`);
    }
  });

  it('every literal key used in the source is in the dictionaries', async () => {
    const used = new Set();
    const pattern =
      /(?:\bt\(\s*|i18n(?:-[a-z-]+)?'?:\s*|[a-zA-Z]+Key:\s*|toolButton\()'([a-z]+\.[A-Za-z.]+)'/g;
    for (const file of await sourceFiles(src)) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(pattern)) used.add(match[1]);
    }
    assert.ok(used.size > 100, `found only ${used.size} keys`);
    const missing = [...used].filter((key) => !(key in en) || !(key in fr));
    assert.deepEqual(missing, []);
  });

  it('no module writes data with innerHTML or insertAdjacentHTML', async () => {
    for (const file of await sourceFiles(src)) {
      const code = (await readFile(file, 'utf8')).replace(/^\s*\/\/.*$/gm, '');
      assert.ok(
        !/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(code),
        `${file} writes markup`,
      );
    }
  });
});

describe('code point offsets', () => {
  it('match UTF-16 indexes in the Basic Multilingual Plane', () => {
    const text = 'Société générale — l’été';
    assert.equal(codePointToUtf16(text, 7), 7);
    assert.deepEqual(codePointRange(text, 0, 7), [0, 7]);
  });

  it('skip both halves of a surrogate pair', () => {
    const text = 'a😀b𝔸c';
    assert.equal(codePointToUtf16(text, 2), 3);
    assert.equal(codePointToUtf16(text, 4), 6);
    const [start, end] = codePointRange(text, 3, 5);
    assert.equal(text.slice(start, end), '𝔸c');
  });

  it('reject ranges outside the text', () => {
    assert.equal(codePointRange('abc', 5, 6), null);
    assert.equal(codePointRange('abc', 2, 1), null);
  });
});

describe('name matching', () => {
  it('ignores accents, case and apostrophe style', () => {
    assert.equal(fold('Ministère de l’Industrie'), "ministere de l'industrie");
    const sentence = 'un MoU avec le ministère de l’Industrie et STELLANTIS';
    const ranges = findNames(sentence, ["Ministere de l'industrie", 'Stellantis']);
    assert.deepEqual(
      ranges.map(([s, e]) => sentence.slice(s, e)),
      ['ministère de l’Industrie', 'STELLANTIS'],
    );
  });

  it('matches whole words only, longest name first', () => {
    const sentence = 'AVL Maroc, filiale d’AVL France, et AVLX';
    const found = findNames(sentence, ['AVL', 'AVL Maroc', 'AVL France']).map(([s, e]) =>
      sentence.slice(s, e),
    );
    assert.deepEqual(found, ['AVL Maroc', 'AVL France']);
  });
});

describe('GraphML', () => {
  it('declares typed keys for nodes and edges and escapes data', () => {
    const xml = toGraphML(
      [
        { id: 1, label: '<img src=x onerror=alert(1)>', kind: 'organization' },
        { id: 2, label: 'AT&T "Maroc"', kind: 'organization' },
      ],
      [
        {
          source: 1,
          target: 2,
          relation: 'partner_of',
          label: 'partner of',
          confidence: 0.8,
          evidence_count: 2,
          symmetric: true,
        },
      ],
    );
    assert.match(xml, /<key id="n_label" for="node" attr.name="label" attr.type="string"\/>/);
    assert.match(
      xml,
      /<key id="e_confidence" for="edge" attr.name="confidence" attr.type="double"\/>/,
    );
    assert.match(
      xml,
      /<key id="e_evidence_count" for="edge" attr.name="evidence_count" attr.type="int"\/>/,
    );
    assert.match(xml, /<data key="n_label">&lt;img src=x onerror=alert\(1\)&gt;<\/data>/);
    assert.match(xml, /<data key="n_label">AT&amp;T &quot;Maroc&quot;<\/data>/);
    assert.match(xml, /<edge id="e0" source="n1" target="n2">/);
    assert.doesNotMatch(xml, /<img/);
  });

  it('drops characters XML cannot carry', () => {
    assert.equal(xmlEscape('a\u0001b'), 'ab');
  });
});

describe('date filter', () => {
  it('keeps facts overlapping the range', () => {
    assert.ok(inDateRange('2022-12', '2022-12', '2022', '2023', true));
    assert.ok(inDateRange('2021', '2023-02', '2022-06', '', true));
    assert.ok(!inDateRange('2022-12', '2022-12', '2023-01', '', true));
    assert.ok(!inDateRange('2022-12', '2022-12', '', '2022-11', true));
  });

  it('keeps undated facts only when asked', () => {
    assert.ok(inDateRange('', '', '2020', '2021', true));
    assert.ok(!inDateRange('', '', '2020', '2021', false));
  });

  it('validates typed dates', () => {
    assert.ok(
      isValidDate('2022') && isValidDate('2022-12') && isValidDate('2022-12-31') && isValidDate(''),
    );
    assert.ok(!isValidDate('2022-13') && !isValidDate('12/2022'));
  });
});
