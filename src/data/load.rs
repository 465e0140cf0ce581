//! [`Load`]: a value a page loads and awaits under `<Suspense>`.
//!
//! In the browser it is Leptos' `LocalResource` (fetched after mount,
//! refetched on Retry). In the pre-render (the same views, rendered to
//! HTML on the host) a `LocalResource` never resolves, by design, so every
//! Suspense would print its "Loading…" fallback. There the dataset is read
//! from disk at once (`data::disk`), so a load is simply its value, known
//! when the view is built: Suspense then renders what the reader will see.

#[cfg(target_arch = "wasm32")]
pub use leptos::prelude::LocalResource as Load;

#[cfg(not(target_arch = "wasm32"))]
pub use native::Load;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use futures::future::{Either, FutureExt, Pending, Ready};
    use leptos::prelude::*;
    use std::future::{Future, IntoFuture};

    /// The pre-render's load: the fetcher's value, computed once.
    pub struct Load<T: Send + Sync + 'static>(StoredValue<Option<T>>);

    impl<T: Send + Sync + 'static> Clone for Load<T> {
        fn clone(&self) -> Self {
            *self
        }
    }

    impl<T: Send + Sync + 'static> Copy for Load<T> {}

    impl<T: Clone + Send + Sync + 'static> Load<T> {
        /// Runs `fetcher` now. Its futures read files from disk and never
        /// wait, so they are done at once; one that did wait would stay
        /// loading (its Suspense prints the fallback), never block.
        pub fn new<Fut>(fetcher: impl Fn() -> Fut + 'static) -> Self
        where
            Fut: Future<Output = T> + 'static,
        {
            let value = untrack(fetcher).now_or_never();
            Load(StoredValue::new(value))
        }

        /// The value, once loaded (in the pre-render: at once).
        pub fn get(&self) -> Option<T> {
            self.0.try_get_value().flatten()
        }

        /// Nothing to fetch again: the pre-render reads each file once.
        pub fn refetch(&self) {}
    }

    impl<T: Clone + Send + Sync + 'static> IntoFuture for Load<T> {
        type Output = T;
        type IntoFuture = Either<Ready<T>, Pending<T>>;

        fn into_future(self) -> Self::IntoFuture {
            match self.get() {
                Some(value) => Either::Left(futures::future::ready(value)),
                None => Either::Right(futures::future::pending()),
            }
        }
    }
}
