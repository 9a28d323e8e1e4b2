#!/usr/bin/python3
"""Fails when a Dart file looks up a native symbol its package's C headers
do not declare (drift between the Dart bindings and the C ABI).

    check_symbols.py FLUTTER_DIR

For every package under FLUTTER_DIR with an ffigen.yaml, every symbol its
Dart files name in `_lookup<...>('x')`, `.lookup<...>('x')`,
`lookupFunction<...>('x')`, `providesSymbol('x')` or `@Native(symbol: 'x')`
(or an `@Native` function's own name) must be a function declared in the
headers of its ffigen.yaml. A lookup whose name is not a string literal is
an error too: it could not be checked. (That the built libraries export
every function their headers declare is tests/abi's concern.)
"""
import argparse
import os
import re
import sys

import yaml
import clang.cindex as ci

from generate_bindings import parse, resource_include_dir

LOOKUP = re.compile(r"\b(?:_lookup|lookup|lookupFunction|providesSymbol)\b")
NATIVE = re.compile(r"@(?:ffi\.)?Native\b")


def skip_generics(text, i):
    """Index after a balanced <...> starting at text[i] (or i if none)."""
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text) or text[i] != "<":
        return i
    depth = 0
    while i < len(text):
        depth += {"<": 1, ">": -1}.get(text[i], 0)
        i += 1
        if depth == 0:
            return i
    return i


def string_arg(text, i):
    """The string literal that is the whole argument list at text[i] == '('."""
    m = re.compile(r"\(\s*(['\"])([^'\"\\]*)\1\s*\)").match(text, i)
    return m.group(2) if m else None


def references(path):
    """(line, symbol or None for a non-literal name) for each lookup in a Dart file."""
    text = open(path, encoding="utf-8").read()
    out = []
    for m in LOOKUP.finditer(text):
        i = skip_generics(text, m.end())
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text) or text[i] != "(":
            continue  # a field or type named like a lookup, not a call
        line = text.count("\n", 0, m.start()) + 1
        out.append((line, string_arg(text, i)))
    for m in NATIVE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        i = skip_generics(text, m.end())
        end = text.find("external", i)
        args = text[i:end]
        sym = re.search(r"symbol\s*:\s*(['\"])(\w+)\1", args)
        if sym:
            out.append((line, sym.group(2)))
            continue
        fn = re.compile(r"external\s+[\w<>?,. ]+?\s+(\w+)\s*\(").match(text, end)
        out.append((line, fn.group(1) if fn else None))
    return out


def declared_functions(pkg, cfg):
    names = set()
    args = ["-x", "c", "-std=c99", "-I" + resource_include_dir()]
    for header in cfg["headers"]["entry-points"]:
        tu = parse(os.path.normpath(os.path.join(pkg, header)), args)
        for c in tu.cursor.get_children():
            if c.kind == ci.CursorKind.FUNCTION_DECL:
                names.add(c.spelling)
    return names


def dart_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("build", ".dart_tool", "node_modules")]
        for f in sorted(filenames):
            if f.endswith(".dart"):
                yield os.path.join(dirpath, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("flutter_dir")
    opts = ap.parse_args()
    failures = 0
    packages = sorted(d for d in os.listdir(opts.flutter_dir)
                      if os.path.exists(os.path.join(opts.flutter_dir, d, "ffigen.yaml")))
    if not packages:
        sys.exit(f"FAIL: no package with an ffigen.yaml under {opts.flutter_dir}")
    for name in packages:
        pkg = os.path.join(opts.flutter_dir, name)
        with open(os.path.join(pkg, "ffigen.yaml"), encoding="utf-8") as f:
            cfg = yaml.safe_load(f)
        declared = declared_functions(pkg, cfg)
        seen = set()
        for path in dart_files(pkg):
            for line, sym in references(path):
                where = f"{os.path.relpath(path)}:{line}"
                if sym is None:
                    print(f"FAIL: {where}: symbol name is not a string literal")
                    failures += 1
                elif sym not in declared:
                    print(f"FAIL: {where}: '{sym}' is not declared in "
                          f"{', '.join(cfg['headers']['entry-points'])}")
                    failures += 1
                seen.add(sym)
        if not seen:
            print(f"FAIL: {name}: its Dart files look up no native symbol (checker out of date?)")
            failures += 1
        print(f"{name}: {len(seen)} distinct symbols looked up from Dart, "
              f"{len(declared)} functions declared")
    print("symbols: ok" if failures == 0 else f"symbols: {failures} problems")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
