// End-to-end tests of the web front-end in Debian's chromium against a live `presskg serve`
// (started by run.sh; PRESSKG_URL and PRESSKG_TOKEN come from it).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';

import { apiStatus, baseUrl, openBrowser, screenshot, waitForLayout } from './browser.mjs';

const kXss = '<img src=x onerror=alert(1)>';

let browser;
let page;

// Types `query` in the entity search and picks `name` with the arrow keys and Enter.
async function searchAndOpen(query, name, label = /Search an entity|Rechercher une entité/) {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(query);
  await page.waitForSelector('.ac-list:not([hidden]) .ac-option[id]');
  for (let i = 0; i < 15; i += 1) {
    await input.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    const text = await page.locator(`[id="${active}"] .ac-name`).textContent();
    if (text === name) {
      await input.press('Enter');
      return;
    }
  }
  throw new Error(`"${name}" is not among the suggestions for "${query}"`);
}

async function setLang(lang) {
  await page.click(`.lang-button[data-lang="${lang}"]`);
  await page.waitForSelector(`html[lang="${lang}"]`);
}

// Labels of the graph nodes linked to the node labelled `name`, with the edge labels shown.
async function graphEdgesOf(name) {
  return page.evaluate((label) => {
    const cy = window.presskgGraph;
    const node = cy.nodes().filter((n) => n.data('label') === label)[0];
    return node
      .connectedEdges()
      .not('.filtered')
      .map((e) => ({
        other: (e.source().same(node) ? e.target() : e.source()).data('label'),
        relation: e.data('relation'),
        display: e.data('display'),
      }));
  }, name);
}

async function openAvlMaroc() {
  // A fragment navigation after the first load: the page (and app.js) is not fetched again.
  await page.goto(`${baseUrl}#/explore`);
  await page.waitForSelector('body[data-ready="true"]');
  await setLang('en');
  await searchAndOpen('AVL', 'AVL Maroc');
  await page.waitForFunction(() => location.hash.startsWith('#/explore/'));
  await waitForLayout(page);
  await page.waitForSelector('.entity-title');
}

describe('presskg web', () => {
  before(async () => {
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
  });

  it('searching "AVL" and opening AVL Maroc shows its edges to AVL France and Stellantis', async () => {
    await openAvlMaroc();
    assert.equal(await page.locator('.entity-title').textContent(), 'AVL Maroc');
    const edges = await graphEdgesOf('AVL Maroc');
    const others = edges.map((e) => e.other);
    assert.ok(others.includes('AVL France'), `neighbours: ${others}`);
    assert.ok(others.includes('Stellantis'), `neighbours: ${others}`);
    assert.deepEqual(
      edges.filter((e) => e.other === 'AVL France').map((e) => e.relation),
      ['subsidiary_of'],
    );
    // The same relations are listed as buttons for keyboard users.
    const listed = await page.locator('.relation-list .neighbor').allTextContents();
    assert.ok(listed.includes('AVL France') && listed.includes('Stellantis'), `listed: ${listed}`);
    await screenshot(page, '01-explore-avl-maroc');
  });

  it('exports the graph on screen as GraphML and PNG', async () => {
    const [graphml] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export GraphML' }).click(),
    ]);
    const xml = await readFile(await graphml.path(), 'utf8');
    assert.match(xml, /<key id="n_label" for="node" attr.name="label" attr.type="string"\/>/);
    assert.match(xml, /<key id="e_relation" for="edge" attr.name="relation" attr.type="string"\/>/);
    assert.match(xml, /<data key="n_label">AVL Maroc<\/data>/);
    assert.match(xml, /<data key="e_relation">subsidiary_of<\/data>/);
    assert.match(xml, /&lt;img src=x onerror=alert\(1\)&gt;/);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    const bytes = await readFile(await png.path());
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  });

  it('clicking an edge shows its evidence sentence, and the document view highlights it', async () => {
    // A point `t` of the way along the edge; the layout is not deterministic, so another label may
    // cover the midpoint: the click is tried at three points of the edge.
    const pointAt = (t) =>
      page.evaluate((fraction) => {
        const cy = window.presskgGraph;
        const edge = cy
          .edges()
          .filter(
            (e) =>
              e.source().data('label') === 'AVL Maroc' && e.target().data('label') === 'Stellantis',
          )[0];
        const a = edge.source().renderedPosition();
        const b = edge.target().renderedPosition();
        const box = cy.container().getBoundingClientRect();
        return {
          x: box.left + a.x + (b.x - a.x) * fraction,
          y: box.top + a.y + (b.y - a.y) * fraction,
        };
      }, t);
    for (const t of [0.5, 0.4, 0.6]) {
      const point = await pointAt(t);
      await page.mouse.click(point.x, point.y);
      const shown = await page
        .waitForSelector('.evidence-list .sentence', { timeout: 4000 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
    }
    await page.waitForSelector('.evidence-list .sentence');
    assert.equal(await page.locator('.panel-title').first().textContent(), 'Sources of this link');
    const sentences = await page.locator('.evidence-list .sentence').allTextContents();
    const english =
      'With a workforce of 120, the company today counts major brands among its clients, notably STELLANTIS and Groupe Renault.';
    assert.ok(sentences.includes(english), `sentences: ${sentences.join(' | ')}`);
    const marked = await page.locator('.evidence-list .sentence mark.hl-name').allTextContents();
    assert.ok(marked.includes('STELLANTIS'), `highlighted names: ${marked}`);
    assert.equal(
      await page.locator('[lang="fr"].sentence').count(),
      1,
      'the French sentence keeps lang="fr"',
    );
    await screenshot(page, '02-edge-evidence');

    const french = page.locator('.evidence', {
      has: page.locator('[lang="fr"].sentence'),
    });
    const frenchSentence = await french.locator('.sentence').textContent();
    await french.locator('a.doc-link').click();
    await page.waitForSelector('.doc-text mark.hl-evidence');
    assert.equal(await page.locator('.doc-text mark.hl-evidence').textContent(), frenchSentence);
    await screenshot(page, '03-document-view');
    await page.goBack();
    await page.waitForSelector('.workspace:not([hidden])');
  });

  it('finds the path from AVL Maroc to Groupe Renault', async (t) => {
    await page.goto(`${baseUrl}#/paths`);
    await page.waitForSelector('body[data-ready="true"]');
    await searchAndOpen('AVL Ma', 'AVL Maroc', /^From$|^De$/);
    await searchAndOpen('groupe ren', 'Groupe Renault', /^To$|^À$/);
    await page.getByRole('button', { name: 'Find paths' }).click();
    const probe = await apiStatus('api/v1/path?from=AVL%20Maroc&to=Groupe%20Renault');
    if (probe.status === 404 && /^no such endpoint/.test(probe.body?.error?.message ?? '')) {
      await page.waitForSelector('.details .error');
      assert.match(await page.locator('.details .error').textContent(), /not available/);
      await screenshot(page, '04-path-unavailable');
      t.skip('GET /api/v1/path is not on this server yet (404 "no such endpoint"); the UI says so');
      return;
    }
    await page.waitForSelector('.path-list .path');
    const first = await page.locator('.path-list .path').first().textContent();
    assert.match(first, /AVL Maroc/);
    assert.match(first, /Groupe Renault/);
    const onPath = await page.evaluate(() =>
      window.presskgGraph.nodes('.on-path').map((n) => n.data('label')),
    );
    assert.ok(
      onPath.includes('AVL Maroc') && onPath.includes('Groupe Renault'),
      `highlighted: ${onPath}`,
    );
    await waitForLayout(page);
    await screenshot(page, '04-path');
  });

  it('the language switch changes the relation labels', async () => {
    await openAvlMaroc();
    const english = (await graphEdgesOf('AVL Maroc')).find((e) => e.other === 'Stellantis');
    assert.equal(english.display, 'has client');
    await setLang('fr');
    const french = (await graphEdgesOf('AVL Maroc')).find((e) => e.other === 'Stellantis');
    assert.equal(french.display, 'a pour client');
    await page.waitForSelector('.relation-list .relation-item:has-text("a pour client")');
    assert.equal(await page.locator('.nav-link[data-route="explore"]').textContent(), 'Explorer');
    assert.equal(await page.locator('#filters-title').textContent(), 'Filtres');
    const filterLabels = await page.locator('.filters .check label').allTextContents();
    assert.ok(filterLabels.includes('filiale de'), `filter labels: ${filterLabels}`);
    await screenshot(page, '05-french');
    await setLang('en');
    assert.equal(
      (await graphEdgesOf('AVL Maroc')).find((e) => e.other === 'Stellantis').display,
      'has client',
    );
  });

  it('filters by relation type, kind and date range', async () => {
    await openAvlMaroc();
    const visible = () =>
      page.evaluate(() =>
        window.presskgGraph
          .elements()
          .not('.filtered')
          .map((e) => e.data('label') ?? e.data('relation')),
      );
    assert.ok((await visible()).includes('mentions'));
    await page.locator('.filters .check', { hasText: 'mentions' }).locator('input').uncheck();
    let shown = await visible();
    assert.ok(
      !shown.includes('mentions') && !shown.includes('avl-maroc.fr.txt'),
      `shown: ${shown}`,
    );
    assert.ok(shown.includes('Stellantis'));
    await page.locator('.filters .check', { hasText: 'Sector' }).locator('input').uncheck();
    shown = await visible();
    assert.ok(
      !shown.includes('batteries électriques') && shown.includes('AVL France'),
      `shown: ${shown}`,
    );
    await page.getByLabel('From', { exact: true }).fill('2023-01');
    await page
      .locator('.filters .check', { hasText: 'Keep undated facts' })
      .locator('input')
      .uncheck();
    shown = await visible();
    assert.deepEqual(shown, ['AVL Maroc'], 'facts of 2022-12 and undated ones are hidden');
    await screenshot(page, '06-filters');
    await page.getByLabel('From', { exact: true }).fill('');
    await page
      .locator('.filters .check', { hasText: 'Keep undated facts' })
      .locator('input')
      .check();
    await page.locator('.filters .check', { hasText: 'Sector' }).locator('input').check();
    await page.locator('.filters .check', { hasText: 'mentions' }).locator('input').check();
    assert.ok((await visible()).includes('mentions'));
  });

  it('renders an entity named like an XSS payload as text, without running it', async () => {
    await openAvlMaroc();
    await searchAndOpen('<img', kXss);
    await page.waitForSelector(`.entity-title:text-is("${kXss}")`);
    assert.equal(await page.locator('.entity-title').textContent(), kXss);
    await waitForLayout(page);
    const labels = await page.evaluate(() =>
      window.presskgGraph.nodes().map((n) => n.data('label')),
    );
    assert.ok(labels.includes(kXss));
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[onerror]').length), 0);
    assert.deepEqual(browser.dialogs, []);
    await screenshot(page, '07-xss-as-text');
  });

  it('previews and commits a pasted press release (or says the endpoints are missing)', async (t) => {
    await page.goto(`${baseUrl}#/ingest`);
    await page.waitForSelector('.ingest-view:not([hidden])');
    const text = await readFile(
      new URL('../../samples/corpus/avl-maroc.en.txt', import.meta.url),
      'utf8',
    );
    await page.getByLabel('Press release text').fill(text.replace(/^[a-z]+: .*\n/gm, ''));
    await page.getByLabel('Title', { exact: true }).fill('AVL Maroc (browser test)');
    await page.getByLabel('Date', { exact: true }).fill('2022-12');
    await page.getByLabel('Language', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: 'Preview facts' }).click();
    await page.waitForSelector(
      '.ingest-results table, .ingest-results .error, .ingest-results .muted:not(:text("Loading"))',
    );
    const extractMissing = await page
      .locator('.ingest-results .error:has-text("not available")')
      .count();
    if (!extractMissing) {
      const relations = await page.locator('.statements td.relation').allTextContents();
      assert.ok(relations.length > 0, 'some facts are extracted');
      await screenshot(page, '08-ingest-preview');
    }
    await page.getByRole('button', { name: 'Save to the graph' }).click();
    await page.waitForSelector('dialog[open] input[type="password"]');
    await page.fill('dialog[open] input[type="password"]', process.env.PRESSKG_TOKEN ?? '');
    await page.click('dialog[open] button[type="submit"]');
    await page.waitForSelector('.ingest-results .success, .ingest-results .error');
    const stored = await page.evaluate(
      () =>
        JSON.stringify({ ...localStorage }) +
        JSON.stringify({ ...sessionStorage }) +
        document.cookie,
    );
    assert.ok(
      !stored.includes(process.env.PRESSKG_TOKEN ?? 'no-token'),
      'the token is never stored',
    );
    await screenshot(page, '09-ingest-commit');
    if (
      extractMissing ||
      (await page.locator('.ingest-results .error:has-text("not available")').count())
    ) {
      t.skip('POST /api/v1/extract or /api/v1/documents is not on this server yet; the UI says so');
      return;
    }
    assert.equal(await page.locator('.ingest-results .error').count(), 0);
  });

  // Corrections change the store: this test runs after every test that reads it.
  it('splits aliases off an entity, merges them back and undoes the merge', async () => {
    const hit = (await apiStatus('api/v1/search?q=Groupe%20AVL')).body.results[0];
    const entity = (await apiStatus(`api/v1/entities/${hit.id}`)).body;
    const alias = entity.aliases.find((a) => a.name !== entity.label);
    assert.ok(alias, `an entity with two names: ${JSON.stringify(entity.aliases)}`);

    async function submitWithToken(button) {
      await button.click();
      const asked = await page
        .waitForSelector('dialog[open] input[type="password"]', { timeout: 1500 })
        .catch(() => null);
      if (asked) {
        await page.fill('dialog[open] input[type="password"]', process.env.PRESSKG_TOKEN ?? '');
        await page.click('dialog[open] button[type="submit"]');
      }
      await page.waitForSelector('.notifier .notice-success, .notifier .notice-error');
      assert.equal(await page.locator('.notifier .notice-error').count(), 0);
    }

    await page.goto(`${baseUrl}#/explore`);
    await page.waitForSelector('body[data-ready="true"]');
    await setLang('en');
    await searchAndOpen('Groupe AVL', entity.label_en || entity.label);
    await page.waitForSelector('.entity-title');
    await page.click('details.edit-section > summary');

    // Split: tick the alias, give a reason, confirm.
    const split = page.locator('form.edit-form:has(h4:text("Split aliases off"))');
    await split.getByLabel(`${alias.name} (${alias.lang})`).check();
    await split.getByLabel('Reason').fill('browser test: the English name is another body');
    await submitWithToken(split.getByRole('button', { name: 'Split', exact: true }));
    // The split-off name may share its language-neutral key with the remaining names ("AVL
    // Group" = "Groupe AVL"), so the search lists both entities.
    const splitOff = (
      await apiStatus(`api/v1/search?q=${encodeURIComponent(alias.name)}`)
    ).body.results.find((r) => r.id !== entity.id);
    assert.ok(splitOff, 'the split-off name is its own entity');
    assert.equal(splitOff.label, alias.name);
    await page.waitForSelector('.correction-history .correction[data-kind="split"]');
    await screenshot(page, '10-split');

    // Merge it back from the original entity's panel.
    await page.click('details.edit-section > summary');
    await searchAndOpen(alias.name, splitOff.label, /Duplicate to merge/);
    const merge = page.locator('form.edit-form:has(h4:text("Merge a duplicate"))');
    await merge.getByLabel('Reason').fill('browser test: same group after all');
    await submitWithToken(merge.getByRole('button', { name: 'Merge', exact: true }));
    const merged = (await apiStatus(`api/v1/entities/${splitOff.id}`)).body;
    assert.equal(merged.id, entity.id, 'the merged id answers with the kept entity');
    assert.equal(merged.redirected_from, splitOff.id);

    // Undo the merge from the history: the split-off entity comes back.
    await page.waitForSelector('.correction-history .correction[data-kind="merge"]');
    const mergeItem = page.locator('.correction-history .correction[data-kind="merge"]');
    await mergeItem.getByRole('button', { name: 'Undo', exact: true }).click();
    await mergeItem.getByLabel('Reason').fill('browser test: undo');
    await submitWithToken(mergeItem.getByRole('button', { name: 'Undo this correction' }));
    assert.equal((await apiStatus(`api/v1/entities/${splitOff.id}`)).body.id, splitOff.id);
    const log = (await apiStatus(`api/v1/corrections?entity=${splitOff.id}`)).body.corrections;
    assert.deepEqual(
      log.map((c) => c.kind),
      ['revert', 'merge', 'split'],
    );
    await screenshot(page, '11-merge-undone');
  });

  it('raised no page error and no dialog', () => {
    assert.deepEqual(browser.errors, []);
    assert.deepEqual(browser.dialogs, []);
  });
});
