//! The page's line to the search worker: [`ask`] sends a request and
//! awaits its answer. The worker (`search/okuma-search-loader.js`, its own wasm)
//! starts on the first request, so a reader who only reads never loads it;
//! requests sent while it starts wait in a queue. If it fails to load or
//! crashes, every waiting request fails with a network error (the archive
//! shows it with Retry) and the next request starts a new worker.
//!
//! In the pre-render there is no worker: [`ask`] answers on the spot.
//!
//! ```ignore
//! let reply = ask(Request::Find { lang, blocks, query }).await?;
//! ```

use crate::data::FetchError;
use crate::engine::archive::{ArchiveView, Listing};
use crate::engine::protocol::{Reply, Request};
use okuma_core::archive_query::ArchiveQuery;
use okuma_core::{Block, LanguageCode};

/// What the archive shows for `state` in `lang`, with `shown` cards and
/// facet values listed as `listing` says. The engine's time is recorded
/// as the page's `okuma:search` measure.
pub async fn archive_view(
    lang: LanguageCode,
    state: ArchiveQuery,
    shown: usize,
    listing: Listing,
) -> Result<ArchiveView, FetchError> {
    let request = Request::Archive {
        lang,
        query: state.to_query(),
        shown,
        locale: listing.locale,
        expanded: listing.expanded,
    };
    match ask(request).await? {
        Reply::Archive(view) => (*view).map(|mut view| {
            crate::browser::timing::record("okuma:search", view.engine_ms);
            view.state = state;
            view
        }),
        other => Err(unexpected(&other)),
    }
}

/// Fetches search docs ahead of need; failures wait for real need.
pub async fn prefetch(docs: Vec<(String, u32)>) {
    let _ = ask(Request::Prefetch { docs }).await;
}

/// Fetches the shards a view left pending; true when all arrived.
pub async fn fetch_pending(shards: Vec<(String, Vec<u32>)>) -> bool {
    matches!(
        ask(Request::FetchPending { shards }).await,
        Ok(Reply::Fetched(true))
    )
}

/// The ids of the blocks (in `lang`) that hold every word of `query`.
pub async fn find(
    lang: String,
    blocks: Vec<Block>,
    query: String,
) -> Result<Vec<String>, FetchError> {
    match ask(Request::Find {
        lang,
        blocks,
        query,
    })
    .await?
    {
        Reply::Found(ids) => Ok(ids),
        other => Err(unexpected(&other)),
    }
}

fn unexpected(reply: &Reply) -> FetchError {
    FetchError::Network {
        url: worker_url(),
        detail: format!("an answer to another question ({})", reply.kind()),
    }
}

/// The worker's script, under the site's base path, for this build. A
/// worker's files have no hash in their names (Trunk names them by the
/// binary); the build id in the address, which the loader passes on, keeps
/// a page from meeting an older deploy's engine in a cache.
pub fn worker_url() -> String {
    crate::base::path(&format!(
        "search/okuma-search-loader.js?v={}{}",
        env!("OKUMA_BUILD_ID"),
        crate::browser::offline::worker_query()
    ))
}

/// Sends `request` to the search worker and waits for its reply.
#[cfg(not(target_arch = "wasm32"))]
pub async fn ask(request: Request) -> Result<Reply, FetchError> {
    Ok(crate::engine::protocol::handle(request).await)
}

#[cfg(target_arch = "wasm32")]
pub use line::ask;

#[cfg(target_arch = "wasm32")]
mod line {
    use super::worker_url;
    use crate::data::FetchError;
    use crate::engine::protocol::{Message, Reply, Request, FAILED, READY};
    use futures::channel::oneshot;
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{MessageEvent, Worker};

    type Answer = Result<Reply, FetchError>;

    /// One running worker and the requests waiting for it.
    struct Line {
        worker: Worker,
        ready: Cell<bool>,
        /// Requests written before the worker listens.
        queued: RefCell<Vec<String>>,
        waiting: RefCell<HashMap<u32, oneshot::Sender<Answer>>>,
        next_id: Cell<u32>,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    thread_local! {
        static LINE: RefCell<Option<Rc<Line>>> = const { RefCell::new(None) };
        // Stopped workers' lines are kept, not dropped: they are stopped
        // from inside their own handlers, which must outlive the call.
        static STOPPED: RefCell<Vec<Rc<Line>>> = const { RefCell::new(Vec::new()) };
    }

    fn failed(detail: &str) -> FetchError {
        FetchError::Network {
            url: worker_url(),
            detail: detail.to_string(),
        }
    }

    /// The running worker, started if there is none.
    fn line() -> Result<Rc<Line>, FetchError> {
        if let Some(line) = LINE.with_borrow(|l| l.clone()) {
            return Ok(line);
        }
        let worker =
            Worker::new(&worker_url()).map_err(|_| failed("the search worker could not start"))?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
            let Some(line) = LINE.with_borrow(|l| l.clone()) else {
                return;
            };
            let Some(text) = event.data().as_string() else {
                return;
            };
            if text == FAILED {
                stop(&line);
                return;
            }
            if text == READY {
                line.ready.set(true);
                for message in line.queued.take() {
                    let _ = line.worker.post_message(&JsValue::from_str(&message));
                }
                return;
            }
            match serde_json::from_str::<Message<Reply>>(&text) {
                Ok(message) => {
                    if let Some(sender) = line.waiting.borrow_mut().remove(&message.id) {
                        let _ = sender.send(Ok(message.body));
                    }
                }
                Err(e) => leptos::logging::error!("okuma: a reply from the search worker: {e}"),
            }
        });
        // A script that does not load, or a worker that crashes: whatever
        // waits fails, and the next request starts again.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_event: web_sys::Event| {
            if let Some(line) = LINE.with_borrow(|l| l.clone()) {
                stop(&line);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let line = Rc::new(Line {
            worker,
            ready: Cell::new(false),
            queued: RefCell::default(),
            waiting: RefCell::default(),
            next_id: Cell::new(1),
            _on_message: on_message,
            _on_error: on_error,
        });
        LINE.with_borrow_mut(|l| *l = Some(line.clone()));
        Ok(line)
    }

    /// Ends a worker that failed: what waits for it fails, and the next
    /// request starts a new one.
    fn stop(line: &Rc<Line>) {
        if let Some(running) = LINE.with_borrow_mut(|l| l.take()) {
            STOPPED.with_borrow_mut(|s| s.push(running));
        }
        line.worker.terminate();
        let waiting: Vec<_> = line.waiting.borrow_mut().drain().collect();
        for (_, sender) in waiting {
            let _ = sender.send(Err(failed("the search worker stopped")));
        }
    }

    /// Sends `request` to the search worker and waits for its reply.
    pub async fn ask(request: Request) -> Answer {
        let line = line()?;
        let id = line.next_id.get();
        line.next_id.set(id.wrapping_add(1));
        let text = serde_json::to_string(&Message { id, body: request })
            .map_err(|e| failed(&e.to_string()))?;
        let (sender, receiver) = oneshot::channel();
        line.waiting.borrow_mut().insert(id, sender);
        if line.ready.get() {
            let _ = line.worker.post_message(&JsValue::from_str(&text));
        } else {
            line.queued.borrow_mut().push(text);
        }
        drop(line);
        receiver
            .await
            .unwrap_or_else(|_| Err(failed("the search worker stopped")))
    }
}
