//! The domain's modules form a layered graph: a module may use the ones
//! below it, never one that (through others) uses it back. Cycles are how
//! a flat crate turns into a ball of mud, so this test reads every `crate::`
//! and `super::` path in `src/` (test modules aside) and fails naming the
//! modules of any cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).expect("read src");
    for entry in entries {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `idea/store.rs` → `["idea", "store"]`, `idea/mod.rs` → `["idea"]`,
/// `lib.rs` → `[]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The file's text without its `#[cfg(test)]` module (tests may reach
/// anywhere) and without comments (doc links are not dependencies).
fn product_code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Reads `a::b::c` (or a `{…}` group of such paths) at the start of `rest`,
/// pushing every full path found with `prefix` in front.
fn read_paths(prefix: &[String], rest: &str, out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    let mut rest = rest;
    loop {
        let ident: String = rest.chars().take_while(|c| is_ident_char(*c)).collect();
        if ident.is_empty() {
            if let Some(group) = rest.strip_prefix('{') {
                for item in split_group(group) {
                    read_paths(&path, item.trim(), out);
                }
                return;
            }
            break;
        }
        rest = &rest[ident.len()..];
        path.push(ident);
        match rest.strip_prefix("::") {
            Some(after) => rest = after,
            None => break,
        }
    }
    out.push(path);
}

/// The top-level, comma-separated items of a `{…}` group (the text after
/// its opening brace).
fn split_group(group: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items
}

/// Every module path the code names, resolved to absolute paths.
fn named_paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(is_ident_char) {
            continue;
        }
        read_paths(&[], &code[at + "crate::".len()..], &mut out);
    }
    // `super::` is the parent module (`idea/store.rs` → `idea`, and
    // `idea/mod.rs`, which is `idea` itself, → the crate root).
    let parent = &module[..module.len().saturating_sub(1)];
    for (at, _) in code.match_indices("super::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(is_ident_char) {
            continue;
        }
        read_paths(parent, &code[at + "super::".len()..], &mut out);
    }
    out
}

/// The longest known module that `path` starts with.
fn resolve(path: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|candidate| modules.contains(candidate))
}

/// A cycle reachable from `start`, if any (depth-first, colouring nodes).
fn find_cycle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        colour: &mut BTreeMap<Vec<String>, Colour>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<String>> {
        colour.insert(node.clone(), Colour::Grey);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            match colour.get(next).copied().unwrap_or(Colour::White) {
                Colour::Grey => {
                    let from = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle: Vec<String> =
                        stack[from..].iter().map(|n| n.join("::")).collect();
                    cycle.push(next.join("::"));
                    return Some(cycle);
                }
                Colour::White => {
                    if let Some(cycle) = visit(next, graph, colour, stack) {
                        return Some(cycle);
                    }
                }
                Colour::Black => {}
            }
        }
        stack.pop();
        colour.insert(node.clone(), Colour::Black);
        None
    }
    let mut colour = BTreeMap::new();
    for node in graph.keys() {
        if colour.get(node).copied().unwrap_or(Colour::White) == Colour::White {
            let mut stack = Vec::new();
            if let Some(cycle) = visit(node, graph, &mut colour, &mut stack) {
                return Some(cycle);
            }
        }
    }
    None
}

fn source_files() -> (PathBuf, Vec<PathBuf>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    (src, files)
}

#[test]
fn domain_modules_have_no_import_cycle() {
    let (src, files) = source_files();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_path(&src, f)).collect();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let module = module_path(&src, file);
        if module.is_empty() {
            continue; // lib.rs only declares and re-exports
        }
        let code = product_code(&fs::read_to_string(file).expect("read source"));
        let uses = graph.entry(module.clone()).or_default();
        for path in named_paths(&code, &module) {
            let Some(target) = resolve(&path, &modules) else {
                continue;
            };
            // A folder's `mod.rs` re-exports its children, so naming the
            // folder counts as using every file in it. A module naming its
            // own children is how folders work, not a dependency.
            for used in modules.iter().filter(|m| m.starts_with(&target)) {
                if !used.is_empty() && !used.starts_with(&module) {
                    uses.insert(used.clone());
                }
            }
        }
    }
    assert!(
        graph.values().map(BTreeSet::len).sum::<usize>() > 50,
        "the scan found almost no dependencies; is the path reader broken?"
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between domain modules: {}", cycle.join(" → "));
    }
}

#[test]
fn a_planted_cycle_is_found() {
    let a = vec!["a".to_owned()];
    let b = vec!["b".to_owned(), "store".to_owned()];
    let mut graph = BTreeMap::new();
    graph.insert(a.clone(), BTreeSet::from([b.clone()]));
    graph.insert(b.clone(), BTreeSet::from([a.clone()]));
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".to_owned(), "b::store".to_owned(), "a".to_owned()])
    );
    let mut paths = Vec::new();
    read_paths(&[], "{Ctx, idea::store::{Lock, find}, user};", &mut paths);
    assert!(paths.contains(&vec!["idea".into(), "store".into(), "Lock".into()]));
    assert!(paths.contains(&vec!["user".into()]));
}
