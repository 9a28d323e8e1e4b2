#!/usr/bin/env python3
"""Offline tuning / preview of the random checkpoints WITHOUT transformers.

Runs the pure-torch reference (t5ref, float64) on the exact weights
make_random_checkpoints.py will create (same numpy generator, same rounding
to the storage dtype) and prints per-checkpoint statistics: how many outputs
end in EOS within 40 steps, output lengths, min top1-top2 margins.

    python3 tools/reference/tune_local.py [--only tiny8] [--seed N] [--logit-std X] [--eos-scale Y]
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import t5ref  # noqa: E402
import make_random_checkpoints as mrc  # noqa: E402


def preview(spec, inputs, verbose):
    cfg = mrc.spec_cfg_dict(spec)
    w = mrc.round_weights(t5ref.gen_weights(cfg, spec["seed"], spec["knobs"]), spec["dtype"])
    ref = t5ref.T5Ref(cfg, w, dtype=torch.float64)
    n_eos, lens, mms, outs = 0, [], [], []
    for text in inputs:
        out, steps = ref.greedy(t5ref.encode(text), mrc.MAX_NEW_TOKENS)
        mm = min(t5ref.margin(s) for s in steps)
        eos = out[-1] == t5ref.EOS_ID
        n_eos += eos
        lens.append(len(out))
        mms.append(mm)
        outs.append(tuple(out))
        if verbose:
            print("   %-40s len=%2d eos=%d min_margin=%.4g %s" % (text[:40], len(out), eos, mm, out[:12]))
    nparams = sum(v.size for v in w.values())
    bpe = {"float32": 4, "bfloat16": 2, "float16": 2}[spec["dtype"]]
    print("%-7s seed=%d knobs=%s params=%d (~%d KB) eos=%d/%d lens=%s min_margin<1e-3: %d  smallest margin %.3g distinct=%d" % (
        spec["name"], spec["seed"], spec["knobs"], nparams, nparams * bpe // 1024, n_eos, len(inputs),
        sorted(lens), sum(m < 1e-3 for m in mms), min(mms), len(set(outs))))
    return n_eos


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--logit-std", type=float, default=None)
    ap.add_argument("--eos-scale", type=float, default=None)
    ap.add_argument("--dev", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "charsiug2p", "dev"))
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    words, src = mrc.select_words(os.path.normpath(args.dev))
    inputs = mrc.build_inputs(words)
    print("%d inputs, words from %s" % (len(inputs), src))
    for spec in mrc.SPECS:
        if args.only and spec["name"] not in args.only.split(","):
            continue
        spec = dict(spec, knobs=dict(spec["knobs"]))
        if args.seed is not None:
            spec["seed"] = args.seed
        if args.logit_std is not None:
            spec["knobs"]["logit_std"] = args.logit_std
        if args.eos_scale is not None:
            spec["knobs"]["eos_scale"] = args.eos_scale
        preview(spec, inputs, args.v)


if __name__ == "__main__":
    main()
