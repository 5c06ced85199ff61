//! Server-rendered pages, read as a crawler or `curl` would (no JavaScript).

use madang_tests::{Backend, on_both_databases, spawn_app};

async fn the_home_page_is_server_rendered_with_the_demo_ideas(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/").await;
    assert_eq!(response.status().as_u16(), 200);
    let html = response.text().await.expect("html");
    assert!(html.contains("Hanbit Telecom"));
    // The first page of the API's board is exactly what the page shows.
    let board = app.get_json("/api/v1/ideas", 200).await;
    let titles: Vec<&str> = board["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["title"].as_str().expect("title"))
        .collect();
    assert_eq!(titles.len(), 20);
    for title in &titles {
        assert!(
            html.contains(title),
            "SSR output lacks the demo idea `{title}`"
        );
    }
    assert!(
        titles
            .iter()
            .any(|t| t.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))),
        "no Korean demo idea on the first page"
    );
    assert!(html.contains("/pkg/madang.js"), "hydration script missing");
    assert!(html.matches("class=\"idea-card\"").count() >= 10);
    app.stop().await;
}

async fn the_page_language_follows_accept_language_and_the_cookie(backend: Backend) {
    let app = spawn_app(backend).await;
    let korean = app
        .get_with_headers(
            "/roadmap",
            &[("accept-language", "ko-KR,ko;q=0.9,en;q=0.5")],
        )
        .await
        .text()
        .await
        .expect("html");
    assert!(korean.contains("<html lang=\"ko\""), "expected Korean page");
    assert!(korean.contains("로드맵"));
    assert!(korean.contains(">한빛텔레콤<"), "the company's Korean name");
    let english_by_cookie = app
        .get_with_headers(
            "/roadmap",
            &[("accept-language", "ko-KR"), ("cookie", "madang_lang=en")],
        )
        .await
        .text()
        .await
        .expect("html");
    assert!(english_by_cookie.contains("<html lang=\"en\""));
    assert!(english_by_cookie.contains("Roadmap"));
    assert!(
        english_by_cookie.contains(">Hanbit Telecom<"),
        "the company's English name"
    );
    app.stop().await;
}

async fn unknown_pages_answer_404_with_the_site_shell(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app.get("/no/such/page").await;
    assert_eq!(response.status().as_u16(), 404);
    let html = response.text().await.expect("html");
    assert!(html.contains("Page not found"));
    assert!(html.contains("Hanbit Telecom"));
    app.stop().await;
}

async fn support_lists_departments_and_their_promise(backend: Backend) {
    let app = spawn_app(backend).await;
    let html = app.get("/support").await.text().await.expect("html");
    assert!(html.contains("Network Operations"));
    assert_eq!(html.matches("class=\"department\"").count(), 5);
    app.stop().await;
}

async fn an_idea_page_is_server_rendered_with_signed_decisions(backend: Backend) {
    let app = spawn_app(backend).await;
    let html = app.get("/ideas/2").await.text().await.expect("html");
    assert!(html.contains("Dark mode for the Hanbit app"));
    assert!(
        html.contains("class=\"signature-name\">Jiho Kwon<"),
        "signature missing"
    );
    assert!(html.contains("Billing Specialist"));
    assert!(html.contains("Shipped in app version 5.2"));
    assert!(html.contains("<meta property=\"og:title\" content=\"Dark mode for the Hanbit app\""));
    assert!(
        html.contains(&format!(
            "<meta property=\"og:url\" content=\"{}\"",
            app.url("/ideas/2")
        )),
        "og:url missing"
    );
    app.stop().await;
}

async fn search_engines_index_public_pages_only_and_find_the_feeds(backend: Backend) {
    let app = spawn_app(backend).await;
    let noindex = r#"<meta name="robots" content="noindex""#;
    for path in [
        "/",
        "/roadmap",
        "/support",
        "/announcements",
        "/ideas/1",
        "/scorecard",
    ] {
        let html = app.get(path).await.text().await.expect("html");
        assert!(!html.contains(noindex), "{path} must be indexable");
        assert!(
            html.contains(
                r#"<link rel="alternate" type="application/atom+xml" href="/feeds/ideas.atom""#
            ),
            "{path} advertises the ideas feed"
        );
        assert!(
            html.contains(r##"<a href="#main" rel="external" class="skip-link">"##),
            "{path} has a skip link"
        );
    }
    for path in ["/", "/roadmap", "/support", "/announcements"] {
        let html = app.get(path).await.text().await.expect("html");
        assert!(
            html.contains(r#"<meta name="description" content=""#),
            "{path} describes itself"
        );
    }
    for path in [
        "/me",
        "/signin",
        "/signup",
        "/staff/queue",
        "/admin",
        "/dashboard",
        "/notifications",
        "/search?q=plan",
    ] {
        let html = app.get(path).await.text().await.expect("html");
        assert!(html.contains(noindex), "{path} must not be indexed");
    }

    // The sitemap lists the public pages by full address, never private ones;
    // robots.txt points to it.
    let response = app.get("/sitemap.xml").await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("application/xml")),
        "an XML document"
    );
    let xml = response.text().await.expect("xml");
    assert!(xml.starts_with("<?xml"), "{xml}");
    for path in [
        "/",
        "/roadmap",
        "/ideas/1",
        "/announcements/1",
        "/tickets/VOC-000001",
    ] {
        let loc = format!("<loc>{}</loc>", app.url(path));
        assert!(xml.contains(&loc), "{loc} missing");
    }
    for private in ["/me", "/staff", "/admin", "/dashboard", "/signin"] {
        assert!(
            !xml.contains(&format!("<loc>{}</loc>", app.url(private))),
            "{private} listed"
        );
    }
    let robots = app.get("/robots.txt").await.text().await.expect("robots");
    assert!(
        robots.contains(&format!("Sitemap: {}", app.url("/sitemap.xml"))),
        "{robots}"
    );
    app.stop().await;
}

on_both_databases!(
    search_engines_index_public_pages_only_and_find_the_feeds,
    an_idea_page_is_server_rendered_with_signed_decisions,
    the_home_page_is_server_rendered_with_the_demo_ideas,
    the_page_language_follows_accept_language_and_the_cookie,
    unknown_pages_answer_404_with_the_site_shell,
    support_lists_departments_and_their_promise,
);
