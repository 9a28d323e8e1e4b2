#!/usr/bin/env python3
"""Writes the weight-file fixtures in tests/data/weights/.

Run with a Python that has torch >= 1.6 (Debian: /usr/bin/python3 with
python3-torch):  /usr/bin/python3 tests/data/make_weight_fixtures.py

Good files come from real torch.save (plus safetensors written here with
struct + json, following the format spec); broken ones are derived from them
or built by hand. Every float value follows pattern(i) = (i % 17) * 0.25 - 2,
which is exact in f16, bf16, f32 and f64, so the C++ tests can recompute it.
Output is deterministic: re-running rewrites identical bytes.
"""
import json
import os
import pickle
import struct
import sys
import zipfile
import zlib
from collections import OrderedDict

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights")


def pattern_tensor(shape, dtype):
    n = 1
    for d in shape:
        n *= d
    return torch.tensor([(i % 17) * 0.25 - 2.0 for i in range(n)], dtype=torch.float64).reshape(
        shape).to(dtype)


def path(name):
    return os.path.join(OUT, name)


def write(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


# ----------------------------------------------------------------- torch files

def torch_files():
    dtypes = {
        "f32": pattern_tensor([2, 3], torch.float32),
        "f16": pattern_tensor([4], torch.float16),
        "bf16": pattern_tensor([2, 2], torch.bfloat16),
        "f64": pattern_tensor([3], torch.float64),
        "i64": torch.tensor([-1, 0, 1 << 40], dtype=torch.int64),
        "i32": torch.tensor([-5, 7], dtype=torch.int32),
        "i16": torch.tensor([-300, 300], dtype=torch.int16),
        "i8": torch.tensor([-128, 127], dtype=torch.int8),
        "u8": torch.tensor([0, 255], dtype=torch.uint8),
        "bool": torch.tensor([True, False, True]),
        "scalar": torch.tensor(3.5),
        "empty": torch.zeros(0, 3),
        "param": torch.nn.Parameter(pattern_tensor([3], torch.float32)),
    }
    torch.save(dtypes, path("torch_dtypes.pt"))
    torch.save(dtypes, path("torch_dtypes_proto4.pt"), pickle_protocol=4)
    # Legacy storages are keyed by memory address; a tensor-free dict keeps
    # this file deterministic and is all the "refuse legacy" test needs.
    torch.save({"epoch": 1}, path("torch_legacy.pt"), _use_new_zipfile_serialization=False)

    # Tied embeddings, as in T5: three names, one storage. state_dict() also
    # pickles the OrderedDict's _metadata via BUILD.
    class Tied(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.shared = torch.nn.Embedding(5, 4)
            self.encoder = torch.nn.Module()
            self.decoder = torch.nn.Module()
            self.encoder.embed_tokens = self.shared
            self.decoder.embed_tokens = self.shared
            self.lm_head = torch.nn.Linear(4, 5, bias=False)

    m = Tied()
    with torch.no_grad():
        m.shared.weight.copy_(pattern_tensor([5, 4], torch.float32))
        m.lm_head.weight.copy_(pattern_tensor([5, 4], torch.float32) + 1)
    torch.save(m.state_dict(), path("torch_tied.pt"))

    b = pattern_tensor([3, 4], torch.float32)
    views = OrderedDict([
        ("base", b),
        ("t", b.t()),                          # strides (1, 4): materialized
        ("row", b[1]),                         # storage offset 4, contiguous
        ("col", b[:, 2]),                      # offset 2, stride 4
        ("narrow", b[:, 1:3]),                 # offset 1, strides (4, 1)
        ("expand", b[2, 1:2].expand(2, 3)),    # offset 9, strides (0, 0)
        ("t16", pattern_tensor([2, 3], torch.float16).t()),
    ])
    torch.save(views, path("torch_views.pt"))


# ------------------------------------------------------------------ ZIP writer

def write_zip(name, entries, align=64, zip64=False, comment=b"", method=0):
    """A minimal ZIP writer so fixtures can vary what torch's writer fixes:
    alignment, ZIP64 records, comments, compression."""
    out, central = bytearray(), bytearray()
    for entry_name, data in entries:
        nb = entry_name.encode()
        crc = zlib.crc32(data)
        if method == 8:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            payload = c.compress(data) + c.flush()
        else:
            payload = data
        offset = len(out)
        extra = b""
        if align:
            pad = (-(offset + 30 + len(nb) + 4)) % align
            extra = struct.pack("<HH", 0x4246, pad) + b"Z" * pad
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(payload),
                           len(data), len(nb), len(extra)) + nb + extra + payload
        if zip64:
            x = struct.pack("<HHQQQ", 1, 24, len(data), len(payload), offset)
            csize, usize, coff = 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF
        else:
            x, csize, usize, coff = b"", len(payload), len(data), offset
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, method, 0, 0, crc,
                               csize, usize, len(nb), len(x), 0, 0, 0, 0, coff) + nb + x
    cd_offset = len(out)
    out += central
    n = len(entries)
    if zip64:
        record = len(out)
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, n, n, len(central),
                           cd_offset)
        out += struct.pack("<IIQI", 0x07064B50, 0, record, 1)
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
                           len(comment)) + comment
    else:
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(central), cd_offset,
                           len(comment)) + comment
    write(name, bytes(out))


def entries_of(torch_file, prefix="archive"):
    """The entries of a torch.save archive, renamed under `prefix`."""
    with zipfile.ZipFile(path(torch_file)) as z:
        return [(prefix + "/" + i.filename.split("/", 1)[1], z.read(i)) for i in z.infolist()]


def binunicode(s):
    b = s.encode()
    return b"X" + struct.pack("<I", len(b)) + b


def binint(v):
    return b"J" + struct.pack("<i", v)


def tuple_of(values):
    return b"(" + b"".join(binint(v) for v in values) + b"t"


def torch_like_pickle(tensors):
    """data.pkl as torch.save writes it (protocol 2), for tensors torch itself
    would refuse to describe: (name, storage class, key, numel, offset, size,
    stride)."""
    out = b"\x80\x02}("
    for name, cls, key, numel, offset, size, stride in tensors:
        out += binunicode(name) + b"ctorch._utils\n_rebuild_tensor_v2\n("
        out += b"(" + binunicode("storage") + b"ctorch\n" + cls.encode() + b"\n"
        out += binunicode(key) + binunicode("cpu") + binint(numel) + b"tQ"
        out += binint(offset) + tuple_of(size) + tuple_of(stride)
        out += b"\x89ccollections\nOrderedDict\n)RtR"
    return out + b"u."


class Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def zip_files():
    dt = entries_of("torch_dtypes.pt")
    write_zip("zip64_comment.pt", dt, zip64=True, comment=b"written by make_weight_fixtures.py")
    write_zip("zip_unaligned.pt", dt, align=0)  # storages land at odd offsets
    write_zip("zip_deflated.pt", dt, method=8)
    write_zip("zip_big_endian.pt", dt + [("archive/byteorder", b"big")])
    write_zip("zip_little_endian.pt", dt + [("archive/byteorder", b"little")])

    views = entries_of("torch_views.pt")
    write_zip("zip_storage_short.pt",
              [(n, d[:-4] if n == "archive/data/0" else d) for n, d in views])
    write_zip("zip_no_data_pkl.pt", [(n, d) for n, d in views if not n.endswith("data.pkl")])

    evil = pickle.dumps({"x": Evil()}, protocol=2)
    write_zip("zip_evil_global.pt", [("archive/data.pkl", evil), ("archive/version", b"3\n")])

    storage = struct.pack("<4f", 1, 2, 3, 4)
    write_zip("zip_view_oob.pt", [
        ("archive/data.pkl", torch_like_pickle(
            [("x", "FloatStorage", "0", 4, 2, [3], [1])])),  # elements 2..4 of 4
        ("archive/data/0", storage)])
    write_zip("zip_missing_storage.pt", [
        ("archive/data.pkl", torch_like_pickle(
            [("x", "FloatStorage", "7", 4, 0, [4], [1])])),
        ("archive/data/0", storage)])
    write_zip("zip_dtype_conflict.pt", [
        ("archive/data.pkl", torch_like_pickle(
            [("a", "FloatStorage", "0", 4, 0, [4], [1]),
             ("b", "HalfStorage", "0", 8, 0, [8], [1])])),
        ("archive/data/0", storage)])
    write_zip("zip_broadcast_bomb.pt", [
        ("archive/data.pkl", torch_like_pickle(
            [("x", "FloatStorage", "0", 4, 0, [1 << 20, 1 << 10], [0, 0])])),
        ("archive/data/0", storage)])
    write_zip("zip_duplicate_name.pt", [
        ("archive/data.pkl", torch_like_pickle(
            [("x", "FloatStorage", "0", 4, 0, [4], [1]),
             ("x", "FloatStorage", "0", 4, 0, [2], [1])])),
        ("archive/data/0", storage)])


# ----------------------------------------------------------------- safetensors

ST_NAMES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
            torch.float64: "F64", torch.int64: "I64", torch.int32: "I32", torch.int16: "I16",
            torch.int8: "I8", torch.uint8: "U8", torch.bool: "BOOL"}


def tensor_bytes(t):
    t = t.contiguous()
    if t.dtype == torch.bfloat16:  # numpy has no bfloat16: go through int16 bits
        return t.view(torch.int16).numpy().tobytes()
    return t.numpy().tobytes()


def safetensors_bytes(tensors, metadata=None, pad=True):
    header, data = {}, b""
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, t in tensors.items():
        b = tensor_bytes(t)
        header[name] = {"dtype": ST_NAMES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [len(data), len(data) + len(b)]}
        data += b
    text = json.dumps(header, separators=(",", ":")).encode()
    if pad:  # like the reference writer: data starts 8-byte aligned
        text += b" " * ((-len(text)) % 8)
    return struct.pack("<Q", len(text)) + text + data


def raw_safetensors(header_text, data=b""):
    if isinstance(header_text, str):
        header_text = header_text.encode()
    return struct.pack("<Q", len(header_text)) + header_text + data


def safetensors_files():
    for dtype, tag in [(torch.float32, "f32"), (torch.float16, "f16"),
                       (torch.bfloat16, "bf16"), (torch.float64, "f64")]:
        write("st_%s.safetensors" % tag, safetensors_bytes(OrderedDict([
            ("matrix", pattern_tensor([2, 3], dtype)),
            ("vector", pattern_tensor([5], dtype)),
            ("scalar", pattern_tensor([], dtype)),
            ("empty", pattern_tensor([0, 4], dtype)),
        ]), metadata={"format": "pt"}))
    write("st_mixed.safetensors", safetensors_bytes(OrderedDict(
        [("t_" + ST_NAMES[dt].lower(), pattern_tensor([3], torch.float64).to(dt))
         for dt in ST_NAMES])))
    # Header length 65: every tensor's data is misaligned in the file.
    unaligned = safetensors_bytes(OrderedDict([("w", pattern_tensor([2, 3], torch.float32))]),
                                  pad=False)
    assert (8 + struct.unpack("<Q", unaligned[:8])[0]) % 4 != 0
    write("st_unaligned.safetensors", unaligned)

    f32x4 = struct.pack("<4f", 1, 2, 3, 4)
    bad = {
        "st_offsets_beyond": ('{"x":{"dtype":"F32","shape":[250],"data_offsets":[0,1000]}}', f32x4),
        "st_overlap": ('{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,12]},'
                       '"b":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}', f32x4),
        "st_huge_shape": ('{"x":{"dtype":"F32","shape":[4611686018427387904,4611686018427387904],'
                          '"data_offsets":[0,16]}}', f32x4),
        "st_dim_overflow": ('{"x":{"dtype":"F32","shape":[18446744073709551615],'
                            '"data_offsets":[0,16]}}', f32x4),
        "st_negative_dim": ('{"x":{"dtype":"F32","shape":[-1,4],"data_offsets":[0,16]}}', f32x4),
        "st_float_dim": ('{"x":{"dtype":"F32","shape":[4.0],"data_offsets":[0,16]}}', f32x4),
        "st_unknown_dtype": ('{"x":{"dtype":"Q7","shape":[4],"data_offsets":[0,16]}}', f32x4),
        "st_unsupported_dtype": ('{"x":{"dtype":"F8_E4M3","shape":[16],"data_offsets":[0,16]}}',
                                 f32x4),
        "st_size_mismatch": ('{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,16]}}', f32x4),
        "st_duplicate": ('{"x":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},'
                         '"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}', f32x4),
        "st_nul_name": ('{"a\\u0000b":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}', f32x4),
        "st_bad_utf8": (b'{"\xff\xfe":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}', f32x4),
        "st_deep_json": ('{"x":' + "[" * 64 + "]" * 64 + "}", b""),
        "st_metadata_not_str": ('{"__metadata__":{"a":1}}', b""),
        "st_not_object": ('{"x":[1,2]}', b""),
        "st_too_many_dims": ('{"x":{"dtype":"U8","shape":[1,1,1,1,1,1,1,1,1],'
                             '"data_offsets":[0,1]}}', b"\x01"),
        "st_trailing_garbage": ('{"x":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}xyz',
                                f32x4),
    }
    for name, (header, data) in bad.items():
        write(name + ".safetensors", raw_safetensors(header, data))
    # Header length larger than the file.
    write("st_header_too_long.safetensors", struct.pack("<Q", 1000000) + b'{"x":{}}')


def main():
    if not hasattr(torch.serialization, "_open_zipfile_writer"):
        sys.exit("needs torch >= 1.6")
    os.makedirs(OUT, exist_ok=True)
    torch_files()
    zip_files()
    safetensors_files()


if __name__ == "__main__":
    main()
