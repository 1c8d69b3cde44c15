#!/usr/bin/env python3
"""The size budgets of a release build, checked in bytes (deterministic, no timing):

- first load: what a first visit downloads before the first screen is usable (index.html,
  the files it names and loads at once, the split loader the glue imports, the manifest and
  icon Chrome asks for) <= 200 KB gzip;
- precache: everything the service worker precaches, and sw.js itself, <= 1,200 KB gzip
  (1,100 until 2026-12-05; raised by the two features of that round, measured: the meeting
  plans and the dues book took the precache from 1,082.7 KB to 1,194.5 KB, the first load
  stayed at 181.7 KB; see BENCHMARKS.md, "Session 12").

Sizes are gzip -9 (mtime 0), as the bench and BENCHMARKS.md count them. Every module's size is
printed; when a budget is passed the script fails and names the files that grew against the
sizes recorded in scripts/sizes.json (`--record` rewrites that file from this build).

usage: check_sizes.py DIST [--record]
"""
import gzip
import json
import re
from html.parser import HTMLParser
import sys
from pathlib import Path

FIRST_LOAD_BUDGET = 200 * 1024
PRECACHE_BUDGET = 1200 * 1024
RECORD = Path(__file__).resolve().parent / "sizes.json"
# A hashed name: name-<8 to 16 hex digits>[_bg].ext
HASHED = re.compile(r"^(?P<stem>.+?)-[0-9a-f]{8,16}(?P<bg>_bg)?(?P<ext>\.[a-z]+)$")


def gzipped(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def logical(name):
    """A file's name without its content hash (what it is, build after build)."""
    match = HASHED.match(name)
    return f"{match['stem']}{match['bg'] or ''}{match['ext']}" if match else name


class NamedFiles(HTMLParser):
    """The files a page names in the attributes that load something (quoted or not: a release
    build's page is minified)."""
    ATTRIBUTES = {"href", "src", "data-glue", "data-wasm"}

    def __init__(self):
        super().__init__()
        self.names = set()

    def handle_starttag(self, tag, attrs):
        for attribute, value in attrs:
            if attribute in self.ATTRIBUTES and value and not value.startswith("#"):
                self.names.add(value.rsplit("/", 1)[-1])


def first_load_files(dist):
    page = NamedFiles()
    page.feed((dist / "index.html").read_text(encoding="utf-8"))
    named = page.names
    # Not fetched by a browser with modules, or only when asked for.
    named -= {"boot-nomodule.js", "apple-touch-icon.png"}
    files = {"index.html"} | {name for name in named if (dist / name).is_file()}
    # The glue imports the split loader at start.
    files |= {path.name for path in dist.glob("__wasm_split-*.js")}
    return sorted(files)


def precache_files(dist):
    worker = (dist / "sw.js").read_text(encoding="utf-8")
    match = re.search(r"const PRECACHE = JSON\.parse\('(.*)'\);", worker)
    if not match:
        sys.exit("check_sizes: sw.js has no PRECACHE list")
    listed = ["index.html" if path == "./" else path for path in json.loads(match[1])]
    return sorted(set(listed) | {"sw.js"})


def kb(size):
    return f"{size / 1024:.1f} KB"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    dist = Path(sys.argv[1])
    record = "--record" in sys.argv[2:]
    sizes = {path.name: gzipped(path) for path in dist.iterdir() if path.is_file()}
    by_module = {}
    for name, size in sizes.items():
        by_module[logical(name)] = by_module.get(logical(name), 0) + size
    first = first_load_files(dist)
    precache = precache_files(dist)
    first_total = sum(sizes[name] for name in first)
    precache_total = sum(sizes[name] for name in precache if name in sizes)

    print("Sizes of the release build (gzip -9):")
    modules = sorted((name for name in by_module if name.endswith(".wasm") and not name.startswith("chunk_")), key=lambda n: -by_module[n])
    for name in modules:
        print(f"  {name:36} {kb(by_module[name]):>10}")
    chunks = [name for name in by_module if name.startswith("chunk_")]
    print(f"  {'chunk_*.wasm (%d files)' % len(chunks):36} {kb(sum(by_module[n] for n in chunks)):>10}")
    for name in sorted(n for n in by_module if not n.endswith(".wasm")):
        print(f"  {name:36} {kb(by_module[name]):>10}")
    print(f"first load ({len(first)} files): {kb(first_total)} of {kb(FIRST_LOAD_BUDGET)}")
    print(f"precache ({len(precache)} files): {kb(precache_total)} of {kb(PRECACHE_BUDGET)}")

    if record:
        RECORD.write_text(json.dumps(dict(sorted(by_module.items())), indent=1) + "\n", encoding="utf-8")
        print(f"recorded in {RECORD}")
        return
    over = []
    if first_total > FIRST_LOAD_BUDGET:
        over.append(("first load", first_total, FIRST_LOAD_BUDGET, {logical(n) for n in first}))
    if precache_total > PRECACHE_BUDGET:
        over.append(("precache", precache_total, PRECACHE_BUDGET, {logical(n) for n in precache}))
    if not over:
        return
    recorded = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.is_file() else {}
    for budget, total, limit, members in over:
        print(f"\nSIZE BUDGET PASSED: {budget} is {kb(total)}, over {kb(limit)} by {kb(total - limit)}.")
        grown = sorted(
            ((name, by_module.get(name, 0) - recorded.get(name, 0)) for name in members),
            key=lambda item: -item[1],
        )
        for name, growth in grown[:5]:
            if growth > 0:
                print(f"  grew: {name} by {kb(growth)} ({kb(recorded.get(name, 0))} recorded in scripts/sizes.json, {kb(by_module.get(name, 0))} now)")
    sys.exit(1)


if __name__ == "__main__":
    main()
