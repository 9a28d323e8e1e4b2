#!/usr/bin/env python3
"""Make tiny random-weight T5ForConditionalGeneration checkpoints plus greedy
golden outputs computed with transformers (float32, TF32 off).

    python3 tools/reference/make_random_checkpoints.py --out DIR [--dev DEVDIR]

For each spec in SPECS writes DIR/<name>/:
    config.json, generation_config.json (whatever save_pretrained writes),
    model.safetensors or pytorch_model.bin,
    golden.tsv   header "input<TAB>ids<TAB>min_margin"; ids = generated ids
                 (no start token 0, final 1 included when EOS was produced);
                 words with min_margin < 1e-3 are dropped.
    report.txt   per-word diagnostics (all words, also the dropped ones).

Weights come from a deterministic numpy generator (t5ref.gen_param), not from
transformers' init, so they are identical on every machine; the knobs
(logit_std, eos_scale, seed) were tuned offline with tools/reference/tune_local.py
(pure-torch reference, no transformers) so that outputs have varying lengths
and most end with EOS within 40 steps.

Golden outputs come from the checkpoint re-loaded from disk with transformers
as float32 (for the bf16 / f16 checkpoints: the rounded weights upcast).
Cross-checks printed for every checkpoint:
  * reloaded transformers params == tensors in the saved file;
  * manual greedy loop == model.generate;
  * transformers == in-memory model (before the save / reload round trip);
  * transformers logits vs t5ref (independent float64 implementation that
    reads the saved files with the ENGINE's rules: scale_decoder_outputs /
    tie_word_embeddings scaling, lm_head.weight else shared.weight).
"""

import argparse
import json
import os
import shutil
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import t5ref  # noqa: E402

MAX_NEW_TOKENS = 40
MIN_MARGIN = 1e-3

COMMON_HF = dict(
    vocab_size=384,
    relative_attention_num_buckets=32,
    relative_attention_max_distance=128,
    dropout_rate=0.1,
    layer_norm_epsilon=1e-6,
    initializer_factor=1.0,
    is_encoder_decoder=True,
    use_cache=True,
    pad_token_id=0,
    eos_token_id=1,
    decoder_start_token_id=0,
)

# save: "safetensors" | "bin";  dtype: dtype the checkpoint is stored in.
SPECS = [
    dict(name="tiny8", seed=1010, save="safetensors", dtype="float32",
         knobs=dict(logit_std=4.0, eos_scale=2.5, out_scale=1.0),
         hf=dict(num_layers=6, num_decoder_layers=2, feed_forward_proj="gated-gelu",
                 d_ff=64, d_model=32, num_heads=6, d_kv=8, tie_word_embeddings=False)),
    dict(name="tiny12", seed=1018, save="safetensors", dtype="float32",
         knobs=dict(logit_std=4.0, eos_scale=3.0, out_scale=1.0),
         hf=dict(num_layers=8, num_decoder_layers=4, feed_forward_proj="gated-gelu",
                 d_ff=96, d_model=32, num_heads=6, d_kv=8, tie_word_embeddings=False)),
    dict(name="tiny16", seed=1020, save="bin", dtype="float32",
         knobs=dict(logit_std=4.0, eos_scale=2.5, out_scale=1.0),
         hf=dict(num_layers=12, num_decoder_layers=4, feed_forward_proj="gated-gelu",
                 d_ff=96, d_model=32, num_heads=6, d_kv=8, tie_word_embeddings=False)),
    dict(name="small", seed=1050, save="safetensors", dtype="bfloat16",
         knobs=dict(logit_std=4.0, eos_scale=2.5, out_scale=1.0),
         hf=dict(num_layers=12, num_decoder_layers=4, feed_forward_proj="gated-gelu",
                 d_ff=112, d_model=46, num_heads=6, d_kv=8, tie_word_embeddings=False)),
    dict(name="relu", seed=1109, save="safetensors", dtype="float16",
         knobs=dict(logit_std=2.0, eos_scale=6.0, out_scale=20.0),
         hf=dict(num_layers=6, num_decoder_layers=2, feed_forward_proj="relu",
                 d_ff=64, d_model=32, num_heads=4, d_kv=8, tie_word_embeddings=True)),
]

# ---------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------
LANGS = ["eng-us", "fra", "ger", "rus", "ara", "tha", "kor", "jpn", "hin", "ady", "geo", "zho-s"]
SPACE_LANGS = ["eng-us", "rus", "tha", "zho-s"]  # "<lang>: word" variants (first word)

# The first two words of each LANGS file of the CharsiuG2P dev split, used when
# --dev is not available (select_words() checks they agree when it is).
FALLBACK_WORDS = {
    "eng-us": ["maddie", "toti"],
    "fra": ["primate", "débiliterons"],
    "ger": ["zusammenkaufender", "erfolgversprechender"],
    "rus": ["компаративе", "вытерпело"],
    "ara": ["للغذ", "والشارح"],
    "tha": ["ความหมิ่นประมาท", "หัก"],
    "kor": ["부장", "복합 대명사"],
    "jpn": ["お叱り", "三名山"],
    "hin": ["ग़म", "टीकाकरण"],
    "ady": ["пэтырэ", "лъэ"],
    "geo": ["ანანიძე", "ფლოტილია"],
    "zho-s": ["矜", "头舱"],
}

LONG_40 = "<eng-us>:" + "pneumonoultramicroscopicsilicovolcanosis"  # 40-byte word
# ~150-byte word: relative distances > max_distance (128) in the encoder.
LONG_150 = "<rus>:" + "достопримечательностьпереосвидетельствованиечеловеконенавистничество"
UNK_INPUT = "<unk>:test"


def select_words(dev_dir):
    words = {}
    src = "fallback (built-in)"
    if dev_dir and os.path.isdir(dev_dir):
        src = dev_dir
        for lang in LANGS:
            p = os.path.join(dev_dir, lang + ".tsv")
            got = []
            with open(p, "r", encoding="utf-8") as f:
                for line in f:
                    line = line.rstrip("\n")
                    if not line:
                        continue
                    got.append(line.split("\t")[0])
                    if len(got) == 2:
                        break
            words[lang] = got
        diff = [l for l in LANGS if words[l] != FALLBACK_WORDS[l]]
        if diff:
            print("WARNING: dev words differ from the built-in list for %s (using the dev ones)" % diff)
    else:
        if dev_dir:
            print("WARNING: dev dir %s not found; using the built-in word list" % dev_dir)
        words = {l: list(FALLBACK_WORDS[l]) for l in LANGS}
    return words, src


def build_inputs(words):
    inputs = []
    for lang in LANGS:
        for w in words[lang]:
            inputs.append("<%s>:%s" % (lang, w))
    for lang in SPACE_LANGS:
        inputs.append("<%s>: %s" % (lang, words[lang][0]))
    inputs += [LONG_40, LONG_150, UNK_INPUT]
    return inputs


def spec_cfg_dict(spec):
    """The config as a plain dict for t5ref (as the engine would read an
    old-style config: no scale_decoder_outputs key)."""
    c = dict(COMMON_HF)
    c.update(spec["hf"])
    return c


def torch_dtype(name):
    return {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[name]


def round_weights(weights, dtype_name):
    """Round float32 numpy weights through the storage dtype (what saving does)."""
    if dtype_name == "float32":
        return weights
    dt = torch_dtype(dtype_name)
    return {k: torch.from_numpy(v).to(dt).to(torch.float32).numpy() for k, v in weights.items()}


# ---------------------------------------------------------------------------
# transformers part
# ---------------------------------------------------------------------------
def build_hf_model(spec):
    from transformers import T5Config, T5ForConditionalGeneration

    kw = dict(COMMON_HF)
    kw.update(spec["hf"])
    config = T5Config(**kw)
    torch.manual_seed(spec["seed"])  # transformers' own init (overwritten below)
    model = T5ForConditionalGeneration(config).eval()
    tied = bool(spec["hf"]["tie_word_embeddings"])
    cfgd = spec_cfg_dict(spec)
    known = set(t5ref.canonical_names(cfgd))
    cache = {}
    filled, unknown = [], []
    with torch.no_grad():
        for name, p in model.named_parameters():
            key = t5ref.canonical_key(name, tied)
            if key not in known:
                unknown.append(name)
                continue
            if key not in cache:
                cache[key] = t5ref.gen_param(cfgd, key, spec["seed"], spec["knobs"])
            a = torch.from_numpy(cache[key])
            assert tuple(a.shape) == tuple(p.shape), (name, a.shape, p.shape)
            p.copy_(a)
            filled.append(name)
    print("  named_parameters filled: %d  (%s)" % (len(filled), ", ".join(n for n in filled if "block" not in n)))
    if unknown:
        print("  ERROR: parameters with no generator (left at transformers init): %s" % unknown)
    # Verify every state_dict entry holds the intended values (detects
    # unexpected tying, e.g. lm_head tied to shared in an untied config).
    bad = []
    for name, t in model.state_dict().items():
        key = t5ref.canonical_key(name, tied)
        if key not in known:
            continue
        if key not in cache:
            cache[key] = t5ref.gen_param(cfgd, key, spec["seed"], spec["knobs"])
        if not torch.equal(t.detach().cpu().float(), torch.from_numpy(cache[key])):
            bad.append(name)
    if bad:
        print("  WARNING: state_dict entries differ from the generated weights: %s" % bad)
    try:
        same = model.lm_head.weight.data_ptr() == model.shared.weight.data_ptr()
        print("  in-memory: lm_head.weight shares storage with shared.weight: %s" % same)
    except Exception as e:
        print("  in-memory: lm_head/shared check failed: %s" % e)
    return model


def save_checkpoint(model, spec, folder):
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    how = None
    if spec["save"] == "safetensors":
        model.save_pretrained(folder)
        how = "save_pretrained() [safetensors]"
    else:
        try:
            model.save_pretrained(folder, safe_serialization=False)
            how = "save_pretrained(safe_serialization=False)"
        except Exception as e:
            print("  save_pretrained(safe_serialization=False) raised %s: %s" % (type(e).__name__, e))
        if not os.path.exists(os.path.join(folder, "pytorch_model.bin")):
            print("  no pytorch_model.bin written by save_pretrained -> torch.save(model.state_dict())")
            for fn in os.listdir(folder):
                if fn.endswith(".safetensors") or fn.endswith(".index.json") or fn.endswith(".bin"):
                    os.remove(os.path.join(folder, fn))
            if not os.path.exists(os.path.join(folder, "config.json")):
                model.config.save_pretrained(folder)
            torch.save(model.state_dict(), os.path.join(folder, "pytorch_model.bin"))
            how = "torch.save(model.state_dict()) + config.save_pretrained()"
    print("  saved with %s" % how)
    return how


def describe_saved(folder):
    """Print the facts the engine cares about.  Returns a one-line summary."""
    files = sorted(os.listdir(folder))
    print("  files: %s" % ", ".join("%s (%d B)" % (f, os.path.getsize(os.path.join(folder, f))) for f in files))
    with open(os.path.join(folder, "config.json"), "r", encoding="utf-8") as f:
        cfg = json.load(f)
    keys = ["tie_word_embeddings", "scale_decoder_outputs", "dtype", "torch_dtype", "feed_forward_proj",
            "dense_act_fn", "is_gated_act", "d_model", "d_kv", "num_heads", "transformers_version"]
    print("  config: " + ", ".join("%s=%s" % (k, json.dumps(cfg[k]) if k in cfg else "<absent>") for k in keys))
    print("  engine rule -> scale decoder output: %s" % t5ref.engine_scale_rule(cfg))
    other = sorted(set(cfg.keys()) - set(keys))
    print("  other config keys: %s" % ", ".join(other))
    st = os.path.join(folder, "model.safetensors")
    pb = os.path.join(folder, "pytorch_model.bin")
    names = []
    if os.path.exists(st):
        _, dts = t5ref.read_safetensors(st)
        names = sorted(dts)
        kinds = sorted(set(dts.values()))
        print("  safetensors: %d tensors, dtypes %s" % (len(names), kinds))
    elif os.path.exists(pb):
        try:
            sd = torch.load(pb, map_location="cpu", weights_only=True)
        except TypeError:
            sd = torch.load(pb, map_location="cpu")
        names = sorted(sd.keys())
        groups = {}
        for k, v in sd.items():
            try:
                sk = v.untyped_storage().data_ptr()
            except Exception:
                sk = v.storage().data_ptr()
            groups.setdefault(sk, []).append(k)
        shared = [sorted(g) for g in groups.values() if len(g) > 1]
        print("  pytorch_model.bin: %d entries, %d distinct storages, dtypes %s" % (
            len(names), len(groups), sorted({str(v.dtype) for v in sd.values()})))
        print("  bin entries sharing one storage: %s" % (shared if shared else "none"))
    print("  tensor names (all %d): %s" % (len(names), " ".join(names)))
    non_block = [n for n in names if ".block." not in n]
    print("  tensor names (non-block): %s" % non_block)
    print("  tensor names (block 0 enc/dec): %s" % [n for n in names if n.startswith("encoder.block.0.") or n.startswith("decoder.block.0.")])
    return cfg, names


def fmt_ids(ids):
    return " ".join(str(i) for i in ids)


def run_spec(spec, inputs, out_dir, device):
    import hfutil

    name = spec["name"]
    folder = os.path.join(out_dir, name)
    print("=" * 78)
    print("[%s] spec: seed=%d save=%s dtype=%s knobs=%s hf=%s" % (
        name, spec["seed"], spec["save"], spec["dtype"], spec["knobs"], spec["hf"]))
    model = build_hf_model(spec)
    model = model.to(torch_dtype(spec["dtype"]))
    how = save_checkpoint(model, spec, folder)
    saved_cfg, names = describe_saved(folder)

    # in-memory model (rounded weights upcast) for the round-trip check
    mem = model.float().to(device).eval()

    # reload
    hf = hfutil.load_hf_float32(folder, device)
    cfg_file, w_file, _ = t5ref.load_checkpoint(folder)
    sd = hf.state_dict()
    reload_bad = []
    for k, v in w_file.items():
        if k not in sd:
            reload_bad.append("%s (not in reloaded model)" % k)
            continue
        d = (sd[k].detach().float().cpu() - torch.from_numpy(v)).abs().max().item()
        if d != 0.0:
            reload_bad.append("%s (max diff %g)" % (k, d))
    # lm_head actually used by transformers vs. what the engine will use
    eng_lm = w_file.get("lm_head.weight", w_file.get("shared.weight"))
    try:
        lm_diff = (hf.lm_head.weight.detach().float().cpu() - torch.from_numpy(eng_lm)).abs().max().item()
    except Exception as e:
        lm_diff = "n/a (%s)" % e
    print("  reload vs file tensors: %s" % ("all identical" if not reload_bad else "MISMATCH %s" % reload_bad))
    print("  reloaded lm_head vs engine's output matrix (%s): max diff %s" % (
        "lm_head.weight" if "lm_head.weight" in w_file else "shared.weight", lm_diff))

    ref = t5ref.T5Ref(cfg_file, w_file, dtype=torch.float64, device="cpu")
    print("  t5ref: scale=%s, output matrix from %s" % (ref.scale, ref.lm_head_from))

    rows, report = [], []
    mem_rows, ref_rows = [], []  # alternative goldens, written only when they differ
    n_eos = n_dropped = n_gen_mismatch = n_mem_mismatch = n_ref_mismatch = 0
    max_ref_diff = 0.0
    lengths = []
    for text in inputs:
        ids = t5ref.encode(text)
        out, steps = hfutil.hf_greedy(hf, ids, device, MAX_NEW_TOKENS)
        mg = hfutil.margins(steps)
        mm = min(mg)
        # generate() cross-check
        try:
            gen = hfutil.hf_generate(hf, ids, device, MAX_NEW_TOKENS)
            gen_ok = gen == out
        except Exception as e:
            gen, gen_ok = None, None
            if n_gen_mismatch == 0:
                print("  generate() failed: %s: %s" % (type(e).__name__, e))
        if gen_ok is not True:
            n_gen_mismatch += 1
        # in-memory model cross-check
        mem_out, mem_steps = hfutil.hf_greedy(mem, ids, device, MAX_NEW_TOKENS)
        if mem_out != out:
            n_mem_mismatch += 1
        mem_mm = min(hfutil.margins(mem_steps))
        if mem_mm >= MIN_MARGIN:
            mem_rows.append("%s\t%s\t%.6g" % (text, fmt_ids(mem_out), mem_mm))
        # independent reference: teacher-forced logits on the same sequence + its own greedy
        enc = ref.encode(ids)
        ref_lg = ref.decoder_logits(enc, [0] + out[:-1]) if out else None
        hf_lg = torch.stack(steps).double()
        rdiff = (ref_lg - hf_lg).abs().max().item()
        max_ref_diff = max(max_ref_diff, rdiff)
        ref_out, ref_steps = ref.greedy(ids, MAX_NEW_TOKENS)
        if ref_out != out:
            n_ref_mismatch += 1
        ref_mm = min(t5ref.margin(x) for x in ref_steps)
        if ref_mm >= MIN_MARGIN:
            ref_rows.append("%s\t%s\t%.6g" % (text, fmt_ids(ref_out), ref_mm))
        eos = bool(out) and out[-1] == t5ref.EOS_ID
        n_eos += eos
        lengths.append(len(out))
        keep = mm >= MIN_MARGIN
        if keep:
            rows.append("%s\t%s\t%.6g" % (text, fmt_ids(out), mm))
        else:
            n_dropped += 1
        report.append("%s\tlen=%d\teos=%d\tmin_margin=%.6g\tkept=%d\tgenerate_same=%s\tinmemory_same=%d\tref_same=%d\tref_maxdiff=%.3g\tdecoded=%r" % (
            text, len(out), eos, mm, keep, gen_ok, mem_out == out, ref_out == out, rdiff, t5ref.decode(out)))

    def write_golden(fn, rs):
        with open(os.path.join(folder, fn), "w", encoding="utf-8", newline="\n") as f:
            f.write("input\tids\tmin_margin\n")
            for r in rs:
                f.write(r + "\n")

    write_golden("golden.tsv", rows)
    if n_mem_mismatch:
        write_golden("golden_inmemory.tsv", mem_rows)
        print("  WARNING: the reloaded model disagrees with the in-memory model (the weights in the file) on %d words: "
              "wrote golden_inmemory.tsv (outputs of the in-memory model)" % n_mem_mismatch)
    if n_ref_mismatch:
        write_golden("golden_t5ref.tsv", ref_rows)
        print("  WARNING: t5ref (engine rules on the saved file) disagrees with transformers on %d words: "
              "wrote golden_t5ref.tsv (t5ref float64 outputs)" % n_ref_mismatch)
    with open(os.path.join(folder, "report.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# %s\n" % hfutil.versions())
        f.write("# device %s; max_new_tokens %d; saved with %s\n" % (hfutil.device_desc(device), MAX_NEW_TOKENS, how))
        for r in report:
            f.write(r + "\n")
    for r in report:
        print("  " + r)
    distinct = len(set(r.split("\t")[1] for r in rows))
    summary = ("SUMMARY %s: words=%d kept=%d dropped(min_margin<%g)=%d eos=%d/%d lengths[min/max]=%d/%d distinct_kept_outputs=%d "
               "generate_mismatch=%d inmemory_mismatch=%d t5ref_greedy_mismatch=%d t5ref_max_logit_diff=%.3g "
               "reload_identical=%s tie_word_embeddings=%s scale_decoder_outputs=%s lm_head_in_file=%s n_tensors=%d saved_with=%s" % (
                   name, len(inputs), len(rows), MIN_MARGIN, n_dropped, n_eos, len(inputs), min(lengths), max(lengths),
                   distinct, n_gen_mismatch, n_mem_mismatch, n_ref_mismatch, max_ref_diff, not reload_bad,
                   json.dumps(saved_cfg.get("tie_word_embeddings", "<absent>")),
                   json.dumps(saved_cfg.get("scale_decoder_outputs", "<absent>")),
                   "lm_head.weight" in names, len(names), how))
    print(summary)
    return summary


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output folder (one sub-folder per checkpoint)")
    ap.add_argument("--dev", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "charsiug2p", "dev"),
                    help="CharsiuG2P dev folder (<lang>.tsv); default ../shared/data/charsiug2p/dev "
                         "relative to the repo root; a built-in copy of the chosen words is used if missing")
    ap.add_argument("--only", default="", help="comma-separated subset of checkpoint names")
    ap.add_argument("--device", default="", help="cuda / cpu (default: cuda if available)")
    args = ap.parse_args()

    import hfutil

    prec = hfutil.setup_precision()
    device = hfutil.pick_device(args.device or None)
    print("# %s" % hfutil.versions())
    print("# device %s; precision: %s" % (hfutil.device_desc(device), prec))
    words, src = select_words(os.path.normpath(args.dev))
    inputs = build_inputs(words)
    print("# %d inputs (words from %s)" % (len(inputs), src))
    os.makedirs(args.out, exist_ok=True)
    only = set(s for s in args.only.split(",") if s)
    summaries = []
    t0 = time.time()
    for spec in SPECS:
        if only and spec["name"] not in only:
            continue
        try:
            summaries.append(run_spec(spec, inputs, args.out, device))
        except Exception:
            traceback.print_exc()
            summaries.append("SUMMARY %s: FAILED (see traceback above)" % spec["name"])
    print("=" * 78)
    print("done in %.1f s" % (time.time() - t0))
    for s in summaries:
        print(s)
    return 0 if all("FAILED" not in s for s in summaries) else 1


if __name__ == "__main__":
    sys.exit(main())
