#!/usr/bin/env python3
"""Cross-check an exported checkpoint (config.json + model.safetensors) with transformers.

  python training/verify_hf.py --model OUT [--dev .data/dev.tsv]

* loads it with transformers.T5ForConditionalGeneration.from_pretrained (fails on missing keys),
* greedy-decodes the dev split (all languages, input "<lang>: word", first variant as reference),
* prints per-language and macro PER / WER, uncapped and with outputs capped at --cap bytes,
* loads the same file into training/model.py and checks that logits and greedy outputs agree.
Without transformers (--no-hf) only our module is evaluated.
"""
import argparse
import json
import os
import struct
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import T5Config, T5ForConditionalGeneration  # noqa: E402
from train import decode_ids, edit_distance, encode_inputs, load_dev  # noqa: E402


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    dt = {"F16": np.float16, "F32": np.float32, "BF16": None}
    for k, v in header.items():
        if k == "__metadata__":
            continue
        a, b = v["data_offsets"]
        if v["dtype"] == "BF16":
            raw = np.frombuffer(data[a:b], dtype=np.uint16).astype(np.uint32) << 16
            arr = raw.view(np.float32)
        else:
            arr = np.frombuffer(data[a:b], dtype=dt[v["dtype"]]).astype(np.float32)
        out[k] = torch.from_numpy(arr.reshape(v["shape"]).copy())
    return out


def read_model_dir(d):
    if os.path.exists(os.path.join(d, "model.safetensors")):
        return read_safetensors(os.path.join(d, "model.safetensors"))
    idx = json.load(open(os.path.join(d, "model.safetensors.index.json")))
    out = {}
    for fn in sorted(set(idx["weight_map"].values())):
        out.update(read_safetensors(os.path.join(d, fn)))
    return out


def our_model(d, device):
    cfg = json.load(open(os.path.join(d, "config.json")))
    c = T5Config(vocab_size=cfg["vocab_size"], d_model=cfg["d_model"], d_kv=cfg["d_kv"], d_ff=cfg["d_ff"],
                 num_heads=cfg["num_heads"], num_layers=cfg["num_layers"],
                 num_decoder_layers=cfg["num_decoder_layers"],
                 relative_attention_num_buckets=cfg["relative_attention_num_buckets"],
                 relative_attention_max_distance=cfg["relative_attention_max_distance"],
                 layer_norm_epsilon=cfg["layer_norm_epsilon"])
    m = T5ForConditionalGeneration(c)
    sd = read_model_dir(d)
    missing, unexpected = m.load_state_dict(sd, strict=False)
    missing = [k for k in missing if not k.endswith("embed_tokens.weight")]
    if missing or unexpected:
        raise SystemExit("our module: missing %s unexpected %s" % (missing, unexpected))
    return m.to(device).eval()


def score(dev, hyps, cap=None):
    by = {}
    for (l, w, ref), h in zip(dev, hyps):
        if cap is not None:
            h = h.encode()[:cap].decode("utf-8", errors="ignore")
        e, n, wrong, c = by.get(l, (0, 0, 0, 0))
        by[l] = (e + edit_distance(h, ref), n + len(ref), wrong + (h != ref), c + 1)
    res = {l: (100.0 * e / max(n, 1), 100.0 * w / max(c, 1)) for l, (e, n, w, c) in by.items()}
    mp = sum(v[0] for v in res.values()) / max(len(res), 1)
    mw = sum(v[1] for v in res.values()) / max(len(res), 1)
    return mp, mw, res


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, help="folder with config.json + model.safetensors")
    ap.add_argument("--dev", default=os.path.join(root, ".data", "dev.tsv"))
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--max-new-tokens", type=int, default=128)
    ap.add_argument("--cap", type=int, default=19, help="also score outputs truncated to this many bytes")
    ap.add_argument("--compare", type=int, default=200, help="dev words to compare ours vs transformers")
    ap.add_argument("--no-hf", action="store_true", help="skip transformers (evaluate our module only)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N dev words (tests)")
    ap.add_argument("--per-language", action="store_true", help="print the per-language table")
    args = ap.parse_args()
    device = torch.device(args.device)
    dev = load_dev(args.dev)
    if args.limit:
        dev = dev[:args.limit]
    ours = our_model(args.model, device)

    def gen_ours(items, max_len):
        hyps = []
        for i in range(0, len(items), args.batch):
            ids = encode_inputs([(l, w) for l, w, _ in items[i:i + args.batch]], device)
            hyps += [decode_ids(r) for r in ours.generate(ids, max_len=max_len).tolist()]
        return hyps

    ok = True
    if args.no_hf:
        t = time.time()
        hyps = gen_ours(dev, args.max_new_tokens)
        label = "ours (no transformers)"
    else:
        import transformers
        from transformers import T5ForConditionalGeneration as HFT5
        print("transformers", transformers.__version__, "torch", torch.__version__)
        try:
            hf, info = HFT5.from_pretrained(args.model, dtype=torch.float32, output_loading_info=True)
        except TypeError:
            hf, info = HFT5.from_pretrained(args.model, torch_dtype=torch.float32, output_loading_info=True)
        print("loading info:", {k: v for k, v in info.items() if v})
        missing = [k for k in info.get("missing_keys", []) if not k.endswith("embed_tokens.weight")]
        if missing or info.get("mismatched_keys"):
            print("ERROR: transformers did not load all weights:", missing, info.get("mismatched_keys"))
            ok = False
        hf = hf.to(device).eval()
        # 1) logits agree (teacher forcing on a few dev words)
        items = dev[:64]
        ids = encode_inputs([(l, w) for l, w, _ in items], device)
        dec = torch.zeros(len(items), 12, dtype=torch.long, device=device)
        dec[:, 1:] = (torch.arange(11, device=device) % 40 + 40)[None, :]
        with torch.no_grad():
            a = hf(input_ids=ids, attention_mask=(ids != 0).long(), decoder_input_ids=dec).logits
            b = ours(ids, dec)
        diff = (a - b).abs().max().item()
        print("max |logit difference| ours vs transformers: %.3e" % diff)
        if diff > 1e-3 * max(1.0, a.abs().max().item()):
            print("ERROR: logits differ")
            ok = False
        # 2) greedy decoding of the whole dev split with transformers
        t = time.time()
        hyps = []
        for i in range(0, len(dev), args.batch):
            ids = encode_inputs([(l, w) for l, w, _ in dev[i:i + args.batch]], device)
            with torch.no_grad():
                out = hf.generate(input_ids=ids, attention_mask=(ids != 0).long(), do_sample=False, num_beams=1,
                                  max_new_tokens=args.max_new_tokens, decoder_start_token_id=0,
                                  eos_token_id=1, pad_token_id=0)
            for r in out.tolist():
                hyps.append(decode_ids(r[1:] if r and r[0] == 0 else r))
        label = "transformers greedy"
        # 3) identical greedy outputs ours vs transformers
        n = min(args.compare, len(dev))
        mine = gen_ours(dev[:n], args.max_new_tokens)
        same = sum(x == y for x, y in zip(mine, hyps[:n]))
        print("greedy outputs identical ours vs transformers: %d / %d" % (same, n))
        for x, y, (l, w, _) in list(zip(mine, hyps[:n], dev[:n]))[:400]:
            if x != y:
                print("   differs: %s %s  ours=%s  hf=%s" % (l, w, x, y))
        if same < n:
            ok = ok and same >= 0.99 * n  # float ties may flip a rare argmax
    dt = time.time() - t
    mp, mw, res = score(dev, hyps)
    cp, cw, cres = score(dev, hyps, cap=args.cap)
    if args.per_language:
        print("%-9s %7s %7s %9s %9s" % ("lang", "PER", "WER", "PER@%d" % args.cap, "WER@%d" % args.cap))
        for l in sorted(res):
            print("%-9s %7.2f %7.2f %9.2f %9.2f" % (l, res[l][0], res[l][1], cres[l][0], cres[l][1]))
    print("%s on %d dev words, %d languages (%.1fs)" % (label, len(dev), len(res), dt))
    print("macro PER %.2f  WER %.2f   |  capped at %d bytes: PER %.2f  WER %.2f" % (mp, mw, args.cap, cp, cw))
    for l, w, _ in dev[:5]:
        pass
    print("examples:", "; ".join("%s:%s -> %s" % (l, w, h) for (l, w, _), h in list(zip(dev, hyps))[::997][:6]))
    if not ok:
        print("VERIFY FAILED")
        sys.exit(1)
    print("VERIFY OK")


if __name__ == "__main__":
    main()
