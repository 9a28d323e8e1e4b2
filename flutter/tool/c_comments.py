"""Comments of a C declaration, as Dart `///` lines.

Why not libclang's raw_comment: with -fparse-all-comments clang attaches a
field's trailing `/* ... */` to the NEXT field. Here a declaration gets the
comment block that ends on the line just above it (and starts on a line of
its own), or else the comment that follows it on its last line."""
import functools
import re


@functools.lru_cache(maxsize=None)
def _lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def _dart(text, indent):
    body = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*(/\*+|//+|\*(?!/))?", "", line)
        line = re.sub(r"\*+/\s*$", "", line).rstrip()
        body.append(line)
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    if not body:
        return ""
    # Keep relative indentation (code samples in header comments).
    strip = min(len(s) - len(s.lstrip()) for s in body if s.strip())
    return "".join(f"{indent}/// {s[strip:]}".rstrip() + "\n" for s in body)


def doc_comment(cursor, indent):
    lines = _lines(cursor.extent.start.file.name)
    end = cursor.extent.start.line - 2  # 0-based index of the line above
    if end < 0:
        return ""
    if lines[end].rstrip().endswith("*/"):
        start = end
        while "/*" not in lines[start]:
            start -= 1
            if start < 0:
                return ""
        if lines[start].split("/*", 1)[0].strip():
            return ""  # the block is a trailing comment of code on that line
        return _dart("\n".join(lines[start:end + 1]), indent)
    if lines[end].lstrip().startswith("//"):
        start = end
        while start > 0 and lines[start - 1].lstrip().startswith("//"):
            start -= 1
        return _dart("\n".join(lines[start:end + 1]), indent)
    return ""


def trailing_comment(cursor, indent):
    line = _lines(cursor.extent.end.file.name)[cursor.extent.end.line - 1]
    rest = line[cursor.extent.end.column - 1:]
    m = re.search(r"/\*(.*?)\*/|//(.*)$", rest)
    if not m:
        return ""
    return _dart(m.group(1) if m.group(1) is not None else m.group(2), indent)
