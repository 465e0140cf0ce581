// The search worker's loader: the engine's glue (Trunk's no-modules
// build of okuma-search), then its wasm, both of this build (?v= is the
// page's build id, so a page never talks to an older engine). A script
// that fails to load throws, which the page sees as the worker's error
// event; a wasm that fails to load only rejects a promise, so it is told.
const build = self.location.search;
importScripts('./okuma-search.js' + build);
wasm_bindgen({ module_or_path: './okuma-search_bg.wasm' + build }).catch((error) => {
  console.error('okuma-search:', error);
  postMessage('failed');
});
