#!/usr/bin/env python3
"""The app's Rust build, split by screen: the stage Trunk 0.21 lacks (trunk-rs/trunk#1022).

Run by scripts/post_build.py inside Trunk's post_build hook, so `trunk build` / `trunk serve`
and the README's two commands stay what people run. index.html has no `rel="rust"` link:
this step replaces Trunk's own Rust pipeline.

  cargo build (wasm32, --cfg sotay_split, --emit-relocs, --no-merge-data-segments: one data
  segment per symbol, so wasm-split can move a screen's strings into its module)
    -> wasm-split-cli   main.wasm, one module per split point group, __wasm_split.js
    -> wasm-bindgen     --target web --keep-lld-exports on the main module (JS glue)
    -> wasm-opt         every module (release only)
    -> esbuild          the JS glue and the split loader minified (release only)
    -> content-hashed names in the staging directory

Every output name carries a content hash (16 hex digits) so hosts and the service worker can
keep them for good. The modules are leaves: each is named by its own hash. The JS glue and
__wasm_split.js import each other, so neither can be named after the other's final bytes:
both take one hash of the pair (with the modules' names already written in), which changes
whenever either does.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

APP_BIN = "sotay"
SPLIT_LOADER = "__wasm_split.js"
REPO_ROOT = Path(__file__).resolve().parent.parent
# A target directory of its own: these RUSTFLAGS differ from the component tests' and from
# `cargo check`, and sharing one directory would rebuild every crate at each switch.
TARGET_DIR = REPO_ROOT / "target" / "split"
NAMED_DIR = TARGET_DIR / "named"
# The same features Trunk enabled for wasm-opt: what rustc ≥ 1.87 emits.
WASM_OPT_FEATURES = [
    "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-reference-types",
    "--enable-multivalue", "--enable-sign-ext", "--enable-mutable-globals",
]


def run(command, **kwargs):
    print("split_build:", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)


# SOTAY_PROFILING=1 keeps the function names in every module (wasm-opt -g), so a DevTools or
# CDP profile of a release build names Rust functions instead of "wasm-function[319]".
KEEP_NAMES = ["-g"] if os.environ.get("SOTAY_PROFILING") == "1" else []


# The `target_features` and `producers` custom sections say which features and which compilers
# made a module; browsers ignore them. About 200 bytes in each of a few hundred modules, and nearly
# incompressible on their own: 84 KB raw, 66 KB gzip of everything precached (measured 2026-12-03
# with 416 modules).
STRIP_METADATA = ["--strip-target-features", "--strip-producers"]


def optimise(module):
    # wasm-opt warns about every module's name subsection it does not know; only a failure is news.
    done = subprocess.run(["wasm-opt", "-Oz", *STRIP_METADATA, *KEEP_NAMES, *WASM_OPT_FEATURES, str(module), "-o", str(module)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"split_build: wasm-opt failed on {module.name}:\n{done.stderr}")


def cargo_build(release):
    env = dict(os.environ)
    # RUSTFLAGS replaces .cargo/config.toml's rustflags, so erase_components is repeated here.
    env["RUSTFLAGS"] = "--cfg erase_components --cfg sotay_split -Clink-args=--emit-relocs -Clink-arg=--no-merge-data-segments"
    # Trunk's own variables must not leak into a nested cargo (they name Trunk's staging).
    command = ["cargo", "build", "--locked", "--target", "wasm32-unknown-unknown", "--bin", APP_BIN,
               "--target-dir", TARGET_DIR]
    if release:
        command.append("--release")
    run(command, cwd=REPO_ROOT, env=env)
    profile = "release" if release else "debug"
    return TARGET_DIR / "wasm32-unknown-unknown" / profile / f"{APP_BIN}.wasm"


def short_hash(data):
    return hashlib.sha256(data).hexdigest()[:16]


def hashed_name(path, data):
    stem, suffix = path.name.rsplit(".", 1)
    return f"{stem}-{short_hash(data)}.{suffix}"


def split_and_bind(wasm, work, release):
    split_dir, bind_dir = work / "split", work / "bindgen"
    # --out-name: __wasm_split.js then imports the glue as ./sotay.js, the name wasm-bindgen gives it.
    run(["wasm-split-cli", "--out-name", APP_BIN, wasm, split_dir])
    run(["wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-typescript",
         "--out-dir", bind_dir, "--out-name", APP_BIN, split_dir / f"{APP_BIN}.wasm"])
    modules = sorted(p for p in split_dir.glob("*.wasm") if p.name != f"{APP_BIN}.wasm")
    main_wasm = bind_dir / f"{APP_BIN}_bg.wasm"
    # The main module with its names, before wasm-opt drops them: what the benchmark's twiggy reads.
    NAMED_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(main_wasm, NAMED_DIR / main_wasm.name)
    if release:
        # One wasm-opt per module, as many at a time as there are cores (there are about a hundred).
        targets = [main_wasm, *modules]
        print(f"split_build: wasm-opt -Oz on {len(targets)} modules", flush=True)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(optimise, targets))
    return main_wasm, bind_dir / f"{APP_BIN}.js", split_dir / SPLIT_LOADER, modules


def minify_js(text, release):
    """A release build's JS glue and split loader, minified by esbuild (an npm dev-dependency):
    Trunk minifies only the assets it builds itself, and these two are written here. The glue
    is on the first load: 60.2 → 28.0 KB raw, 9.8 → 7.7 KB gzip (2026-12-06)."""
    if not release:
        return text
    done = subprocess.run(["esbuild", "--minify", "--loader=js", "--log-level=warning"],
                          input=text, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        sys.exit(f"split_build: esbuild failed:\n{done.stderr}")
    return done.stdout


def replace_all(text, old, new, where):
    if old not in text:
        sys.exit(f"split_build: {where} does not name {old}")
    return text.replace(old, new)


def write_hashed(staging, main_wasm, glue, loader, modules, release):
    """Copies the build into `staging` under hashed names; returns (glue name, wasm name)."""
    # wasm-split-cli heads each chunk's loader with a comment naming every screen that shares
    # it: a fifth of the file (151 → 121 KB), which every start parses and nobody reads.
    loader_text = re.sub(r"^/\* [^*\n]* \*/\n", "", loader.read_text(encoding="utf-8"), flags=re.MULTILINE)
    for module in modules:
        data = module.read_bytes()
        name = hashed_name(module, data)
        (staging / name).write_bytes(data)
        loader_text = replace_all(loader_text, f'"./{module.name}"', f'"./{name}"', SPLIT_LOADER)

    wasm_data = main_wasm.read_bytes()
    wasm_name = hashed_name(main_wasm, wasm_data)
    (staging / wasm_name).write_bytes(wasm_data)

    glue_text = glue.read_text(encoding="utf-8")
    glue_text = replace_all(glue_text, f"{APP_BIN}_bg.wasm", wasm_name, glue.name)
    pair_hash = short_hash(glue_text.encode() + b"\0" + loader_text.encode())
    glue_name = f"{APP_BIN}-{pair_hash}.js"
    loader_name = f"{SPLIT_LOADER[:-3]}-{pair_hash}.js"
    loader_text = replace_all(loader_text, f'"./{APP_BIN}.js"', f'"./{glue_name}"', SPLIT_LOADER)
    # Only the import statements: the imports object keeps the module name the wasm asks for.
    glue_text, found = re.subn(r"""(\bfrom\s*)(['"])(?:\./)?__wasm_split\.js\2""", f"\\1'./{loader_name}'", glue_text)
    if not found:
        sys.exit(f"split_build: {glue.name} does not import {SPLIT_LOADER}")
    # Minified last: the names above are found in the texts as wasm-bindgen and wasm-split wrote
    # them, and the pair's hash is of those texts (the minified ones follow from them).
    (staging / loader_name).write_text(minify_js(loader_text, release), encoding="utf-8")
    (staging / glue_name).write_text(minify_js(glue_text, release), encoding="utf-8")
    # Ties the named copy to this build (the benchmark checks it before reading it).
    (NAMED_DIR / "glue-name.txt").write_text(glue_name, encoding="utf-8")
    return glue_name, wasm_name


BUILTIN_PACK = REPO_ROOT / "domain" / "content" / "builtin-pack.json"


def copy_builtin_pack(staging):
    """The handbook's built-in pack, read by the app on first use (src/handbook): a file of its
    own keeps its text out of the main wasm module, where data segments always stay."""
    data = BUILTIN_PACK.read_bytes()
    name = hashed_name(BUILTIN_PACK, data)
    (staging / name).write_bytes(data)
    return name


def build_into(staging, release):
    wasm = cargo_build(release)
    with tempfile.TemporaryDirectory(prefix="sotay-split-") as work:
        main_wasm, glue, loader, modules = split_and_bind(wasm, Path(work), release)
        names = write_hashed(staging, main_wasm, glue, loader, modules, release)
    refuse_other_wasm(staging, len(modules) + 1)
    return names


def refuse_other_wasm(staging, ours):
    """Only this step's modules may ship: a second copy of the app (Trunk's own Rust pipeline,
    should index.html lose its data-trunk-skip) would be precached by every phone."""
    found = sorted(p.name for p in staging.glob("*.wasm"))
    if len(found) != ours:
        sys.exit(f"split_build: {len(found)} wasm files in the build, {ours} expected; others: "
                 f"{[name for name in found if not name.startswith(('sotay_bg-', 'split_', 'chunk_'))]}")


if __name__ == "__main__":
    staging_dir = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    print(build_into(staging_dir, os.environ.get("TRUNK_PROFILE", "release") == "release"))
