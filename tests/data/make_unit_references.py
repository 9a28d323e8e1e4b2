#!/usr/bin/env python3
"""Reference numbers for unit tests, computed by independent implementations:
PyTorch (transformers' relative-position formula, copied verbatim) and
CPython's UTF-8 decoder. Run with /usr/bin/python3 (Debian python3-torch):

    /usr/bin/python3 tests/data/make_unit_references.py tests/data
"""
import math
import sys

import torch


def relative_position_bucket(relative_position, bidirectional=True, num_buckets=32, max_distance=128):
    # transformers.models.t5.modeling_t5.T5Attention._relative_position_bucket
    relative_buckets = 0
    if bidirectional:
        num_buckets //= 2
        relative_buckets += (relative_position > 0).to(torch.long) * num_buckets
        relative_position = torch.abs(relative_position)
    else:
        relative_position = -torch.min(relative_position, torch.zeros_like(relative_position))
    max_exact = num_buckets // 2
    is_small = relative_position < max_exact
    relative_position_if_large = max_exact + (
        torch.log(relative_position.float() / max_exact)
        / math.log(max_distance / max_exact)
        * (num_buckets - max_exact)
    ).to(torch.long)
    relative_position_if_large = torch.min(
        relative_position_if_large, torch.full_like(relative_position_if_large, num_buckets - 1)
    )
    relative_buckets += torch.where(is_small, relative_position, relative_position_if_large)
    return relative_buckets


def main(out_dir):
    rp = torch.arange(-300, 301, dtype=torch.long)
    with open(f"{out_dir}/relative_buckets.tsv", "w") as f:
        f.write("# relative_position\tbidirectional\tnum_buckets\tmax_distance\tbucket (torch %s)\n" % torch.__version__)
        for bidi in (True, False):
            for nb, md in ((32, 128), (32, 64), (16, 100)):
                b = relative_position_bucket(rp, bidi, nb, md)
                for r, v in zip(rp.tolist(), b.tolist()):
                    f.write(f"{r}\t{int(bidi)}\t{nb}\t{md}\t{v}\n")
    cases = [b"abc", b"\xc3\xa9", b"\xc3", b"a\xc3b", b"\xe2\x82\xac", b"\xe2\x82", b"\xe2\x82a",
             b"\xe2\x82\xe2\x82\xac", b"\xed\xa0\x80x", b"\xf0\x9f\x98\x80", b"\xf0\x9f\x98",
             b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xff\xfe", b"\x80abc",
             b"\xf0\x8f\xbf\xbf", b"\xef\xbf\xbf", b"z\xf3\xa0\x81", bytes(range(0x7b, 0x85))]
    with open(f"{out_dir}/utf8_ignore.tsv", "w") as f:
        f.write("# input bytes (hex)\tbytes.decode('utf-8', 'ignore') re-encoded (hex)\n")
        for c in cases:
            f.write(c.hex() + "\t" + c.decode("utf-8", "ignore").encode().hex() + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/data")
