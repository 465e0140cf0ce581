//! Reading offline and across deploys: registers the service worker
//! (`sw.js`, made from `src/browser/sw.js` by `scripts/offline.mjs`), says
//! whether the network is there ([`Online`]), and keeps the app and its data
//! of one deploy: every page carries its build id
//! (`<meta name="okuma-build">`), and so do the dataset (`site.json`'s
//! `build`) and the worker. Where a page meets another build's data or
//! worker, it reloads once, so the reader gets the new deploy whole
//! instead of an old app reading new files.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the browser has a network, for the offline notice.
#[derive(Clone, Copy)]
pub struct Online(pub ReadSignal<bool>);

impl Online {
    /// Follows the browser's `online` and `offline` events. The pre-render
    /// is always online.
    pub fn new() -> Online {
        let online = crate::browser::window()
            .map(|w| w.navigator().on_line())
            .unwrap_or(true);
        let (read, write) = signal(online);
        if crate::browser::window().is_some() {
            let on = window_event_listener(leptos::ev::online, move |_| write.set(true));
            let off = window_event_listener(leptos::ev::offline, move |_| write.set(false));
            on_cleanup(move || {
                on.remove();
                off.remove();
            });
        }
        Online(read)
    }

    /// Whether the browser is offline now, outside any view (also in the
    /// search worker).
    pub fn offline_now() -> bool {
        if !cfg!(target_arch = "wasm32") {
            return false;
        }
        let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into());
        navigator
            .and_then(|n| js_sys::Reflect::get(&n, &"onLine".into()))
            .is_ok_and(|online| online.as_bool() == Some(false))
    }
}

impl Default for Online {
    fn default() -> Self {
        Online::new()
    }
}

/// The build of the page the app started on, if the build stamped it; in
/// the search worker, the page's build it was started with
/// ([`worker_query`]).
pub fn page_build() -> Option<String> {
    thread_local! {
        static BUILD: Option<String> = find_page_build();
    }
    BUILD.with(Clone::clone)
}

fn find_page_build() -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let build = match crate::browser::window() {
        Some(window) => window
            .document()?
            .query_selector(r#"meta[name="okuma-build"]"#)
            .ok()
            .flatten()?
            .get_attribute("content")?,
        None => {
            let location = js_sys::Reflect::get(&js_sys::global(), &"location".into()).ok()?;
            let search = js_sys::Reflect::get(&location, &"search".into())
                .ok()?
                .as_string()?;
            search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("build="))?
                .to_string()
        }
    };
    okuma_core::site::check_build_id(&build).ok().map(|_| build)
}

/// What the search worker's address carries so that it keeps data in its
/// page's cache: `&build=…`, or nothing.
pub fn worker_query() -> String {
    page_build()
        .map(|build| format!("&build={build}"))
        .unwrap_or_default()
}

/// The cache Storage of the page or worker, where the browser has one
/// (secure origins).
fn cache_storage() -> Option<web_sys::CacheStorage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    js_sys::Reflect::get(&js_sys::global(), &"caches".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// The deploy's cache, shared with the service worker (`sw.js`).
fn cache_name() -> Option<String> {
    page_build().map(|build| format!("okuma-{build}"))
}

/// Keeps a data file just fetched in the cache of the page's build, for
/// reading offline. Best effort: a full disk or a private mode keeps
/// nothing.
pub fn keep(url: &str, text: &str, content_type: &str) {
    let (Some(caches), Some(name)) = (cache_storage(), cache_name()) else {
        return;
    };
    let (url, text, content_type) = (url.to_string(), text.to_string(), content_type.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(cache) = wasm_bindgen_futures::JsFuture::from(caches.open(&name)).await else {
            return;
        };
        let cache: web_sys::Cache = cache.unchecked_into();
        let init = web_sys::ResponseInit::new();
        if let Ok(headers) = web_sys::Headers::new() {
            let _ = headers.set("content-type", &content_type);
            init.set_headers(&headers);
        }
        if let Ok(response) = web_sys::Response::new_with_opt_str_and_init(Some(&text), &init) {
            let _ = wasm_bindgen_futures::JsFuture::from(cache.put_with_str(&url, &response)).await;
        }
    });
}

/// The kept copy of a data file, if this build kept one.
pub async fn kept(url: &str) -> Option<String> {
    let (caches, name) = (cache_storage()?, cache_name()?);
    let cache = wasm_bindgen_futures::JsFuture::from(caches.open(&name))
        .await
        .ok()?;
    let cache: web_sys::Cache = cache.unchecked_into();
    let found = wasm_bindgen_futures::JsFuture::from(cache.match_with_str(url))
        .await
        .ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}

/// Called with the dataset's build when the site file arrives: data of
/// another deploy than the page's means a new deploy is live (or a cache
/// kept an old page); reloading gets page, app and data of one deploy.
pub fn check_data_build(data_build: Option<&str>) {
    if crate::browser::window().is_none() {
        return;
    }
    if let (Some(page), Some(data)) = (page_build(), data_build) {
        if page != data {
            reload_for(data);
        }
    }
}

/// Reloads the page once for `build`. A second mismatch for the same build
/// (a host or CDN still serving an old page) is logged and read as it is,
/// never reloaded in a loop.
fn reload_for(build: &str) {
    const KEY: &str = "okuma.reloaded-for";
    let Some(window) = crate::browser::window() else {
        return;
    };
    let storage = window.session_storage().ok().flatten();
    let done = storage
        .as_ref()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .is_some_and(|b| b == build);
    if done {
        leptos::logging::warn!("okuma: this page is of another build than {build}; read as it is");
        return;
    }
    if let Some(storage) = storage {
        let _ = storage.set_item(KEY, build);
    }
    let _ = window.location().reload();
}

/// Registers the service worker for the site's base path and listens to
/// it. Without service workers (an insecure origin, a private mode that
/// forbids them), the reader simply has no offline copy.
pub fn register() {
    let Some(window) = crate::browser::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !supported || page_build().is_none() {
        return;
    }
    let container = navigator.service_worker();
    // A new deploy's worker says which build it is when it takes over.
    let on_message = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
        |event: web_sys::MessageEvent| {
            let data = event.data();
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if field("type").as_deref() == Some("okuma-build") {
                if let (Some(worker), Some(page)) = (field("build"), page_build()) {
                    if worker != page {
                        reload_for(&worker);
                    }
                }
            }
        },
    );
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&crate::base::path(""));
    let registered = container.register_with_options(&crate::base::path("sw.js"), &options);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = wasm_bindgen_futures::JsFuture::from(registered).await {
            leptos::logging::warn!("okuma: no offline copy: {error:?}");
        }
    });
}
