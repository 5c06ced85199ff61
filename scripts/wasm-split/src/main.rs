//! Splits a WASM client built with `-Clink-args=--emit-relocs` at its
//! `wasm_split` functions (the page groups of `app/src/routes.rs`), so a
//! page downloads the shell and only the code of its group, in one pack.
//!
//! usage: madang-wasm-split split INPUT MAIN_OUT OUT_DIR OUT_NAME [OPTIMISER...]
//!   INPUT     the linked client (`app.wasm`)
//!   MAIN_OUT  where the main module goes, for wasm-bindgen to bind
//!   OUT_DIR   where the packs (`pack_GROUP.bin`, see `pack.rs`), their
//!             loader (`__wasm_split.js`) and `OUT_NAME_split.json` go
//!             (the site's `pkg/`)
//!   OUT_NAME  the bound client's name (`OUT_NAME.js` instantiates chunks)
//!   OPTIMISER a command run on every chunk before it is packed, as
//!             `OPTIMISER... CHUNK -o CHUNK` (release builds: binaryen's
//!             `wasm-opt -Oz …`, which the main module gets after binding;
//!             the chunks come from the linker unoptimised, and shrink by
//!             29 % raw, 2.6 % gzip)
//!
//! `OUT_NAME_split.json` maps each lazy module to its pack;
//! `scripts/client-size.sh` reads it to weigh each page's first load.
//! The chunks are packed without their custom sections (function names
//! and the like, which the browser never needs).
//!
//! usage: madang-wasm-split strip-relocations INPUT OUTPUT
//!   writes INPUT without the `linking` and `reloc.*` sections that
//!   `--emit-relocs` leaves in every client (12 MB in the islands client,
//!   which is not split); only the splitter reads them.

mod pack;

use std::path::Path;
use std::process::ExitCode;

/// The chunk loader's file name, next to the bound client.
const LINK_NAME: &str = "./__wasm_split.js";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let done = match args.as_slice() {
        ["--version"] => {
            println!("madang-wasm-split {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        ["split", input, main_out, out_dir, out_name, optimiser @ ..] => {
            split(input, main_out, out_dir, out_name, optimiser)
                .map(|chunks| println!("{input}: main module and {chunks} chunks"))
        }
        ["strip-relocations", input, output] => strip_relocations(input, output),
        _ => {
            eprintln!(
                "usage: madang-wasm-split split INPUT MAIN_OUT OUT_DIR OUT_NAME [OPTIMISER...]\n       \
                 madang-wasm-split strip-relocations INPUT OUTPUT"
            );
            return ExitCode::from(2);
        }
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("madang-wasm-split: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Whether a custom section only serves the linker and the splitter.
fn is_relocation_info(name: &str) -> bool {
    name == "linking" || name.starts_with("reloc.")
}

fn strip_relocations(input: &str, output: &str) -> Result<(), String> {
    let wasm = std::fs::read(input).map_err(|e| format!("reading {input}: {e}"))?;
    let stripped = without_custom_sections(&wasm, is_relocation_info)
        .map_err(|e| format!("reading {input}: {e}"))?;
    std::fs::write(output, stripped).map_err(|e| format!("writing {output}: {e}"))
}

fn split(
    input: &str,
    main_out: &str,
    out_dir: &str,
    out_name: &str,
    optimiser: &[&str],
) -> Result<usize, String> {
    let wasm = std::fs::read(input).map_err(|e| format!("reading {input}: {e}"))?;
    let main_module = format!("./{out_name}.js");
    let out_dir = Path::new(out_dir);
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&wasm);
        options.output_dir = out_dir;
        options.main_out_path = Path::new(main_out);
        options.main_module = &main_module;
        options.link_name = LINK_NAME;
        options
    })
    .map_err(|e| format!("splitting {input}: {e:#}"))?;
    for chunk in &split.split_modules {
        let wasm = std::fs::read(chunk).map_err(|e| format!("reading {}: {e}", chunk.display()))?;
        let stripped = without_custom_sections(&wasm, |_| true)
            .map_err(|e| format!("reading {}: {e}", chunk.display()))?;
        std::fs::write(chunk, stripped).map_err(|e| format!("writing {}: {e}", chunk.display()))?;
    }
    if let [command, args @ ..] = optimiser {
        optimise_all(command, args, &split.split_modules)?;
    }
    let packs = pack::write_packs(out_dir, &split.prefetch_map)?;
    let loader_path = out_dir.join(LINK_NAME);
    let loader = std::fs::read_to_string(&loader_path)
        .map_err(|e| format!("reading {}: {e}", loader_path.display()))?;
    let loader = pack::rewrite_loader(&loader, packs.len())?;
    std::fs::write(&loader_path, loader)
        .map_err(|e| format!("writing {}: {e}", loader_path.display()))?;
    let manifest =
        serde_json::to_string_pretty(&packs).map_err(|e| format!("writing the manifest: {e}"))?;
    let manifest_path = out_dir.join(format!("{out_name}_split.json"));
    std::fs::write(&manifest_path, manifest)
        .map_err(|e| format!("writing {}: {e}", manifest_path.display()))?;
    Ok(split.split_modules.len())
}

/// Optimises every chunk, one per core at a time (a release build has
/// two hundred of them).
fn optimise_all(command: &str, args: &[&str], chunks: &[std::path::PathBuf]) -> Result<(), String> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    loop {
                        let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(chunk) = chunks.get(at) else {
                            return Ok(());
                        };
                        optimise(command, args, chunk)?;
                    }
                })
            })
            .collect();
        handles.into_iter().try_for_each(|handle| {
            handle
                .join()
                .map_err(|_| "an optimiser thread panicked".to_owned())?
        })
    })
}

/// Runs `command args… chunk -o chunk`, failing with its output.
fn optimise(command: &str, args: &[&str], chunk: &Path) -> Result<(), String> {
    let output = std::process::Command::new(command)
        .args(args)
        .arg(chunk)
        .arg("-o")
        .arg(chunk)
        .output()
        .map_err(|e| format!("running {command}: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{command} failed on {}: {}",
            chunk.display(),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The module without the custom sections `drop` names, every other
/// section copied byte for byte.
fn without_custom_sections(
    wasm: &[u8],
    drop: impl Fn(&str) -> bool,
) -> Result<Vec<u8>, wasmparser::BinaryReaderError> {
    let mut out = wasm.get(..8).unwrap_or_default().to_vec();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload?;
        if let wasmparser::Payload::CustomSection(section) = &payload
            && drop(section.name())
        {
            continue;
        }
        if let Some((id, range)) = payload.as_section() {
            let contents = usize::try_from(range.start)
                .ok()
                .zip(usize::try_from(range.end).ok())
                .and_then(|(start, end)| wasm.get(start..end))
                .unwrap_or_default();
            out.push(id);
            push_leb128(&mut out, contents.len());
            out.extend_from_slice(contents);
        }
    }
    Ok(out)
}

/// Appends `value` as unsigned LEB128, the encoding of a section's size.
fn push_leb128(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
