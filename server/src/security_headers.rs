//! Headers that tell the browser what a page may do: a Content-Security-
//! Policy on every HTML response (scripts only from this site or carrying
//! the page's nonce, no plugins, no `<base>`, no framing by other sites,
//! images only from this site), `nosniff`, a referrer policy, and HSTS when
//! the site is served over https. A stored script that slips past escaping
//! still cannot run under this policy.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The site's policy settings, fixed at start.
#[derive(Clone, Debug)]
pub struct SecurityPolicy {
    /// `frame-ancestors` sources: `'none'` unless the operator embeds the
    /// board in their own site (`--frame-ancestors https://www.example.com`).
    pub frame_ancestors: String,
    /// Whether the site is served over https (then HSTS is sent).
    pub https: bool,
}

impl SecurityPolicy {
    /// The policy for a site at `base_url`, framed only by `frame_ancestors`
    /// (none when empty).
    #[must_use]
    pub fn new(base_url: &str, frame_ancestors: &[String]) -> Self {
        let frame_ancestors = if frame_ancestors.is_empty() {
            "'none'".to_owned()
        } else {
            frame_ancestors.join(" ")
        };
        Self {
            frame_ancestors,
            https: base_url.starts_with("https://"),
        }
    }

    /// The Content-Security-Policy for one response. Leptos puts the nonce
    /// on the inline scripts it writes (hydration start, streamed
    /// resources); a page rendered without one allows scripts from this site
    /// only. Style attributes stay allowed (avatars carry their colour), style
    /// sheets only from this site.
    #[must_use]
    pub fn content_security_policy(&self, nonce: Option<&str>) -> String {
        let nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
        format!(
            "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; \
             style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; \
             connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors {}",
            self.frame_ancestors
        )
    }
}

/// Sets the policy with the page's nonce on a server-rendered page. Called
/// inside the Leptos rendering context (after `leptos_axum` has made the
/// nonce), before the first byte is sent.
pub fn set_page_policy(policy: &SecurityPolicy) {
    use leptos::prelude::use_context;
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&policy.content_security_policy(Some(&nonce))) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Middleware: the headers every response carries, and a nonce-less policy
/// on any HTML response that did not get one while rendering.
pub async fn add_security_headers(
    State(policy): State<SecurityPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    set_if_absent(
        headers,
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    set_if_absent(
        headers,
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    if policy.https {
        set_if_absent(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html
        && !headers.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(value) = HeaderValue::from_str(&policy.content_security_policy(None))
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

fn set_if_absent(headers: &mut HeaderMap, name: header::HeaderName, value: HeaderValue) {
    if !headers.contains_key(&name) {
        headers.insert(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::SecurityPolicy;

    #[test]
    fn the_policy_allows_the_nonce_and_wasm_but_no_inline_script() {
        let policy = SecurityPolicy::new("https://support.example.com", &[]);
        let csp = policy.content_security_policy(Some("abc"));
        assert!(
            csp.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline;") || csp.contains("style-src-attr 'unsafe-inline'"));
        assert!(!csp.contains("script-src 'self' 'unsafe-inline'"));
        assert!(csp.contains("object-src 'none'"), "{csp}");
        assert!(csp.contains("base-uri 'none'"), "{csp}");
        assert!(csp.ends_with("frame-ancestors 'none'"), "{csp}");
        assert!(policy.https);
        let embedded = SecurityPolicy::new(
            "http://127.0.0.1:3000",
            &["https://www.example.com".to_owned()],
        );
        assert!(!embedded.https);
        assert!(
            embedded
                .content_security_policy(None)
                .ends_with("frame-ancestors https://www.example.com")
        );
    }
}
