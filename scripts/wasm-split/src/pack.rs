//! One file per lazy module: its pack.
//!
//! The splitter puts code shared by any set of lazy modules into a chunk
//! of its own, so a page needed 50 to 130 chunk files, each fetched and
//! compressed alone (a request each on a phone, and gzip never sees two
//! of them together: 24 to 50 KB more per page). A pack holds a lazy
//! module and every chunk it needs, in the order the manifest lists them:
//! one request, compressed as a whole. A chunk shared by two modules is
//! in both packs; it is instantiated once, from whichever pack brought
//! it first.
//!
//! Pack format, per part: name length (one byte), name (UTF-8), body
//! length (u32, little-endian), body (the chunk's WASM).

use std::collections::HashMap;
use std::path::Path;

/// What the loader does instead of fetching each chunk: it asks for a part
/// by name, and the first request for a part while module `X` loads
/// fetches `pack_X.bin` (see [`rewrite_loader`]).
const PACK_RUNTIME: &str = r#"
// Added by madang-wasm-split (scripts/wasm-split/src/pack.rs): a lazy
// module and every chunk it needs arrive in one file, pack_NAME.bin.
const madangParts = new Map(); // chunk name -> { pack, settled, promise, resolve, reject }
const madangPacks = new Map(); // pack name -> its fetch, while it loads or once it has
let madangPack = undefined; // the pack of the module being loaded, while its loads start
function madangInPack(pack, load) {
    return () => {
        madangPack = pack;
        try {
            return load();
        } finally {
            madangPack = undefined;
        }
    };
}
function madangFailPack(pack, error) {
    madangPacks.delete(pack);
    for (const [name, part] of madangParts) {
        if (part.pack === pack && !part.settled) {
            madangParts.delete(name);
            part.reject(error);
        }
    }
}
function madangFetchPack(pack) {
    if (madangPacks.has(pack)) return;
    const file = `pack_${pack}.bin`;
    const loading = fetch(new URL(`./${file}`, import.meta.url))
        .then((response) => {
            if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
            return response.arrayBuffer();
        })
        .then((buffer) => {
            const bytes = new Uint8Array(buffer);
            const view = new DataView(buffer);
            const names = new TextDecoder();
            let at = 0;
            while (at < bytes.length) {
                const nameLength = bytes[at];
                const name = names.decode(bytes.subarray(at + 1, at + 1 + nameLength));
                at += 1 + nameLength;
                const length = view.getUint32(at, true);
                at += 4;
                const part = madangParts.get(name);
                if (part !== undefined && !part.settled) {
                    part.settled = true;
                    part.resolve(bytes.slice(at, at + length));
                }
                at += length;
            }
            madangFailPack(pack, new Error(`${file} lacks a chunk its module needs`));
        });
    madangPacks.set(pack, loading);
    loading.catch((error) => madangFailPack(pack, error));
}
function madangPart(name) {
    let part = madangParts.get(name);
    if (part === undefined) {
        if (madangPack === undefined) return Promise.reject(new Error(`${name}: loaded outside a pack`));
        part = { pack: madangPack, settled: false };
        part.promise = new Promise((resolve, reject) => {
            part.resolve = resolve;
            part.reject = reject;
        });
        madangParts.set(name, part);
        madangFetchPack(part.pack);
    }
    return part.promise;
}
"#;

/// Writes `pack_NAME.bin` for every lazy module of `modules` (module name
/// to the file stems it needs, as the splitter reports them) and removes
/// the chunk files, which the rewritten loader no longer fetches.
/// Returns each module's pack file name.
pub fn write_packs(
    out_dir: &Path,
    modules: &HashMap<String, Vec<String>>,
) -> Result<HashMap<String, String>, String> {
    let mut packs = HashMap::new();
    let mut parts = std::collections::BTreeSet::new();
    for (module, stems) in modules {
        let mut pack = Vec::new();
        for stem in stems {
            let path = out_dir.join(format!("{stem}.wasm"));
            let body =
                std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
            let name_length = u8::try_from(stem.len())
                .map_err(|_| format!("{stem}: name too long for a pack"))?;
            let body_length =
                u32::try_from(body.len()).map_err(|_| format!("{stem}: too big for a pack"))?;
            pack.push(name_length);
            pack.extend_from_slice(stem.as_bytes());
            pack.extend_from_slice(&body_length.to_le_bytes());
            pack.extend_from_slice(&body);
            parts.insert(path);
        }
        let file = format!("pack_{module}.bin");
        let path = out_dir.join(&file);
        std::fs::write(&path, pack).map_err(|e| format!("writing {}: {e}", path.display()))?;
        packs.insert(module.clone(), file);
    }
    for path in parts {
        std::fs::remove_file(&path).map_err(|e| format!("removing {}: {e}", path.display()))?;
    }
    Ok(packs)
}

/// The splitter's loader, changed to take its chunks from packs: each
/// chunk's `fetch` becomes a request for its part, and each lazy module's
/// loader names the pack its chunks come from. Fails when the loader does
/// not have the shape this was written against (wasm_split_cli_support
/// 0.2.4), rather than writing a loader that fetches files no longer there.
pub fn rewrite_loader(loader: &str, modules: usize) -> Result<String, String> {
    let mut out = String::with_capacity(loader.len() + PACK_RUNTIME.len());
    let mut fetches = 0;
    let mut module_loaders = 0;
    let mut in_module_loader = false;
    let mut lines = loader.lines().peekable();
    let mut runtime_added = false;
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("    const src = fetch(new URL(\"./") {
            let name = rest
                .strip_suffix(".wasm\", import.meta.url));")
                .ok_or_else(|| format!("unexpected chunk fetch: {line}"))?;
            // In a debug build (debug assertions) the splitter wraps the
            // instantiation in `debugWrap(…)`; that wrapper is kept.
            let instantiate = lines.nth(1).unwrap_or_default().trim();
            let wrap = instantiate
                .strip_prefix("return async (imports) => ")
                .and_then(|rest| {
                    rest.strip_suffix("(WebAssembly.instantiateStreaming(src, imports));")
                })
                .ok_or_else(|| format!("unexpected chunk instantiation: {instantiate}"))?;
            out.push_str(&format!("    const src = madangPart(\"{name}\");\n"));
            out.push_str("    src.catch(() => {});\n");
            out.push_str(&format!(
                "    return async (imports) => {wrap}(WebAssembly.instantiate(await src, imports));\n"
            ));
            fetches += 1;
            continue;
        }
        if let Some(rest) = line.strip_prefix("export const __wasm_split_load_") {
            let (module, tail) = rest
                .split_once(" = wrapAsyncCb(makeLoad(")
                .ok_or_else(|| format!("unexpected module loader: {line}"))?;
            out.push_str(&format!(
                "export const __wasm_split_load_{module} = wrapAsyncCb(madangInPack(\"{module}\", makeLoad({tail}\n"
            ));
            module_loaders += 1;
            in_module_loader = true;
            continue;
        }
        if in_module_loader && line.ends_with("]));") {
            out.push_str(line.trim_end_matches("]));"));
            out.push_str("])));\n");
            in_module_loader = false;
            continue;
        }
        out.push_str(line);
        out.push('\n');
        if !runtime_added && line.starts_with("import ") {
            out.push_str(PACK_RUNTIME);
            runtime_added = true;
        }
    }
    if !runtime_added || module_loaders != modules || in_module_loader || fetches < modules {
        return Err(format!(
            "the chunk loader has an unexpected shape: {module_loaders} module loaders for {modules} modules, \
             {fetches} chunk fetches"
        ));
    }
    Ok(out)
}
