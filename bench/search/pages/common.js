// Shared by the peer pages: the same DOM contract as okuma's archive page,
// so that bench/search.mjs drives every engine the same way.
//
//   input#archive-search   a labelled search box; each `input` event searches
//   #results               the top 10 titles as `li > a`; `data-query` is the
//                          query they are for (set once they are in the DOM),
//                          `data-count` the number of matches when known
//   performance.measure('bench:search')  around each search, engine time only
//   ?lang=xx&q=…           the language searched, and a query to run at once
//   window.__bench         { readyAt, setLang(lang) }
//
// An engine is `{ ready(lang), setLang?(lang), search(query, lang) }`, where
// `search` returns (or resolves to) `{ count, items: [{ title, href }] }`.

const params = new URLSearchParams(location.search);

/** Lets the page paint and take input between chunks of a long job. */
export function yieldToMain() {
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  });
}

export async function mount(engine) {
  let lang = params.get('lang') ?? 'en';
  document.documentElement.lang = lang;
  const input = document.getElementById('archive-search');
  const list = document.getElementById('results');
  let latest = 0;

  async function show(raw) {
    const mine = ++latest;
    const query = raw.trim();
    let found = { count: 0, items: [] };
    if (query) {
      const t0 = performance.now();
      found = await engine.search(query, lang);
      performance.measure('bench:search', { start: t0, end: performance.now() });
    }
    if (mine !== latest) return; // a newer query is on its way
    list.replaceChildren(
      ...found.items.slice(0, 10).map(({ title, href }) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = href;
        a.textContent = title;
        li.append(a);
        return li;
      }),
    );
    if (found.count === null) list.removeAttribute('data-count');
    else list.dataset.count = String(found.count);
    list.dataset.query = raw;
  }

  input.addEventListener('input', () => show(input.value));
  window.__bench = {
    readyAt: null,
    async setLang(next) {
      lang = next;
      document.documentElement.lang = next;
      await engine.setLang?.(next);
    },
  };
  await engine.ready(lang);
  window.__bench.readyAt = performance.now();
  const q = params.get('q');
  if (q) {
    input.value = q;
    await show(q);
  }
}
