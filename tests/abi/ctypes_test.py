#!/usr/bin/env python3
"""Replays the Flutter plugin's C calls against the built library, from a
second FFI language (Python ctypes), in the order the Dart code makes them:
flutter/charsiug2p_flutter/lib/src/native_calls.dart (class NativeG2p) and,
for dispose and the finalizers, lib/src/charsiug2p.dart. Change them together.

The function signatures and the charsiug2p_options layout are read from the
Dart bindings (charsiug2p_bindings.g.dart, generated from the C header), so
the calls go through the Dart view of the ABI, not a second hand-written one.

    ctypes_test.py LIBCHARSIUG2P MODEL_DIR DART_BINDINGS
"""
import ctypes as C
import os
import re
import sys
import tempfile

SCALARS = {"ffi.Int": C.c_int, "ffi.Int32": C.c_int32, "ffi.Uint32": C.c_uint32,
           "ffi.Int64": C.c_int64, "ffi.Uint64": C.c_uint64, "ffi.Size": C.c_size_t,
           "ffi.Uint8": C.c_uint8, "ffi.Int8": C.c_int8, "ffi.Double": C.c_double,
           "ffi.Float": C.c_float, "ffi.Bool": C.c_bool}
OK, ERR_INVALID_ARGUMENT, ERR_IO, ERR_EMPTY_WORD, ERR_UNKNOWN_LANGUAGE = 0, 1, 2, 21, 23
V02 = 0x000200
checks = 0


def check(cond, what):
    global checks
    if not cond:
        raise AssertionError(what)
    checks += 1


def ctype(dart):
    dart = dart.strip()
    if dart == "ffi.Void":
        return None
    if dart == "ffi.Pointer<ffi.Char>":
        return C.c_char_p
    if dart.startswith("ffi.Pointer<"):
        return C.c_void_p
    return SCALARS[dart]


def split_args(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        depth += {"<": 1, ">": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [a for a in (out + [cur]) if a.strip()]


def bind(lib, dart_text):
    """Sets argtypes/restype of every function the Dart bindings look up."""
    pat = re.compile(r"_lookup<ffi\.NativeFunction<(.+?) Function\((.*?)\)>>\('(\w+)'\)")
    n = 0
    for ret, args, name in pat.findall(dart_text):
        if not hasattr(lib, name):
            continue  # declared but not in this build: the replay never calls it then
        f = getattr(lib, name)
        f.restype = ctype(ret)
        f.argtypes = [ctype(a) for a in split_args(args)]
        n += 1
    check(n >= 20, f"only {n} functions bound from the Dart bindings")


def options_struct(dart_text):
    """charsiug2p_options exactly as the Dart struct declares it."""
    body = re.search(r"final class charsiug2p_options extends ffi\.Struct \{(.*?)\n\}", dart_text,
                     re.S).group(1)
    fields = []
    for annotation, dart_type, name in re.findall(
            r"(?:@(ffi\.\w+)\(\)\s*)?external ([\w.<>]+) (\w+);", body):
        fields.append((name, ctype(annotation or dart_type)))
    return type("charsiug2p_options", (C.Structure,), {"_fields_": fields})


def text(p):
    return p.decode() if p else ""


def main(lib_path, model_dir, bindings_path):
    dart = open(bindings_path, encoding="utf-8").read()
    lib = C.CDLL(lib_path)
    bind(lib, dart)
    Options = options_struct(dart)
    fields = [f[0] for f in Options._fields_]
    version = lib.charsiug2p_version()  # NativeG2p.version
    print("charsiug2p", text(lib.charsiug2p_version_string()), "options struct",
          C.sizeof(Options), "bytes")

    def call_error(rc):  # NativeG2p.callError: name, then last_error at once
        return text(lib.charsiug2p_error_name(rc)), text(lib.charsiug2p_last_error())

    # load(): model_load; a missing folder is a ModelLoadException.
    model = C.c_void_p()
    rc = lib.charsiug2p_model_load(b"/no/such/model", C.byref(model))
    name, message = call_error(rc)
    check(rc == ERR_IO and not model.value, f"missing model: rc {rc}")
    check(name == "CHARSIUG2P_ERR_IO" and "/no/such/model" in message, (name, message))
    rc = lib.charsiug2p_model_load(model_dir.encode(), C.byref(model))
    check(rc == OK, call_error(rc))
    # load(lexiconPath: ..., cacheBytes: 1 << 20) on a 0.2 library: lexicon_load
    # of a compiled file (made here with the builder, as an app's tooling would).
    lexicon, cache = C.c_void_p(), C.c_void_p()
    if version >= V02:
        builder = C.c_void_p()
        check(lib.charsiug2p_lexicon_builder_create(0, C.byref(builder)) == OK, "builder")
        check(lib.charsiug2p_lexicon_builder_add(builder, b"eng-us", b"naive", b"LEX") == OK, "add")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "words.lex").encode()
            check(lib.charsiug2p_lexicon_builder_write(builder, path) == OK, "write")
            lib.charsiug2p_lexicon_builder_free(builder)
            rc = lib.charsiug2p_lexicon_load(b"/no/such.lex", C.byref(lexicon))
            check(rc == ERR_IO and "/no/such.lex" in call_error(rc)[1], "missing lexicon")
            rc = lib.charsiug2p_lexicon_load(path, C.byref(lexicon))
            check(rc == OK, call_error(rc))
        check(lib.charsiug2p_cache_create(1 << 20, C.byref(cache)) == OK, "cache_create")

    def phonemize(words, langs, tweak=None):
        """NativeG2p.phonemize: (rc, [(code, text or name, source, message)])."""
        opts = Options()
        check(lib.charsiug2p_options_init(C.byref(opts), C.sizeof(opts)) == OK, "options_init")
        check(0 < opts.struct_size <= C.sizeof(opts) and opts.batch_size > 0, "defaults")
        opts.space_after_colon, opts.max_output_len, opts.num_threads = 0, 0, 1
        opts.batch_size, opts.max_input_bytes = 64, 512
        if version >= V02:
            opts.phoneme_region, opts.phoneme_set = 0, None
            opts.lexicon, opts.cache = lexicon.value, cache.value
        if tweak:
            tweak(opts)
        has_nul = ["\0" in w for w in words]
        c_words = (C.c_char_p * len(words))(*[b"" if z else w.encode()
                                              for w, z in zip(words, has_nul)])
        out = C.c_void_p()
        if len(langs) == 1:
            rc = lib.charsiug2p_phonemize(model, c_words, len(words), langs[0].encode(),
                                          C.byref(opts), C.byref(out))
        else:
            c_langs = (C.c_char_p * len(langs))(*[l.encode() for l in langs])
            rc = lib.charsiug2p_phonemize_multi(model, c_words, c_langs, len(words),
                                                C.byref(opts), C.byref(out))
        if rc != OK:
            check(not out.value, "failed call leaves *out NULL")
            return rc, call_error(rc)
        rows = []
        try:
            for i in range(lib.charsiug2p_result_count(out)):
                code = lib.charsiug2p_result_error(out, i)
                if has_nul[i]:
                    rows.append((ERR_INVALID_ARGUMENT, "U+0000", 0, "a C string cannot carry it"))
                elif code != OK:
                    rows.append((code, text(lib.charsiug2p_error_name(code)), 0,
                                 text(lib.charsiug2p_result_message(out, i))))
                else:
                    ptr = C.cast(lib.charsiug2p_result_text(out, i), C.c_void_p)
                    raw = C.string_at(ptr, lib.charsiug2p_result_length(out, i))
                    source = lib.charsiug2p_result_source(out, i) if version >= V02 else 1
                    rows.append((code, raw.decode("utf-8", "replace"), source, ""))
        finally:
            lib.charsiug2p_result_free(out)
        return rc, rows

    words = ["hello", "wörld", "", "naïve", "nul\0inside", "naive"]
    rc, rows = phonemize(words, ["eng-us"])
    check(rc == OK and len(rows) == len(words), f"phonemize: {rc} {rows}")
    for w, (code, out_text, source, message) in zip(words, rows):
        print(repr(w), "->", out_text if code == OK else f"{out_text}: {message}")
        if w == "":
            check(code == ERR_EMPTY_WORD and out_text == "CHARSIUG2P_ERR_EMPTY_WORD" and message,
                  "empty word fails alone")
        elif "\0" in w:
            check(code == ERR_INVALID_ARGUMENT, "a word with NUL fails alone")
        elif w == "naive" and lexicon.value:
            check(code == OK and out_text == "LEX" and source == 2, "the lexicon answers")
        else:
            check(code == OK and out_text and source in (1, 3), (w, code, out_text))

    # A language per word; an unknown code fails its word, not the call.
    rc, rows = phonemize(["hello", "Haus"], ["eng-us", "xx-none"])
    check(rc == OK and rows[0][0] == OK, rows)
    check(rows[1][0] == ERR_UNKNOWN_LANGUAGE and "xx-none" in rows[1][3], rows[1])

    # A bad option fails the call: G2pArgumentException with the option's name.
    rc, (name, message) = phonemize(["hello"], ["eng-us"], lambda o: setattr(o, "batch_size", 0))
    check(rc == ERR_INVALID_ARGUMENT and name == "CHARSIUG2P_ERR_INVALID_ARGUMENT", name)
    check("batch_size" in message, message)

    # CharsiuG2p.description, .languages, .phonemeSets (UI isolate).
    check(text(lib.charsiug2p_model_describe(model)).startswith("t5"), "describe")
    langs = [text(lib.charsiug2p_language_code(i)) for i in range(lib.charsiug2p_language_count())]
    check("eng-us" in langs and "unk" in langs, f"{len(langs)} languages")
    if version >= V02:
        sets = [text(lib.charsiug2p_phoneme_set_name(i))
                for i in range(lib.charsiug2p_phoneme_set_count())]
        check("ipa-flap-vowel-reduced" in sets, sets)
        rc, rows = phonemize(["butter"], ["eng-us"],
                             lambda o: setattr(o, "phoneme_set", b"ipa-flap-vowel-reduced"))
        check(rc == OK and rows[0][0] == OK, rows)

    # dispose(): NativeG2p.free, cache and lexicon only when made, then model.
    if cache.value:
        lib.charsiug2p_cache_free(cache)
    if lexicon.value:
        lib.charsiug2p_lexicon_free(lexicon)
    lib.charsiug2p_model_free(model)
    print(f"replayed with {len(fields)} option fields; {checks} checks")
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
