#!/usr/bin/env python3
"""Drives the C ABI from a second language (Python ctypes), in the call
sequence the Flutter binding uses: versions, options_init, model_load (with
an error path), phonemize (with per-word errors), read results, free.

    ctypes_test.py LIBCHARSIUG2P MODEL_DIR
"""
import ctypes as C
import sys


class Options(C.Structure):
    _fields_ = [("struct_size", C.c_uint32), ("space_after_colon", C.c_int32),
                ("max_output_len", C.c_int32), ("num_threads", C.c_int32),
                ("batch_size", C.c_int32), ("max_input_bytes", C.c_int32)]


def main(lib_path, model_dir):
    lib = C.CDLL(lib_path)
    lib.charsiug2p_version_string.restype = C.c_char_p
    lib.charsiug2p_error_name.restype = C.c_char_p
    lib.charsiug2p_last_error.restype = C.c_char_p
    lib.charsiug2p_model_load.argtypes = [C.c_char_p, C.POINTER(C.c_void_p)]
    lib.charsiug2p_model_free.argtypes = [C.c_void_p]
    lib.charsiug2p_options_init.argtypes = [C.POINTER(Options), C.c_size_t]
    lib.charsiug2p_phonemize.argtypes = [C.c_void_p, C.POINTER(C.c_char_p), C.c_size_t, C.c_char_p,
                                         C.POINTER(Options), C.POINTER(C.c_void_p)]
    lib.charsiug2p_result_count.argtypes = [C.c_void_p]
    lib.charsiug2p_result_count.restype = C.c_size_t
    lib.charsiug2p_result_error.argtypes = [C.c_void_p, C.c_size_t]
    lib.charsiug2p_result_text.argtypes = [C.c_void_p, C.c_size_t]
    lib.charsiug2p_result_text.restype = C.c_char_p
    lib.charsiug2p_result_message.argtypes = [C.c_void_p, C.c_size_t]
    lib.charsiug2p_result_message.restype = C.c_char_p
    lib.charsiug2p_result_free.argtypes = [C.c_void_p]

    print("charsiug2p", lib.charsiug2p_version_string().decode())
    opts = Options()
    assert lib.charsiug2p_options_init(C.byref(opts), C.sizeof(opts)) == 0
    assert opts.struct_size == C.sizeof(opts) and opts.batch_size > 0

    model = C.c_void_p()
    rc = lib.charsiug2p_model_load(b"/no/such/model", C.byref(model))
    assert rc != 0 and not model.value, rc
    name = lib.charsiug2p_error_name(rc).decode()
    assert name == "CHARSIUG2P_ERR_IO", name
    assert b"/no/such/model" in lib.charsiug2p_last_error()

    rc = lib.charsiug2p_model_load(model_dir.encode(), C.byref(model))
    assert rc == 0, lib.charsiug2p_last_error()

    words = ["hello", "wörld", "", "naïve"]
    arr = (C.c_char_p * len(words))(*[w.encode() for w in words])
    result = C.c_void_p()
    assert lib.charsiug2p_phonemize(model, arr, len(words), b"eng-us", C.byref(opts), C.byref(result)) == 0
    assert lib.charsiug2p_result_count(result) == len(words)
    for i, w in enumerate(words):
        err = lib.charsiug2p_result_error(result, i)
        text = lib.charsiug2p_result_text(result, i)
        if w == "":
            assert err == 21 and text is None  # CHARSIUG2P_ERR_EMPTY_WORD
            assert lib.charsiug2p_result_message(result, i)
        else:
            assert err == 0 and text is not None, (w, err)
            text.decode("utf-8")  # valid UTF-8
        print(w, "->", text.decode() if text else lib.charsiug2p_error_name(err).decode())
    lib.charsiug2p_result_free(result)

    # Error path: unknown language fails the word, not the call.
    result = C.c_void_p()
    assert lib.charsiug2p_phonemize(model, arr, 1, b"xx-none", None, C.byref(result)) == 0
    assert lib.charsiug2p_result_error(result, 0) == 23
    assert b"xx-none" in lib.charsiug2p_result_message(result, 0)
    lib.charsiug2p_result_free(result)

    # NULL model: a call error with a message, no crash.
    assert lib.charsiug2p_phonemize(None, arr, 1, b"eng-us", None, C.byref(result)) == 1
    assert lib.charsiug2p_last_error()

    lib.charsiug2p_model_free(model)
    lib.charsiug2p_model_free(None)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
