#!/usr/bin/env python3
"""Fast CPU self-test of the training pipeline (no data files, no transformers needed).

  python training/selftest.py

Checks: batch construction (prefixes, EOS, decoder shift), relative position buckets,
checkpoint round trip (compact + full), optimizer state restore, safetensors export
(header, offsets, values) and reload into our module with identical logits/greedy output.
"""
import json
import os
import struct
import sys
import tempfile

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as T  # noqa: E402
from model import CONFIGS, T5Config, T5ForConditionalGeneration, relative_position_bucket  # noqa: E402
from verify_hf import our_model  # noqa: E402

fails = 0


def check(cond, what):
    global fails
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails += 1


def main():
    torch.manual_seed(0)
    dev = torch.device("cpu")
    # ---- data / batch construction
    langs = [b"eng-us", b"ita", b"hbs-latn", b"ita"]
    words = ["hello".encode(), "città".encode(), "riječ".encode(), "a".encode()]
    prons = ["həˈloʊ".encode(), "tʃitˈta".encode(), "rîjeːt͡ɕ".encode(), "a".encode()]
    data = T.Data(langs, words, prons, [(24, 16), (64, 128)], dev)
    idx = torch.arange(4)
    ids, dec, lab = data.batch(idx, 24, 16, unk_prob=0.0, space_prob=1.0)
    got = [T.decode_ids(r) for r in ids.tolist()]
    check(got == ["<eng-us>: hello", "<ita>: città", "<hbs-latn>: riječ", "<ita>: a"], "inputs with space prefix: %s" % got)
    check(bool((ids[0, len("<eng-us>: hello".encode()):] == 0).all()), "no EOS on inputs, zero padded")
    ids2, _, _ = data.batch(idx, 24, 16, unk_prob=1.0, space_prob=0.0)
    check([T.decode_ids(r) for r in ids2.tolist()] == ["<unk>:hello", "<unk>:città", "<unk>:riječ", "<unk>:a"], "unk prefix")
    n = len("həˈloʊ".encode())
    check(lab[0, n].item() == 1 and lab[0, n + 1].item() == -100, "EOS after label, rest ignored")
    check(dec[0, 0].item() == 0 and torch.equal(dec[0, 1:n + 1], lab[0, :n]), "decoder input = [0] + labels[:-1]")
    check(T.decode_ids([t for t in lab[1].tolist() if t != -100]) == "tʃitˈta", "label bytes round trip")
    # ---- relative position buckets (hand-computed from transformers' formula:
    #      bidirectional -20 -> 8 + int(log(20/8)/log(16)*8) = 10; causal -20 -> 16 + int(log(20/16)/log(8)*16) = 17)
    rp = torch.tensor([-200, -20, -8, -1, 0, 1, 8, 20, 200])
    check(relative_position_bucket(rp, True).tolist() == [15, 10, 8, 1, 0, 17, 24, 26, 31], "bidirectional buckets")
    check(relative_position_bucket(rp, False).tolist() == [31, 17, 8, 1, 0, 0, 0, 0, 0], "causal buckets")
    # ---- checkpoint round trip
    cfg = T5Config(**CONFIGS["micro"])
    m = T5ForConditionalGeneration(cfg)
    params = [p for _, p in T.params_named(m)]
    opt = torch.optim.AdamW(params, lr=1e-3)
    ids, dec, lab = data.batch(idx, 16, 16, 0.15, 0.5)
    for _ in range(3):
        loss = torch.nn.functional.cross_entropy(m(ids, dec).view(-1, 384), lab.view(-1), ignore_index=-100)
        loss.backward()
        opt.step()
        opt.zero_grad()
    with tempfile.TemporaryDirectory() as d:
        T.save_checkpoint(d, m, opt, {"step": 3, "config": "micro", "plan": {"epoch": 0, "ptr": 0}}, "bf16")
        m2 = T5ForConditionalGeneration(cfg)
        opt2 = torch.optim.AdamW([p for _, p in T.params_named(m2)], lr=1e-3)
        meta, have = T.load_checkpoint(d, m2, opt2, dev)
        werr = max(((a - b).abs() / (a.abs() + 1e-12)).max().item() for a, b in zip(params, m2.parameters()))
        check(not have and meta["step"] == 3 and werr < 2 ** -8, "bf16: weights restored (max rel err %.1e), no optimizer state" % werr)
        sizes = [os.path.getsize(os.path.join(d, f)) for f in os.listdir(d) if f.startswith("ckpt_")]
        print("     bf16 checkpoint: %d shard(s), %.2f bytes/param" % (len(sizes), sum(sizes) / sum(p.numel() for p in params)))
    for fmt in ("compact", "full"):
        with tempfile.TemporaryDirectory() as d:
            T.save_checkpoint(d, m, opt, {"step": 3, "config": "micro", "plan": {"epoch": 0, "ptr": 0}}, fmt)
            m2 = T5ForConditionalGeneration(cfg)
            opt2 = torch.optim.AdamW([p for _, p in T.params_named(m2)], lr=1e-3)
            meta, have = T.load_checkpoint(d, m2, opt2, dev)
            werr = max(((a - b).abs() / (a.abs() + 1e-12)).max().item() for a, b in zip(params, m2.parameters()))
            check(have and meta["step"] == 3, "%s: optimizer state present" % fmt)
            check(werr < (1e-4 if fmt == "compact" else 1e-12), "%s: weights restored (max rel err %.1e)" % (fmt, werr))
            s1, s2 = opt.state_dict()["state"], opt2.state_dict()["state"]
            e1 = max((s1[k]["exp_avg"] - s2[k]["exp_avg"]).abs().max().item() /
                     (s1[k]["exp_avg"].abs().max().item() + 1e-30) for k in s1)
            e2 = max(((s1[k]["exp_avg_sq"] - s2[k]["exp_avg_sq"]).abs() /
                      (s1[k]["exp_avg_sq"] + 1e-30)).max().item() for k in s1)
            ok2 = e2 < (0.2 if fmt == "compact" else 1e-12)
            check(e1 < (0.01 if fmt == "compact" else 1e-12) and ok2,
                  "%s: Adam moments restored (m err %.1e of absmax, v rel err %.1e)" % (fmt, e1, e2))
            check(all(float(s2[k]["step"]) == 3 for k in s2), "%s: Adam step restored" % fmt)
            sizes = [os.path.getsize(os.path.join(d, f)) for f in os.listdir(d) if f.startswith("ckpt_")]
            print("     %s checkpoint: %d shard(s), %.1f bytes/param" % (fmt, len(sizes), sum(sizes) / sum(p.numel() for p in params)))
    # ---- safetensors export
    with tempfile.TemporaryDirectory() as d:
        T.export_hf(d, m, cfg)
        path = os.path.join(d, "model.safetensors")
        with open(path, "rb") as f:
            n = struct.unpack("<Q", f.read(8))[0]
            header = json.loads(f.read(n))
            body = f.read()
        check(n % 8 == 0, "header length multiple of 8")
        names = sorted(k for k in header if k != "__metadata__")
        check(set(names) == set(m.state_dict().keys()), "all state_dict names exported (%d tensors)" % len(names))
        ends = sorted(tuple(header[k]["data_offsets"]) for k in names)
        contiguous = ends[0][0] == 0 and all(a[1] == b[0] for a, b in zip(ends, ends[1:])) and ends[-1][1] == len(body)
        check(contiguous, "data offsets contiguous and cover the file")
        check(all(header[k]["dtype"] == "F16" for k in names), "dtype F16")
        conf = json.load(open(os.path.join(d, "config.json")))
        check(conf["tie_word_embeddings"] is False and conf["feed_forward_proj"] == "gated-gelu" and
              conf["vocab_size"] == 384 and conf["num_layers"] == 2, "config.json fields")
        m3 = our_model(d, dev)
        m_half = T5ForConditionalGeneration(cfg)
        m_half.load_state_dict({k: v.half().float() for k, v in m.state_dict().items()})
        m_half.eval()
        with torch.no_grad():
            a, b = m3(ids, dec), m_half(ids, dec)
        check(torch.allclose(a, b, atol=1e-5), "reloaded export gives identical logits")
        check(torch.equal(m3.generate(ids, 10), m_half.generate(ids, 10)), "identical greedy output")
    # sharded export
    with tempfile.TemporaryDirectory() as d:
        files = T.export_hf(d, m, cfg, max_file=100_000)
        check(len(files) > 2 and os.path.exists(os.path.join(d, "model.safetensors.index.json")), "sharded export")
        m4 = our_model(d, dev)
        with torch.no_grad():
            check(torch.allclose(m4(ids, dec), a, atol=1e-5), "sharded export reloads identically")
    # manual vs sdpa attention (when available)
    mm = T5ForConditionalGeneration(cfg).eval()
    att = [mod for mod in mm.modules() if hasattr(mod, "use_sdpa")]
    if att[0].use_sdpa:
        with torch.no_grad():
            x = mm(ids, dec)
            for mod in att:
                mod.use_sdpa = False
            y = mm(ids, dec)
        check(torch.allclose(x, y, atol=1e-4), "SDPA == manual attention")
    else:
        print("skip SDPA comparison (torch %s has no SDPA with scale=)" % torch.__version__)
    print("selftest: %d failed" % fails)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
