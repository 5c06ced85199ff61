//! The shape of the code base: no product source file grows past 600 lines
//! (split it by concept before it becomes the room nobody wants to enter).
//! Tests and generated data are not product code and are not counted.

use std::fs;
use std::path::{Path, PathBuf};

/// The longest product source file the workspace accepts.
const MAX_LINES: usize = 600;

/// The product crates' source folders, from the workspace root.
const PRODUCT_SOURCES: [&str; 5] = [
    "app/src",
    "server/src",
    "server/domain/src",
    "server/migration/src",
    "shared/src",
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read source folder") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_product_source_file_is_over_600_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root");
    let mut files = Vec::new();
    for dir in PRODUCT_SOURCES {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "found only {} source files", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let lines = fs::read_to_string(file)
                .expect("read source")
                .lines()
                .count();
            (lines > MAX_LINES).then(|| {
                format!(
                    "{} ({lines})",
                    file.strip_prefix(root).unwrap_or(file).display()
                )
            })
        })
        .collect();
    assert!(long.is_empty(), "split these files: {}", long.join(", "));
}
