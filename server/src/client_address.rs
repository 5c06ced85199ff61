//! The client's address as rate limits and session lists should see it.
//!
//! Behind a reverse proxy every connection comes from the proxy, so limits
//! keyed by the peer address would put every user in one bucket. The proxy
//! names the real client in `X-Forwarded-For`; that header is believed only
//! when the connection comes from an address the operator listed with
//! `--trusted-proxy` (anybody else could write any address into it).

use std::net::IpAddr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Vec<IpNet>);

impl TrustedProxies {
    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client behind `peer`: the peer itself unless it is a trusted
    /// proxy; then the right-most address in `X-Forwarded-For` that is not a
    /// trusted proxy (addresses to its left were written by the client and
    /// prove nothing).
    #[must_use]
    pub fn client_of(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let forwarded: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .map(|a| a.parse::<IpAddr>().ok())
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default();
        forwarded
            .into_iter()
            .rev()
            .find(|a| !self.trusts(*a))
            .unwrap_or(peer)
    }
}

/// Parses `--trusted-proxy` values: a network (`10.0.0.0/8`) or one address.
pub fn parse_trusted_proxy(value: &str) -> Result<IpNet, String> {
    value
        .parse::<IpNet>()
        .or_else(|_| value.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("`{value}` is not an address or a network such as 10.0.0.0/8"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("address")
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let proxies = TrustedProxies(vec![
            parse_trusted_proxy("127.0.0.1").expect("address"),
            parse_trusted_proxy("10.0.0.0/8").expect("network"),
        ]);
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 203.0.113.7, 10.1.2.3"),
        );
        // From the proxy: the right-most address that is not a proxy.
        assert_eq!(
            proxies.client_of(ip("127.0.0.1"), &headers),
            ip("203.0.113.7")
        );
        // From anybody else: the header is the client's own word.
        assert_eq!(
            proxies.client_of(ip("198.51.100.1"), &headers),
            ip("198.51.100.1")
        );
        // A garbled header is ignored.
        headers.insert("x-forwarded-for", HeaderValue::from_static("nonsense"));
        assert_eq!(
            proxies.client_of(ip("127.0.0.1"), &headers),
            ip("127.0.0.1")
        );
        assert!(parse_trusted_proxy("not-a-net").is_err());
        assert!(parse_trusted_proxy("::1").is_ok());
    }
}
