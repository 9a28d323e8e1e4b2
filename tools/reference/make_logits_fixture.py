#!/usr/bin/env python3
"""Record per-step greedy logits of a CharsiuG2P-style T5 checkpoint with
transformers (float32, TF32 off).

    python3 tools/reference/make_logits_fixture.py --model DIR --out FILE

Output (text, UTF-8):
    # one or more comment lines (source, transformers / torch versions, device, dtype)
    input<TAB>step<TAB>argmax<TAB>384 space-separated logits ('%.8g')
step 0 is the first generated token (decoder input = start token 0 only);
the row of step k holds the logits produced after feeding tokens
0, out[0], ..., out[k-1]; the last row of a word is its EOS step when the
word finished within --max-new-tokens.

Default words: 6 entries of the fixture's golden_dev_nosp.tsv whose greedy
output ends in EOS within 20 steps (input = "<lang>:" + word, no space).
Cross-checks printed: manual loop == model.generate, decoded output == the
folder's golden_dev_nosp.tsv prediction (when present), and transformers
logits vs t5ref (independent float64 implementation, engine rules).
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import t5ref  # noqa: E402

# (lang, word): picked from golden_dev_nosp.tsv of tiny-g2p-8x4 with t5ref
# (prediction <= 19 bytes -> <= 20 steps incl. EOS, comfortable top1-top2 margins;
# step counts / margins below as computed by t5ref in float64).
DEFAULT_WORDS = [
    ("eng-us", "shirking"),     # 14 steps, min margin ~0.21
    ("ady", "къэщэчын"),        # 13 steps, ~0.16
    ("tha", "เถื่อน"),           # 16 steps, ~0.17
    ("zho-s", "头舱"),          # 20 steps, ~0.05
    ("rus", "повеселеете"),     # 16 steps, ~0.36
    ("ara", "والشارح"),         # 16 steps, ~0.13
]
# Their predictions in tiny-g2p-8x4/golden_dev_nosp.tsv (used when no golden
# file is found, e.g. when --model is the repo's models/default copy).
BUILTIN_GOLDEN = {
    ("eng-us", "shirking"): "ˈʃɪɹɪŋk",
    ("ady", "къэщэчын"): "qaʃat͡ʃan",
    ("tha", "เถื่อน"): "t͡ɕʰiːn˥˩",
    ("zho-s", "头舱"): "tɕʰi˥˩tɕʰɥ˥",
    ("rus", "повеселеете"): "pˈosevɛlɛtɛ",
    ("ara", "والشارح"): ".ʃalaralaʃˈa",
}


def read_golden(folder, path=""):
    p = path or os.path.join(folder, "golden_dev_nosp.tsv")
    res = {}
    if not os.path.exists(p):
        print("# golden file %s not found: comparing with the built-in predictions of the default words" % p)
        return dict(BUILTIN_GOLDEN)
    print("# golden predictions from %s" % p)
    if os.path.exists(p):
        with open(p, "r", encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 4:
                    res[(parts[0], parts[1])] = parts[3]
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="checkpoint folder (config.json + model.safetensors)")
    ap.add_argument("--out", required=True, help="output TSV file")
    ap.add_argument("--words", default="", help="override: comma-separated lang:word items, e.g. 'eng-us:maddie,tha:หัก'")
    ap.add_argument("--golden", default="", help="golden_dev_nosp.tsv to compare decoded outputs with "
                    "(default: MODEL/golden_dev_nosp.tsv, else built-in predictions of the default words)")
    ap.add_argument("--max-new-tokens", type=int, default=40)
    ap.add_argument("--device", default="", help="cuda / cpu (default: cuda if available)")
    args = ap.parse_args()

    import hfutil

    prec = hfutil.setup_precision()
    device = hfutil.pick_device(args.device or None)
    vers = hfutil.versions()
    print("# %s" % vers)
    print("# device %s; precision: %s" % (hfutil.device_desc(device), prec))

    if args.words:
        words = [tuple(item.split(":", 1)) for item in args.words.split(",") if item]
    else:
        words = DEFAULT_WORDS
    golden = read_golden(args.model, args.golden)
    wfile = os.path.join(args.model, "model.safetensors")
    sha = "n/a"
    if os.path.exists(wfile):
        import hashlib
        h = hashlib.sha256()
        with open(wfile, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        sha = h.hexdigest()
    print("# model.safetensors sha256 %s" % sha)

    t0 = time.time()
    hf = hfutil.load_hf_float32(args.model, device)
    cfg, w, dts = t5ref.load_checkpoint(args.model)
    ref = t5ref.T5Ref(cfg, w, dtype=torch.float64, device="cpu")
    print("# checkpoint dtypes %s; tie_word_embeddings=%s scale_decoder_outputs=%s -> engine scale=%s, output matrix %s" % (
        sorted(set(dts.values())), cfg.get("tie_word_embeddings", "<absent>"),
        cfg.get("scale_decoder_outputs", "<absent>"), ref.scale, ref.lm_head_from))

    lines = []
    problems = 0
    max_diff = 0.0
    n_rows = 0
    for lang, word in words:
        text = "<%s>:%s" % (lang, word)
        ids = t5ref.encode(text)
        out, steps = hfutil.hf_greedy(hf, ids, device, args.max_new_tokens)
        mg = hfutil.margins(steps)
        try:
            gen = hfutil.hf_generate(hf, ids, device, args.max_new_tokens)
        except Exception as e:
            gen = "generate failed: %s: %s" % (type(e).__name__, e)
        enc = ref.encode(ids)
        rl = ref.decoder_logits(enc, [0] + out[:-1])
        d = (rl - torch.stack(steps).double()).abs().max().item()
        max_diff = max(max_diff, d)
        dec = t5ref.decode(out)
        gold = golden.get((lang, word))
        eos = out[-1] == t5ref.EOS_ID
        flags = []
        if gen != out:
            flags.append("GENERATE_MISMATCH(%s)" % (gen,))
        if gold is not None and gold != dec:
            flags.append("GOLDEN_MISMATCH(golden=%r)" % gold)
        if not eos:
            flags.append("NO_EOS")
        problems += bool(flags)
        print("%s\tsteps=%d eos=%d min_margin=%.4g t5ref_maxdiff=%.3g decoded=%r %s" % (
            text, len(out), eos, min(mg), d, dec, " ".join(flags) or "ok"))
        for k, lg in enumerate(steps):
            vals = lg.to(torch.float32).tolist()
            assert len(vals) == 384, len(vals)
            lines.append("%s\t%d\t%d\t%s" % (text, k, out[k], " ".join("%.8g" % v for v in vals)))
            n_rows += 1

    header = [
        "# per-step greedy logits; source: %s (model.safetensors sha256 %s; T5ForConditionalGeneration.from_pretrained as float32)" % (args.model, sha),
        "# %s; device %s; dtype float32; TF32 disabled; manual greedy loop, no KV cache, decoder start 0, inputs '<lang>:word' bytes+3 without EOS" % (vers, hfutil.device_desc(device)),
        "# columns: input<TAB>step<TAB>argmax<TAB>384 logits (%%.8g); max |logit - t5ref float64| over file: %.3g" % max_diff,
    ]
    d = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(d, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(h + "\n")
        for line in lines:
            f.write(line + "\n")
    size = os.path.getsize(args.out)
    print("SUMMARY fixture_logits: words=%d rows=%d bytes=%d words_with_problems=%d t5ref_max_logit_diff=%.3g time=%.1fs -> %s" % (
        len(words), n_rows, size, problems, max_diff, time.time() - t0, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
