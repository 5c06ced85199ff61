//! Where webhooks may be sent and what they subscribe to: a public http(s)
//! URL (private addresses only when the operator allows them) and known
//! event types.

use shared::webhook::{NewWebhook, WEBHOOK_EVENT_TYPES};

use crate::{Error, Result};

pub(super) fn event_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether an address is on the public internet: not loopback, private,
/// link-local, carrier-grade NAT, multicast, unspecified or reserved. Only
/// such addresses receive webhooks unless the operator allows private ones.
#[must_use]
pub fn is_public_address(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
                || (a == 192 && b == 0 && v4.octets()[2] == 0)
                || (a == 198 && (18..20).contains(&b))
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_address(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || (first == 0x64 && v6.segments()[1] == 0xff9b))
        }
    }
}

/// The host of an http(s) URL as written (no user, port or brackets).
pub(super) fn url_host(rest: &str) -> &str {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    if let Some(v6) = host_port.strip_prefix('[') {
        return v6.split(']').next().unwrap_or_default();
    }
    host_port.split(':').next().unwrap_or_default()
}

/// True when the host is written as a private address or a local name.
pub(super) fn names_a_private_host(host: &str) -> bool {
    let lower = host.trim_end_matches('.').to_ascii_lowercase();
    if lower == "localhost" || lower.ends_with(".localhost") {
        return true;
    }
    lower
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| !is_public_address(ip))
}

pub(super) fn validate(
    input: &NewWebhook,
    allow_private: bool,
) -> Result<(String, String, Vec<String>)> {
    let mut errors = std::collections::BTreeMap::new();
    let url = input.url.trim().to_owned();
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .map(url_host);
    match host {
        _ if url.len() > 2_000 => {
            errors.insert(
                "url".to_owned(),
                crate::msg!("target.must_at_most_2000_characters"),
            );
        }
        None => {
            errors.insert(
                "url".to_owned(),
                crate::msg!("target.must_start_with_http_https"),
            );
        }
        Some(host) if host.is_empty() || url.chars().any(char::is_whitespace) => {
            errors.insert(
                "url".to_owned(),
                crate::msg!("target.must_name_host_contain_no"),
            );
        }
        Some(host) if !allow_private && names_a_private_host(host) => {
            errors.insert(
                "url".to_owned(),
                crate::msg!("target.must_address_internet_not_loopback"),
            );
        }
        Some(_) => {}
    }
    let description = input.description.trim().to_owned();
    if description.chars().count() > 200 {
        errors.insert(
            "description".to_owned(),
            crate::msg!("target.must_at_most_200_characters"),
        );
    }
    let mut events: Vec<String> = Vec::new();
    for wanted in &input.events {
        if !WEBHOOK_EVENT_TYPES.contains(&wanted.as_str()) {
            errors.insert(
                "events".to_owned(),
                crate::msg!(
                    "target.unknown_event_type_choose_from",
                    wanted = wanted,
                    join = WEBHOOK_EVENT_TYPES.join(", ")
                ),
            );
        } else if !events.contains(wanted) {
            events.push(wanted.clone());
        }
    }
    if input.events.is_empty() {
        errors.insert(
            "events".to_owned(),
            crate::msg!("target.choose_at_least_one_event"),
        );
    }
    if errors.is_empty() {
        Ok((url, description, events))
    } else {
        Err(Error::Invalid(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webhook_input_is_checked_field_by_field() {
        let bad = NewWebhook {
            url: "ftp://example.com".to_owned(),
            description: String::new(),
            events: vec!["idea.exploded".to_owned()],
        };
        let Err(Error::Invalid(errors)) = validate(&bad, false) else {
            panic!("accepted");
        };
        assert!(errors["url"].to_string().contains("http://"));
        assert!(errors["events"].to_string().contains("idea.exploded"));
        let good = NewWebhook {
            url: " https://hooks.example.com/madang ".to_owned(),
            description: "Slack".to_owned(),
            events: vec!["idea.voted".to_owned(), "idea.voted".to_owned()],
        };
        let (url, _, events) = validate(&good, false).expect("valid");
        assert_eq!(url, "https://hooks.example.com/madang");
        assert_eq!(events, vec!["idea.voted".to_owned()]);
    }

    #[test]
    fn private_addresses_are_refused_unless_allowed() {
        for url in [
            "http://127.0.0.1:8080/x",
            "http://localhost/x",
            "http://api.localhost/x",
            "http://10.1.2.3/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]:3000/",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://user:pw@192.168.0.1:80/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
        ] {
            let input = NewWebhook {
                url: url.to_owned(),
                description: String::new(),
                events: vec!["idea.voted".to_owned()],
            };
            let Err(Error::Invalid(errors)) = validate(&input, false) else {
                panic!("{url} accepted");
            };
            assert!(
                errors["url"].to_string().contains("private"),
                "{url}: {errors:?}"
            );
            assert!(validate(&input, true).is_ok(), "{url} refused when allowed");
        }
        for ip in ["8.8.8.8", "2001:4860:4860::8888", "203.0.114.1"] {
            let ip: std::net::IpAddr = ip.parse().expect("ip");
            assert!(is_public_address(ip), "{ip}");
        }
    }
}
