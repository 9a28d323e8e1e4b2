#!/usr/bin/python3
"""Writes a package's Dart FFI bindings from the C headers named in its
ffigen.yaml, in the output style of package:ffigen 9 (a class of lookup-based
wrappers, `final class` structs, `abstract class` enum constants).

Why not ffigen itself: this machine and CI have no Dart SDK. ffigen.yaml is
the single configuration for both: people with Dart run `dart run ffigen`,
CI runs this script (Debian's libclang, so the C types come from a real C
parser, not from regexes) and fails when the committed file differs.
New functions matching the include patterns appear with no change here.

    generate_bindings.py PACKAGE_DIR [--check]

--check compares instead of writing and exits 1 on any difference.
Anything the config asks for that this script cannot translate is an error,
never a silent omission.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

import yaml
import clang.cindex as ci

from bindings_emit import Emitter

SUPPORTED_KEYS = {"name", "description", "output", "headers", "compiler-opts", "functions",
                  "structs", "enums", "macros", "preamble", "comments", "llvm-path"}


def resource_include_dir():
    """clang's own stddef.h/stdint.h, which libclang needs next to the headers."""
    try:
        out = subprocess.run(["clang-14", "-print-resource-dir"], capture_output=True, text=True,
                             check=True).stdout.strip()
        return os.path.join(out, "include")
    except (OSError, subprocess.CalledProcessError):
        found = sorted(glob.glob("/usr/lib/llvm-14/lib/clang/*/include"))
        if not found:
            sys.exit("error: clang's resource headers not found (install clang-14)")
        return found[-1]


class Filter:
    """ffigen's include/exclude lists of regular expressions (full match)."""

    def __init__(self, section):
        section = section or {}
        unknown = set(section) - {"include", "exclude", "symbol-address"}
        if unknown:
            sys.exit(f"error: unsupported ffigen.yaml keys {sorted(unknown)}")
        self.include = [re.compile(p) for p in section.get("include", [])]
        self.exclude = [re.compile(p) for p in section.get("exclude", [])]
        self.addresses = Filter(section["symbol-address"]) if "symbol-address" in section else None

    def matches(self, name):
        if any(p.fullmatch(name) for p in self.exclude):
            return False
        return any(p.fullmatch(name) for p in self.include)


def parse(header, args):
    index = ci.Index.create()
    tu = index.parse(header, args=args, options=ci.TranslationUnit.PARSE_DETAILED_PROCESSING_RECORD)
    errors = [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    if errors:
        sys.exit("error: " + "\n".join(str(d) for d in errors))
    return tu


def evaluate_macros(names, headers, args):
    """Integer macros evaluated by clang itself (as ffigen does): each becomes
    an enumerator, whose value libclang reports."""
    if not names:
        return {}
    src = "".join(f'#include "{h}"\n' for h in headers)
    src += "enum {\n" + "".join(f"  ffigen_lite_{n} = ({n}),\n" for n in names) + "};\n"
    with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as f:
        f.write(src)
    try:
        tu = parse(f.name, args)
    finally:
        os.unlink(f.name)
    values = {}
    for c in tu.cursor.walk_preorder():
        if c.kind == ci.CursorKind.ENUM_CONSTANT_DECL and c.spelling.startswith("ffigen_lite_"):
            values[c.spelling[len("ffigen_lite_"):]] = c.enum_value
    return values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("package")
    ap.add_argument("--check", action="store_true")
    opts = ap.parse_args()
    pkg = os.path.abspath(opts.package)
    with open(os.path.join(pkg, "ffigen.yaml"), encoding="utf-8") as f:
        cfg = yaml.safe_load(f)
    unknown = set(cfg) - SUPPORTED_KEYS
    if unknown:
        sys.exit(f"error: ffigen.yaml keys this generator does not support: {sorted(unknown)}")

    def rel(p):
        return os.path.normpath(os.path.join(pkg, p))

    headers = [rel(h) for h in cfg["headers"]["entry-points"]]
    directives = {rel(h) for h in cfg["headers"].get("include-directives", headers)}
    args = ["-x", "c", "-std=c99", "-fparse-all-comments", "-I" + resource_include_dir()]
    for o in cfg.get("compiler-opts", []):
        args.append("-I" + rel(o[2:]) if o.startswith("-I") else o)

    emitter = Emitter(cfg["name"], cfg.get("description", ""), cfg.get("preamble", ""))
    functions = Filter(cfg.get("functions"))
    structs = Filter(cfg.get("structs"))
    enums = Filter(cfg.get("enums"))
    macros = Filter(cfg.get("macros"))
    macro_names = []
    seen = set()
    for header in headers:
        tu = parse(header, args)
        for c in tu.cursor.get_children():
            if c.location.file is None or os.path.normpath(c.location.file.name) not in directives:
                continue
            key = (c.kind, c.spelling)
            if key in seen:
                continue
            seen.add(key)
            if c.kind == ci.CursorKind.FUNCTION_DECL and functions.matches(c.spelling):
                address = functions.addresses is not None and functions.addresses.matches(c.spelling)
                emitter.function(c, address)
            elif c.kind == ci.CursorKind.ENUM_DECL and c.spelling and enums.matches(c.spelling):
                emitter.enum(c)
            elif (c.kind == ci.CursorKind.STRUCT_DECL and c.is_definition() and c.spelling
                  and structs.matches(c.spelling)):
                emitter.struct(c.type)
            elif c.kind == ci.CursorKind.MACRO_DEFINITION and macros.matches(c.spelling):
                macro_names.append(c.spelling)
    values = evaluate_macros(macro_names, headers, args)
    for name in macro_names:
        if name not in values:
            sys.exit(f"error: macro {name} is not an integer constant")
        emitter.constant(name, values[name])

    text = emitter.render()
    out = rel(cfg["output"])
    if opts.check:
        old = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
        if old != text:
            sys.stderr.write(f"FAIL: {out} differs from what {sys.argv[0]} generates from "
                             f"{', '.join(headers)}; re-run it and commit the result\n")
            sys.exit(1)
        print(f"ok: {os.path.relpath(out)} is up to date ({emitter.summary()})")
        return
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(out)} ({emitter.summary()})")


if __name__ == "__main__":
    main()
