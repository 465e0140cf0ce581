//! The search worker's message loop (`okuma-search`, a Web Worker): each
//! message is a JSON [`Message<Request>`], answered by [`handle`] in its own
//! task, so a slow fetch for one request does not hold up the next.

use crate::engine::protocol::{handle, Message, Request, READY};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Starts listening and tells the page so.
pub fn run() {
    console_error_panic_hook::set_once();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        // The page writes these messages; anything else is not ours to answer.
        let Ok(message) = serde_json::from_str::<Message<Request>>(&text) else {
            web_sys::console::error_1(&"okuma-search: a message that is not a request".into());
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let reply = Message {
                id: message.id,
                body: handle(message.body).await,
            };
            match serde_json::to_string(&reply) {
                Ok(text) => {
                    let _ = scope().post_message(&JsValue::from_str(&text));
                }
                Err(e) => web_sys::console::error_1(&format!("okuma-search: {e}").into()),
            }
        });
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler too.
    on_message.forget();
    let _ = scope().post_message(&JsValue::from_str(READY));
}
