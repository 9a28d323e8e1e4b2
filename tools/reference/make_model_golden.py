"""Golden greedy outputs of a trained checkpoint, made with transformers.

Run on the GPU machine (transformers + torch, fp32, TF32 off):

    python3 tools/reference/make_model_golden.py --model DIR --dev .data/dev.tsv \
        --out golden.tsv [--per-lang 3] [--unk 10]

Picks --per-lang words spread over each language of the dev split (positions
0, n/3, 2n/3, ...), plus --unk words decoded with the `<unk>:` prefix, and
greedy-decodes each with both prefix styles (`<lang>:word`, `<lang>: word`),
batched, max_new_tokens 127 (the C++ test uses max_output_len 127).

Output TSV, one row per (word, style):
    lang  word  space(0|1)  hex  text  min_margin
hex: the UTF-8 bytes of the output after Hugging Face's decoding (ids 3..258
are bytes, stop at EOS, other ids dropped, invalid UTF-8 dropped as
errors="ignore" does), so the row survives any byte the model emits; text is
the same, readable (tabs/newlines escaped); min_margin: the smallest top-2
logit gap along the greedy path (a tiny one marks a near tie).
"""

import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hfutil  # noqa: E402


def pick(dev, per_lang, n_unk):
    by_lang = {}
    for lang, word in dev:
        by_lang.setdefault(lang, []).append(word)
    rows = []
    for lang in sorted(by_lang):
        words = by_lang[lang]
        for k in range(per_lang):
            rows.append((lang, words[(k * len(words)) // per_lang]))
    langs = sorted(by_lang)
    for k in range(n_unk):
        lang = langs[(k * len(langs)) // max(1, n_unk)]
        rows.append(("unk", by_lang[lang][-1]))
    return rows


def to_bytes(seq):
    out = bytearray()
    for t in seq:
        if t == hfutil.EOS_ID:
            break
        if 3 <= t < 259:
            out.append(t - 3)
    return out.decode("utf-8", errors="ignore").encode("utf-8")


@torch.no_grad()
def generate(model, inputs, device, max_new):
    L = max(len(x) for x in inputs)
    ids = torch.zeros(len(inputs), L, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for i, x in enumerate(inputs):
        ids[i, :len(x)] = torch.tensor(x)
        mask[i, :len(x)] = 1
    g = model.generate(input_ids=ids.to(device), attention_mask=mask.to(device),
                       max_new_tokens=max_new, num_beams=1, do_sample=False,
                       decoder_start_token_id=0, eos_token_id=1, pad_token_id=0,
                       output_scores=True, return_dict_in_generate=True)
    seqs = g.sequences[:, 1:].tolist()
    margins = []
    for i, seq in enumerate(seqs):
        m = float("inf")
        for step, t in enumerate(seq):
            top2 = torch.topk(g.scores[step][i].double(), 2).values
            m = min(m, float(top2[0] - top2[1]))
            if t == hfutil.EOS_ID:
                break
        margins.append(m)
    return seqs, margins


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--dev", required=True, help="lang<TAB>word<TAB>pron lines")
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-lang", type=int, default=3)
    ap.add_argument("--unk", type=int, default=10)
    ap.add_argument("--max-new-tokens", type=int, default=127)
    ap.add_argument("--batch", type=int, default=64)
    args = ap.parse_args()

    print(hfutil.setup_precision())
    device = hfutil.pick_device()
    print(hfutil.versions(), hfutil.device_desc(device))
    model = hfutil.load_hf_float32(args.model, device)
    dev = []
    with open(args.dev, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 2:
                dev.append((p[0], p[1]))
    rows = pick(dev, args.per_lang, args.unk)
    jobs = [(lang, word, sp) for lang, word in rows for sp in (0, 1)]
    out_rows = []
    for i in range(0, len(jobs), args.batch):
        chunk = jobs[i:i + args.batch]
        inputs = [[b + 3 for b in ("<%s>:%s%s" % (l, " " if sp else "", w)).encode()]
                  for l, w, sp in chunk]
        seqs, margins = generate(model, inputs, device, args.max_new_tokens)
        for (l, w, sp), seq, m in zip(chunk, seqs, margins):
            b = to_bytes(seq)
            text = b.decode("utf-8").replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            out_rows.append("%s\t%s\t%d\t%s\t%s\t%.4g" % (l, w, sp, b.hex(), text, m))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out_rows) + "\n")
    print("wrote %d rows (%d words x 2 prefix styles) to %s" % (len(out_rows), len(rows), args.out))


if __name__ == "__main__":
    main()
