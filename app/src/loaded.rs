//! Page data: loaded by a server function, rendered on the server and handed
//! to the browser with the page, so hydration does not fetch it again.
//!
//! Why not `Resource::new`: its codec reads the hydration data with
//! `serde_json::from_str`, while a server function's answer is read with
//! `serde_json::from_slice`. The two readers are different types, so the
//! client compiled every wire type's deserialiser twice (190 struct
//! deserialisers, 581 KB of code before `wasm-opt`, measured on the whole
//! app). [`load`] reads the hydration data with the slice reader too, so
//! each deserialiser is compiled once.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON read with the same reader as a server function's answer.
pub struct SliceJson;

impl<T: Serialize> Encoder<T> for SliceJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for SliceJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(text.as_bytes())
    }
}

/// Data a page loads: a resource whose hydration data is read like a
/// server function's answer.
pub type Loaded<T> = Resource<T, SliceJson>;

/// A [`Loaded`] resource: `fetcher` runs (on the server while rendering,
/// in the browser after hydration) whenever `source` changes.
#[track_caller]
pub fn load<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Loaded<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}
