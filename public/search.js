// The search page's behaviour, on Pagefind's JavaScript API: https://pagefind.app/docs/api/
//
// A static module rather than an Astro-bundled script because the site's Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'`) forbids inline scripts, which Astro produces for small
// ones, and because the Pagefind bundle only exists after the build, so it cannot be bundled.
// Everything page-specific comes from the `data-` attributes of `[data-search]` (Search.astro).

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 180;
/** Filter groups in the order they are offered; any other filter Pagefind knows comes after. */
const FILTER_ORDER = ['status', 'label', 'repository', 'type'];

const root = document.querySelector('[data-search]');
if (root instanceof HTMLElement) start(root);

/** @param {HTMLElement} root */
async function start(root) {
  /** @type {Record<string, any>} */
  const strings = JSON.parse(root.dataset.strings ?? '{}');
  /** @type {Record<string, string>} Status as shown → status id, for the pill's colour. */
  const statusIds = JSON.parse(root.dataset.statusIds ?? '{}');
  const $ = (/** @type {string} */ name) => /** @type {HTMLElement} */ (root.querySelector(`[data-search-${name}]`));
  const ui = {
    form: /** @type {HTMLFormElement} */ ($('form')),
    input: /** @type {HTMLInputElement} */ ($('input')),
    status: $('status'),
    results: $('results'),
    shown: $('shown'),
    more: /** @type {HTMLButtonElement} */ ($('more')),
    filtersPanel: /** @type {HTMLDetailsElement} */ ($('filters-panel')),
    filters: $('filters'),
    filterCount: $('filter-count'),
    clear: $('clear'),
    fallback: $('fallback'),
    /** "Suggest a feature" for a search that finds nothing; absent when nothing takes suggestions. */
    suggest: /** @type {HTMLElement | null} */ (root.querySelector('[data-search-suggest]')),
  };
  const showSuggest = (/** @type {boolean} */ shown) => {
    if (ui.suggest) ui.suggest.hidden = !shown;
  };
  const numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const pluralRules = new Intl.PluralRules(document.documentElement.lang || undefined);
  /** The template for `count` among a message's plural forms (Search.astro gives one per category). */
  const plural = (/** @type {Record<string, string>} */ forms, /** @type {number} */ count) => forms[pluralRules.select(count)] ?? forms['other'] ?? '';
  const format = (/** @type {string} */ template, /** @type {Record<string, string | number>} */ values) =>
    template.replace(/\{(\w+)\}/g, (_, key) => {
      const value = values[key];
      return typeof value === 'number' ? numberFormat.format(value) : String(value ?? '');
    });
  const announce = (/** @type {string} */ text) => {
    ui.status.textContent = text;
  };

  // JavaScript runs: swap the explanation for the form.
  ui.fallback.hidden = true;
  ui.form.hidden = false;

  const state = readState(new URLSearchParams(location.search));
  ui.input.value = state.query;
  setSort(ui.form, state.sort);

  announce(strings.loading);
  /** @type {any} */
  let pagefind;
  /** @type {Record<string, Record<string, number>>} */
  let allFilters = {};
  // The form works while Pagefind loads: a search typed meanwhile runs once it is ready.
  const ready = (async () => {
    try {
      pagefind = await import(/* @vite-ignore */ String(root.dataset.bundle));
      // The index holds paths from the site root; the base path is added here.
      await pagefind.options({ baseUrl: root.dataset.base ?? '/', excerptLength: 24 });
      allFilters = await pagefind.filters();
    } catch (error) {
      console.error('Search could not be loaded:', error);
      announce(strings.loadFailed);
      ui.form.hidden = true;
      ui.fallback.hidden = false;
      return false;
    }
    // Only filters the index knows: a stray parameter (`?utm_source=…`) must not empty the results.
    for (const key of state.filters.keys()) if (!(key in allFilters)) state.filters.delete(key);
    renderFilterGroups(ui.filters, allFilters, state.filters, strings);
    ui.filtersPanel.hidden = ui.filters.childElementCount === 0;
    if (activeFilterCount(state.filters) > 0) ui.filtersPanel.open = true;
    return true;
  })();

  /** @type {any[]} */
  let results = [];
  let shownCount = 0;
  let searchNumber = 0;
  /** The parameters of the search shown (or being fetched), so an identical one is not run twice. */
  let lastSearch = /** @type {string | undefined} */ (undefined);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typingTimer;

  async function run() {
    clearTimeout(typingTimer);
    if (!(await ready)) return;
    state.query = ui.input.value.trim();
    // The same search again (a search typed while Pagefind loaded runs both when it is ready and
    // when the typing pause ends) would rebuild identical results and take the focus out of them.
    const search = stateParams(state);
    if (search === lastSearch) return;
    lastSearch = search;
    const current = ++searchNumber;
    history.replaceState(history.state, '', search === '' ? location.pathname : `?${search}`);
    updateFilterCount();
    const filtered = activeFilterCount(state.filters) > 0;

    if (state.query === '' && !filtered && state.sort === 'relevance') {
      results = [];
      ui.results.replaceChildren();
      updateFilterCounts(ui.filters, allFilters);
      updateMore();
      showSuggest(false);
      announce(strings.idle);
      return;
    }

    /** @type {Record<string, any>} */
    const options = { filters: pagefindFilters(state.filters) };
    // Pagefind leaves out pages without a `votes` sort value when sorting by it.
    if (state.sort === 'votes') options['sort'] = { votes: 'desc' };
    const found = await pagefind.search(state.query === '' ? null : state.query, options);
    if (current !== searchNumber) return; // A newer search started meanwhile.

    results = found.results;
    shownCount = 0;
    ui.results.replaceChildren();
    updateFilterCounts(ui.filters, found.filters ?? allFilters);
    await showMore(false);
    if (current !== searchNumber) return;

    const count = results.length;
    const query = state.query;
    showSuggest(count === 0);
    if (count === 0) announce(query === '' ? strings.noResultsFiltered : format(strings.noResults, { query }));
    else if (query === '') announce(format(plural(strings.resultsFiltered, count), { count }));
    else announce(format(plural(strings.results, count), { count, query }));
  }

  /** Loads the next page of results (Pagefind fetches each result's data separately). */
  async function showMore(/** @type {boolean} */ moveFocus) {
    const current = searchNumber;
    const page = results.slice(shownCount, shownCount + PAGE_SIZE);
    const data = await Promise.all(page.map((result) => result.data()));
    if (current !== searchNumber) return;
    const items = data.map((entry) => resultItem(entry, strings, statusIds, (/** @type {number} */ votes) => format(plural(strings.votes, votes), { count: votes })));
    ui.results.append(...items);
    shownCount += items.length;
    updateMore();
    // After "Show more", continue where the new results start instead of leaving focus on a button
    // that may have just disappeared.
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  function updateMore() {
    const remaining = results.length - shownCount;
    ui.more.hidden = remaining <= 0;
    ui.shown.hidden = remaining <= 0;
    ui.shown.textContent = remaining > 0 ? format(strings.shown, { shown: shownCount, count: results.length }) : '';
  }

  function updateFilterCount() {
    const count = activeFilterCount(state.filters);
    ui.filterCount.textContent = count > 0 ? `(${numberFormat.format(count)})` : '';
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  ui.input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => void run(), TYPING_DELAY_MS);
  });
  ui.form.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    if (target.name === 'sort') {
      state.sort = target.value === 'votes' ? 'votes' : 'relevance';
    } else if (target.dataset.filter) {
      const values = state.filters.get(target.dataset.filter) ?? new Set();
      if (target.checked) values.add(target.value);
      else values.delete(target.value);
      state.filters.set(target.dataset.filter, values);
    } else {
      return;
    }
    void run();
  });
  ui.clear.addEventListener('click', () => {
    state.filters.clear();
    for (const box of ui.filters.querySelectorAll('input[type="checkbox"]')) {
      /** @type {HTMLInputElement} */ (box).checked = false;
    }
    void run();
  });
  ui.more.addEventListener('click', () => void showMore(true));

  // Arrow keys move between the search box and the result links; Tab works as everywhere else.
  ui.input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = ui.results.querySelector('a');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
  ui.results.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...ui.results.querySelectorAll('a')];
    const index = links.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    if (index === -1) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? links[index + 1] : (links[index - 1] ?? ui.input);
    next?.focus();
  });

  await run();
}

/**
 * @typedef {{ query: string, sort: 'relevance' | 'votes', filters: Map<string, Set<string>> }} SearchState
 */

/** The search as the address bar has it, so results can be shared, reloaded and navigated back to. */
function readState(/** @type {URLSearchParams} */ params) {
  /** @type {SearchState} */
  const state = {
    query: (params.get('q') ?? '').trim(),
    sort: params.get('sort') === 'votes' ? 'votes' : 'relevance',
    filters: new Map(),
  };
  for (const [key, value] of params) {
    if (key === 'q' || key === 'sort' || value === '') continue;
    const values = state.filters.get(key) ?? new Set();
    values.add(value);
    state.filters.set(key, values);
  }
  return state;
}

/** The state as the address's query string, the inverse of `readState`. */
function stateParams(/** @type {SearchState} */ state) {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  if (state.sort === 'votes') params.set('sort', 'votes');
  for (const [key, values] of state.filters) for (const value of values) params.append(key, value);
  return params.toString();
}

function setSort(/** @type {HTMLFormElement} */ form, /** @type {string} */ sort) {
  for (const radio of form.querySelectorAll('input[name="sort"]')) {
    /** @type {HTMLInputElement} */ (radio).checked = /** @type {HTMLInputElement} */ (radio).value === sort;
  }
}

function activeFilterCount(/** @type {Map<string, Set<string>>} */ filters) {
  let count = 0;
  for (const values of filters.values()) count += values.size;
  return count;
}

/** Within a group any checked value matches (Planned or Shipped); across groups all must. */
function pagefindFilters(/** @type {Map<string, Set<string>>} */ filters) {
  /** @type {Record<string, { any: string[] }>} */
  const result = {};
  for (const [key, values] of filters) if (values.size > 0) result[key] = { any: [...values] };
  return result;
}

/**
 * One fieldset of checkboxes per filter Pagefind knows, values ordered by how many pages have them.
 * @param {HTMLElement} container
 * @param {Record<string, Record<string, number>>} available
 * @param {Map<string, Set<string>>} selected
 * @param {Record<string, any>} strings
 */
function renderFilterGroups(container, available, selected, strings) {
  const keys = Object.keys(available).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const key of keys) {
    const values = Object.entries(available[key] ?? {}).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    if (values.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = strings.filterNames?.[key] ?? key;
    fieldset.append(legend);
    for (const [value] of values) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = value;
      box.dataset.filter = key;
      box.checked = selected.get(key)?.has(value) ?? false;
      const count = document.createElement('span');
      count.className = 'count';
      count.dataset.count = '';
      label.append(box, ` ${value} `, count);
      fieldset.append(label);
    }
    container.append(fieldset);
  }
  updateFilterCounts(container, available);
}

/**
 * Shows next to each value how many results it would have with the current search, most first;
 * a value that would find nothing is hidden unless it is chosen (so it can be unchosen), and a
 * group left with no value to show is hidden too.
 */
function updateFilterCounts(/** @type {HTMLElement} */ container, /** @type {Record<string, Record<string, number>>} */ counts) {
  const focused = document.activeElement;
  for (const fieldset of container.querySelectorAll('fieldset')) {
    const entries = [...fieldset.querySelectorAll('input[data-filter]')].map((box) => {
      const input = /** @type {HTMLInputElement} */ (box);
      const label = /** @type {HTMLLabelElement} */ (input.parentElement);
      return { input, label, count: counts[input.dataset.filter ?? '']?.[input.value] ?? 0 };
    });
    entries.sort((a, b) => b.count - a.count || a.input.value.localeCompare(b.input.value));
    for (const { input, label, count } of entries) {
      const badge = label.querySelector('[data-count]');
      if (badge) badge.textContent = `(${count})`;
      label.hidden = count === 0 && !input.checked;
      fieldset.append(label);
    }
    fieldset.hidden = entries.every(({ label }) => label.hidden);
  }
  // Moving a label takes the focus from its checkbox: give it back.
  if (focused instanceof HTMLElement && focused !== document.activeElement && container.contains(focused)) focused.focus();
}

function rank(/** @type {string} */ key) {
  const index = FILTER_ORDER.indexOf(key);
  return index === -1 ? FILTER_ORDER.length : index;
}

/**
 * A result: title link, then status (or "Release"), votes and repository, then the excerpt.
 * @param {{ url: string, meta?: Record<string, string>, filters?: Record<string, string[]>, excerpt?: string }} data
 * @param {Record<string, any>} strings
 * @param {Record<string, string>} statusIds
 * @param {(votes: number) => string} votesText
 */
function resultItem(data, strings, statusIds, votesText) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta?.['title'] || data.url;
  item.append(link);

  const meta = document.createElement('div');
  meta.className = 'search-meta';
  const status = data.filters?.['status']?.[0];
  const kind = data.filters?.['type']?.[0] || (/\/changelog\//.test(data.url) ? strings.release : '');
  if (status) {
    const pill = span('search-pill', status);
    const id = statusIds[status];
    if (id) pill.dataset.status = id;
    meta.append(pill);
  } else if (kind) {
    meta.append(span('search-pill', kind));
  }
  const votes = Number.parseInt(data.meta?.['votes'] ?? '', 10);
  if (Number.isFinite(votes)) meta.append(span('search-votes', votesText(votes)));
  const repository = data.filters?.['repository']?.[0];
  if (repository) meta.append(span('search-repository', repository));
  if (meta.childElementCount > 0) item.append(meta);

  if (data.excerpt) {
    const excerpt = document.createElement('p');
    excerpt.className = 'search-excerpt';
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(excerpt);
  }
  return item;
}

function span(/** @type {string} */ className, /** @type {string} */ text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * Pagefind's excerpt is HTML: escaped page text with `<mark>` around matches. Parse it inertly
 * (DOMParser runs no script and loads nothing) and keep only text and `<mark>`, so nothing from
 * the indexed pages can become markup here.
 */
function excerptNodes(/** @type {string} */ html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  /** @type {Node[]} */
  const nodes = [];
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return nodes;
}
