#!/usr/bin/env python3
"""Fast, resumable, time-limited training of CharsiuG2P-style ByT5 models.

  python training/train.py --config tiny_8 --max-minutes 8 --out OUT [--resume DIR]

Tokens: UTF-8 bytes + 3 (pad 0, eos 1, unk 2; vocab 384). Inputs "<lang>:word" or
"<lang>: word" (50/50), with "unk" instead of the language for --unk-prob of the examples;
no EOS on inputs. Labels: pron bytes + EOS; decoder input = [0] + labels[:-1].

Speed: the whole data set is tokenised once into padded uint8 tensors on the device; every
batch is gathered there by index. Examples are bucketed into a few static (input, label)
shapes with a token budget per batch, run under bf16 autocast, optionally torch.compile'd
(dynamic=False, one graph per shape), with fused AdamW.

Output folder (flat, at most 8 files): ckpt_*.pt (resume state, each < 15 MiB),
model.safetensors (+config.json; F16, loads in transformers.T5ForConditionalGeneration),
train.log.
"""
import time

T0 = time.time()

import argparse  # noqa: E402
import bz2  # noqa: E402
import contextlib  # noqa: E402
import gzip
import inspect
import json
import lzma
import math
import os
import random
import shutil
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import CONFIGS, T5Config, T5ForConditionalGeneration, hf_config_dict  # noqa: E402

WORD_W = 60       # max word bytes stored ("<lang>: word" <= 64 bytes, lang >= 3 chars)
PRON_W = 128      # label width (pron <= 127 bytes + EOS)
PREF_W = 16       # max prefix bytes ("<spa-latin>: " is 13)
SHARD_BYTES = 14 * 2**20
LOG = None


def amp_ctx(device, amp_dtype):
    if amp_dtype is None:
        return contextlib.nullcontext()
    return torch.autocast(device_type=device.type, dtype=amp_dtype)


def log(*a):
    msg = "[%7.1fs] " % (time.time() - T0) + " ".join(str(x) for x in a)
    print(msg, flush=True)
    if LOG is not None:
        LOG.write(msg + "\n")
        LOG.flush()


# ----------------------------------------------------------------------------- data
def open_text(path):
    raw = open(path, "rb").read()
    if path.endswith(".bz2"):
        raw = bz2.decompress(raw)
    elif path.endswith(".gz"):
        raw = gzip.decompress(raw)
    elif path.endswith(".xz"):
        raw = lzma.decompress(raw)
    return raw


def load_train(path, limit=0):
    raw = open_text(path)
    lines = raw.split(b"\n")
    del raw
    langs, words, prons = [], [], []
    for ln in lines:
        if not ln:
            continue
        p = ln.split(b"\t")
        if len(p) != 3:
            continue
        langs.append(p[0])
        words.append(p[1])
        prons.append(p[2])
    del lines
    if limit and len(words) > limit:
        sel = sorted(random.Random(0).sample(range(len(words)), limit))
        langs = [langs[i] for i in sel]
        words = [words[i] for i in sel]
        prons = [prons[i] for i in sel]
    return langs, words, prons


def load_dev(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 3:
                out.append((p[0], p[1], p[2].split(",")[0].strip()))
    return out


class Data:
    """All examples as padded uint8 tensors on the device."""

    def __init__(self, langs, words, prons, shapes, device):
        n = len(words)
        names = sorted(set(langs))
        self.lang_names = [l.decode() for l in names]
        lid = {l: i for i, l in enumerate(names)}
        lang_ids = np.fromiter((lid[l] for l in langs), dtype=np.int16, count=n)
        wlen = np.fromiter((len(w) for w in words), dtype=np.int16, count=n)
        plen = np.fromiter((len(p) for p in prons), dtype=np.int16, count=n)
        llen = np.array([len(l) for l in names], dtype=np.int16)[lang_ids]
        keep = (wlen <= WORD_W) & (plen < PRON_W) & (wlen > 0) & (plen > 0)
        wbuf = np.frombuffer(b"".join(w[:WORD_W].ljust(WORD_W, b"\0") for w in words), dtype=np.uint8)
        pbuf = np.frombuffer(b"".join(p[:PRON_W].ljust(PRON_W, b"\0") for p in prons), dtype=np.uint8)
        wbuf = wbuf.reshape(n, WORD_W)
        pbuf = pbuf.reshape(n, PRON_W)
        in_need = llen + 4 + wlen           # "<lang>: word"
        lab_need = plen + 1                 # + EOS
        # prefix table: row = 2 * lang + space, unk at the end
        allp = self.lang_names + ["unk"]
        self.unk_id = len(allp) - 1
        ptab = np.zeros((2 * len(allp), PREF_W), dtype=np.uint8)
        plens = np.zeros(2 * len(allp), dtype=np.int64)
        for i, l in enumerate(allp):
            for sp in (0, 1):
                b = ("<" + l + (">: " if sp else ">:")).encode()
                ptab[2 * i + sp, :len(b)] = np.frombuffer(b, dtype=np.uint8)
                plens[2 * i + sp] = len(b)
        # bucket assignment: smallest static shape that fits
        self.shapes = shapes
        bucket = np.full(n, -1, dtype=np.int64)
        for s, (il, ll) in reversed(list(enumerate(shapes))):
            fit = (in_need <= il) & (lab_need <= ll)
            bucket[fit] = s
        keep &= bucket >= 0
        self.n_dropped = int(n - keep.sum())
        idx = np.nonzero(keep)[0]
        self.n = len(idx)
        self.device = device
        self.words = torch.from_numpy(np.ascontiguousarray(wbuf[idx])).to(device)
        self.prons = torch.from_numpy(np.ascontiguousarray(pbuf[idx])).to(device)
        self.wlen = torch.from_numpy(wlen[idx].astype(np.int64)).to(device)
        self.plen = torch.from_numpy(plen[idx].astype(np.int64)).to(device)
        self.lang = torch.from_numpy(lang_ids[idx].astype(np.int64)).to(device)
        self.ptab = torch.from_numpy(ptab).to(device)
        self.plens = torch.from_numpy(plens).to(device)
        b = bucket[idx]
        self.bucket_members = [torch.from_numpy(np.nonzero(b == s)[0].astype(np.int64)) for s in range(len(shapes))]
        self.lang_counts = np.bincount(lang_ids[idx], minlength=len(names))

    def batch(self, idx, in_len, lab_len, unk_prob, space_prob):
        """idx: (B,) long tensor on device -> input_ids, decoder_input_ids, labels (all long)."""
        B = idx.shape[0]
        dev = self.device
        lang = self.lang[idx]
        r = torch.rand(B, 2, device=dev)
        lang = torch.where(r[:, 0] < unk_prob, torch.full_like(lang, self.unk_id), lang)
        row = 2 * lang + (r[:, 1] < space_prob).long()
        pref = self.ptab[row]                      # (B, 12)
        pl = self.plens[row][:, None]              # (B, 1)
        src = torch.cat([pref, self.words[idx]], 1)  # (B, 72)
        j = torch.arange(in_len, device=dev)[None, :]
        gi = torch.where(j < pl, j, PREF_W + j - pl).clamp(max=PREF_W + WORD_W - 1)
        tok = src.gather(1, gi).long() + 3
        valid = j < pl + self.wlen[idx][:, None]
        input_ids = torch.where(valid, tok, torch.zeros_like(tok))
        pr = self.prons[idx, :lab_len].long()
        k = torch.arange(lab_len, device=dev)[None, :]
        L = self.plen[idx][:, None]
        labels = torch.where(k < L, pr + 3, torch.where(k == L, torch.ones_like(pr), torch.zeros_like(pr)))
        dec_in = torch.cat([torch.zeros_like(labels[:, :1]), labels[:, :-1]], 1)
        labels = torch.where(k <= L, labels, torch.full_like(labels, -100))
        return input_ids, dec_in, labels


class Plan:
    """Epoch-wise deterministic order of batches: (shape, member offsets)."""

    def __init__(self, data, batch_sizes, seed):
        self.data, self.bs, self.seed = data, batch_sizes, seed
        self.epoch, self.ptr = 0, 0
        self._make()

    def _make(self):
        g = torch.Generator()
        g.manual_seed(self.seed * 100003 + self.epoch)
        self.perms = []
        order = []
        for s, mem in enumerate(self.data.bucket_members):
            p = mem[torch.randperm(len(mem), generator=g)] if len(mem) else mem
            self.perms.append(p.to(self.data.device))
            nb = len(mem) // self.bs[s]
            order += [(s, i * self.bs[s]) for i in range(nb)]
        perm = torch.randperm(len(order), generator=g).tolist()
        self.order = [order[i] for i in perm]
        if not self.order:
            raise SystemExit("no full batch: reduce --batch-tokens or use more data")

    def next(self):
        if self.ptr >= len(self.order):
            self.epoch += 1
            self.ptr = 0
            self._make()
        s, off = self.order[self.ptr]
        self.ptr += 1
        return s, self.perms[s][off:off + self.bs[s]]

    def state(self):
        return {"epoch": self.epoch, "ptr": self.ptr}

    def load(self, st):
        self.epoch, self.ptr = int(st["epoch"]), int(st["ptr"])
        self._make()


# ----------------------------------------------------------------------------- checkpoint
def _q_int8_absmax(t, block=256):
    flat = t.detach().float().reshape(-1)
    n = flat.numel()
    pad = (-n) % block
    if pad:
        flat = torch.cat([flat, flat.new_zeros(pad)])
    x = flat.view(-1, block)
    scale = x.abs().amax(1).clamp(min=1e-30) / 127.0
    q = torch.round(x / scale[:, None]).clamp(-127, 127).to(torch.int8)
    return {"q": q.cpu(), "s": scale.cpu(), "n": n, "shape": list(t.shape)}


def _dq_int8_absmax(d):
    x = d["q"].float() * d["s"][:, None]
    return x.reshape(-1)[:d["n"]].view(d["shape"])


def _q_log_uint8(t, block=256):
    """Positive tensor (Adam second moment): log-uniform 8-bit per block, 255 = exactly 0."""
    flat = t.detach().float().reshape(-1)
    n = flat.numel()
    pad = (-n) % block
    if pad:
        flat = torch.cat([flat, flat.new_zeros(pad)])
    x = flat.view(-1, block)
    zero = x <= 0
    lx = torch.log(x.clamp(min=1e-38))
    big = torch.full_like(lx, float("inf"))
    lo = torch.where(zero, big, lx).amin(1)
    hi = torch.where(zero, -big, lx).amax(1)
    lo = torch.where(torch.isfinite(lo), lo, torch.zeros_like(lo))
    hi = torch.where(torch.isfinite(hi), hi, lo)
    span = (hi - lo).clamp(min=1e-6)
    q = torch.round((lx - lo[:, None]) / span[:, None] * 254).clamp(0, 254)
    q = torch.where(zero, torch.full_like(q, 255), q).to(torch.uint8)
    return {"q": q.cpu(), "lo": lo.cpu(), "span": span.cpu(), "n": n, "shape": list(t.shape)}


def _dq_log_uint8(d):
    q = d["q"].long()
    x = torch.exp(d["lo"][:, None] + q.float() / 254 * d["span"][:, None])
    x = torch.where(q == 255, torch.zeros_like(x), x)
    return x.reshape(-1)[:d["n"]].view(d["shape"])


def _pack_w24(t):
    """fp32 -> top 24 bits (bf16 word + one extra mantissa byte): rel. error < 2**-16."""
    i = t.detach().float().cpu().contiguous().view(torch.int32)
    hi = (i >> 16).to(torch.int16)
    mid = ((i >> 8) & 0xFF).to(torch.uint8)
    return {"hi": hi, "mid": mid}


def _unpack_w24(d):
    hi = d["hi"].to(torch.int32) << 16
    mid = d["mid"].to(torch.int32) << 8
    return (hi | mid | 0x80).view(torch.float32)


def params_named(model):
    seen = {}
    for name, p in model.named_parameters():
        seen.setdefault(id(p), (name, p))
    return list(seen.values())


def _bf16_planes(model):
    """All parameters rounded to bf16, as (names, shapes, compressed exponent plane, mantissa plane)."""
    named = params_named(model)
    flat = torch.cat([p.detach().float().reshape(-1).cpu() for _, p in named])
    b = flat.to(torch.bfloat16).view(torch.int16).numpy().view(np.uint8).reshape(-1, 2)
    hi = lzma.compress(np.ascontiguousarray(b[:, 1]).tobytes(), preset=1)  # sign + exponent: compresses ~2.5x
    lo = np.ascontiguousarray(b[:, 0]).tobytes()
    return [n for n, _ in named], [list(p.shape) for _, p in named], hi, lo


def _bf16_unplanes(hi, lo):
    h = np.frombuffer(lzma.decompress(hi), dtype=np.uint8)
    l_ = np.frombuffer(lo, dtype=np.uint8)
    b = np.stack([l_, h], 1).reshape(-1).view(np.int16).copy()
    return torch.from_numpy(b).view(torch.bfloat16).float()


def save_checkpoint(out_dir, model, opt, meta, fmt):
    os.makedirs(out_dir, exist_ok=True)
    items = []  # (key, obj, nbytes)
    if fmt == "bf16":
        names, shapes, hi, lo = _bf16_planes(model)
        meta = dict(meta)
        meta["bf16_names"], meta["bf16_shapes"] = names, shapes
        # (uint8 tensors: torch.save pickles raw bytes objects inefficiently)
        items.append(("bf16/hi", torch.from_numpy(np.frombuffer(hi, dtype=np.uint8).copy()), len(hi)))
        chunk = 12 * 2**20
        for k in range(0, len(lo), chunk):
            part = np.frombuffer(lo[k:k + chunk], dtype=np.uint8).copy()
            items.append(("bf16/lo/%09d" % k, torch.from_numpy(part), len(part)))
        opt = None
    state = opt.state_dict() if opt is not None else {"state": {}}
    id2name = {}
    named = params_named(model) if fmt != "bf16" else []
    for k, (name, p) in enumerate(params_named(model)):
        id2name[k] = name
    # optimizer param ids are positions in param_groups order == named order (single group)
    for name, p in named:
        if fmt == "full":
            items.append(("w/" + name, p.detach().float().cpu().clone(), p.numel() * 4))
        else:
            items.append(("w/" + name, _pack_w24(p), p.numel() * 3))
    ost = state["state"]
    for k, st in ost.items():
        name = id2name[k]
        for key in ("exp_avg", "exp_avg_sq"):
            if key not in st:
                continue
            t = st[key]
            if fmt == "full":
                items.append(("o/%s/%s" % (key, name), t.detach().float().cpu().clone(), t.numel() * 4))
            elif key == "exp_avg":
                items.append(("o/%s/%s" % (key, name), _q_int8_absmax(t), t.numel()))
            else:
                items.append(("o/%s/%s" % (key, name), _q_log_uint8(t), t.numel()))
        if "step" in st:
            meta.setdefault("opt_steps", {})[name] = float(st["step"])
    # greedy packing into shards
    shards = [[]]
    size = 0
    for key, obj, nb in items:
        if size + nb > SHARD_BYTES and shards[-1]:
            shards.append([])
            size = 0
        shards[-1].append((key, obj))
        size += nb
    meta = dict(meta)
    meta["num_shards"] = len(shards)
    meta["format"] = fmt
    for i, sh in enumerate(shards):
        blob = {"tensors": dict(sh)}
        if i == 0:
            blob["meta"] = meta
        tmp = os.path.join(out_dir, "ckpt_%d.pt.tmp" % i)
        torch.save(blob, tmp)
        os.replace(tmp, os.path.join(out_dir, "ckpt_%d.pt" % i))
    # remove stale shards of an older layout
    for fn in os.listdir(out_dir):
        if fn.startswith("ckpt_") and fn.endswith(".pt"):
            try:
                k = int(fn[5:-3])
            except ValueError:
                continue
            if k >= len(shards):
                os.remove(os.path.join(out_dir, fn))
    return len(shards)


def load_checkpoint(ckpt_dir, model, opt, device):
    first = torch.load(os.path.join(ckpt_dir, "ckpt_0.pt"), map_location="cpu")
    meta = first["meta"]
    tensors = dict(first["tensors"])
    for i in range(1, meta["num_shards"]):
        tensors.update(torch.load(os.path.join(ckpt_dir, "ckpt_%d.pt" % i), map_location="cpu")["tensors"])
    fmt = meta["format"]
    named = params_named(model)
    with torch.no_grad():
        if fmt == "bf16":
            lo = b"".join(tensors[k].numpy().tobytes() for k in sorted(k for k in tensors if k.startswith("bf16/lo/")))
            flat = _bf16_unplanes(tensors["bf16/hi"].numpy().tobytes(), lo)
            vals = dict(zip(meta["bf16_names"], torch.split(flat, [int(np.prod(sh)) for sh in meta["bf16_shapes"]])))
            for name, p in named:
                p.copy_(vals[name].view(p.shape).to(p.device))
        else:
            for name, p in named:
                v = tensors["w/" + name]
                v = v if fmt == "full" else _unpack_w24(v)
                p.copy_(v.view(p.shape).to(p.device))
    have_opt = all(("o/exp_avg/" + name) in tensors for name, _ in named)
    if have_opt and opt is not None:
        st = {}
        for k, (name, p) in enumerate(named):
            a = tensors["o/exp_avg/" + name]
            b = tensors["o/exp_avg_sq/" + name]
            if fmt != "full":
                a, b = _dq_int8_absmax(a), _dq_log_uint8(b)
            step = meta.get("opt_steps", {}).get(name, float(meta["step"]))
            st[k] = {"step": torch.tensor(step, dtype=torch.float32),
                     "exp_avg": a.view(p.shape).to(p.device, torch.float32),
                     "exp_avg_sq": b.view(p.shape).to(p.device, torch.float32)}
        sd = opt.state_dict()
        sd["state"] = st
        opt.load_state_dict(sd)
        # fused/capturable AdamW wants the step on the device
        for group in opt.param_groups:
            if group.get("fused") or group.get("capturable"):
                for p in group["params"]:
                    s = opt.state[p]
                    s["step"] = s["step"].to(p.device)
    return meta, have_opt


# ----------------------------------------------------------------------------- export
def write_safetensors(path, tensors, metadata=None):
    """tensors: name -> torch tensor (written as F16)."""
    header = {}
    blobs = []
    off = 0
    for name in sorted(tensors):
        t = tensors[name].detach().to(torch.float16).cpu().contiguous()
        b = t.numpy().tobytes()
        header[name] = {"dtype": "F16", "shape": list(t.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    header["__metadata__"] = metadata or {"format": "pt"}
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((-len(h)) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)


def read_safetensors_header(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        return json.loads(f.read(n)), n


def export_hf(out_dir, model, cfg, max_file=15 * 2**20):
    sd = {k: v for k, v in model.state_dict().items()}
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(hf_config_dict(cfg), f, indent=2, sort_keys=True)
    total = sum(v.numel() * 2 for v in sd.values())
    for fn in os.listdir(out_dir):
        if fn.startswith("model") and (fn.endswith(".safetensors") or fn.endswith(".index.json")):
            os.remove(os.path.join(out_dir, fn))
    if total <= max_file:
        write_safetensors(os.path.join(out_dir, "model.safetensors"), sd)
        return ["model.safetensors"]
    # sharded (transformers reads model.safetensors.index.json)
    groups, cur, size = [], {}, 0
    for k in sorted(sd):
        nb = sd[k].numel() * 2
        if cur and size + nb > max_file - 65536:
            groups.append(cur)
            cur, size = {}, 0
        cur[k] = sd[k]
        size += nb
    groups.append(cur)
    names = []
    wmap = {}
    for i, g in enumerate(groups):
        fn = "model-%05d-of-%05d.safetensors" % (i + 1, len(groups))
        write_safetensors(os.path.join(out_dir, fn), g)
        names.append(fn)
        for k in g:
            wmap[k] = fn
    with open(os.path.join(out_dir, "model.safetensors.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": total}, "weight_map": wmap}, f, indent=1)
    return names + ["model.safetensors.index.json"]


# ----------------------------------------------------------------------------- eval
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def encode_inputs(items, device, space=True):
    seqs = [list(("<" + l + (">: " if space else ">:") + w).encode()[:64]) for l, w in items]
    L = max(len(s) for s in seqs)
    ids = torch.zeros(len(seqs), L, dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = torch.tensor(s) + 3
    return ids.to(device)


def decode_ids(row):
    out = []
    for t in row:
        t = int(t)
        if t == 1:
            break
        if 3 <= t < 259:  # ids 259..383 are unused extra ids
            out.append(t - 3)
    return bytes(out).decode("utf-8", errors="replace")


def per_wer(pairs_by_lang, cap=None):
    res = {}
    for lang, pairs in pairs_by_lang.items():
        e = n = wrong = 0
        for hyp, ref in pairs:
            if cap is not None:
                hyp = hyp.encode()[:cap].decode("utf-8", errors="ignore")
            e += edit_distance(hyp, ref)
            n += len(ref)
            wrong += hyp != ref
        res[lang] = (100.0 * e / max(n, 1), 100.0 * wrong / max(len(pairs), 1))
    return res


@torch.no_grad()
def evaluate(model, dev, device, amp_dtype, batch=1024, max_len=128):
    model.eval()
    hyps = []
    for i in range(0, len(dev), batch):
        chunk = dev[i:i + batch]
        ids = encode_inputs([(l, w) for l, w, _ in chunk], device)
        with amp_ctx(device, amp_dtype):
            out = model.generate(ids, max_len=max_len)
        hyps += [decode_ids(r) for r in out.tolist()]
    model.train()
    by = {}
    for (l, w, ref), h in zip(dev, hyps):
        by.setdefault(l, []).append((h, ref))
    r = per_wer(by)
    macro_per = sum(v[0] for v in r.values()) / max(len(r), 1)
    macro_wer = sum(v[1] for v in r.values()) / max(len(r), 1)
    return macro_per, macro_wer, r, hyps


# ----------------------------------------------------------------------------- main
def parse_shapes(s):
    out = []
    for part in s.split(","):
        a, b = part.split("x")
        out.append((int(a), int(b)))
    return sorted(out)


def main():
    global LOG
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--config", default="tiny_8", choices=sorted(CONFIGS))
    ap.add_argument("--data", default=os.path.join(root, ".data", "train.tsv.bz2"))
    ap.add_argument("--dev", default=os.path.join(root, ".data", "dev.tsv"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--resume", default="", help="folder with ckpt_*.pt (missing/empty: start fresh)")
    ap.add_argument("--max-minutes", type=float, default=8.0, help="wall-clock limit incl. startup and saving")
    ap.add_argument("--reserve-seconds", type=float, default=50.0, help="time kept for eval + save + export")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many (global) steps (0 = no limit)")
    ap.add_argument("--shapes", default="16x24,24x32,32x48,48x80,64x128", help="static (input x label) lengths")
    ap.add_argument("--batch-tokens", type=int, default=160000,
                    help="(input+label) positions per batch; batch size per shape = this / (in + label)")
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--min-lr-ratio", type=float, default=0.02)
    ap.add_argument("--warmup", type=int, default=500)
    ap.add_argument("--rewarm", type=int, default=200, help="LR re-warmup steps when resuming without optimizer state")
    ap.add_argument("--schedule", default="wsd", choices=["wsd", "cosine", "invsqrt"],
                    help="wsd: warmup, constant, linear decay in the last --decay-minutes of this call; "
                         "cosine: over --total-steps; invsqrt: T5-style")
    ap.add_argument("--decay-minutes", type=float, default=0.0,
                    help="wsd: decay to min-lr over the last N minutes of this call (use on the final call)")
    ap.add_argument("--total-steps", type=int, default=20000, help="cosine schedule length")
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--beta2", type=float, default=0.98)
    ap.add_argument("--clip", type=float, default=1.0)
    ap.add_argument("--label-smoothing", type=float, default=0.0)
    ap.add_argument("--unk-prob", type=float, default=0.15)
    ap.add_argument("--space-prob", type=float, default=0.5)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--compile", type=int, default=1, help="torch.compile the train step (1/0)")
    ap.add_argument("--compile-shapes", default="16x24,24x32",
                    help="shapes that get a compiled graph (one compilation each); others run eagerly; 'all'")
    ap.add_argument("--amp", default="auto", choices=["auto", "bf16", "fp32"])
    ap.add_argument("--log-every", type=int, default=100)
    ap.add_argument("--save-every-minutes", type=float, default=3.0)
    ap.add_argument("--eval-every-minutes", type=float, default=0.0, help="0: only at the end")
    ap.add_argument("--eval-max-len", type=int, default=128)
    ap.add_argument("--no-final-eval", action="store_true")
    ap.add_argument("--ckpt-format", default="bf16", choices=["bf16", "compact", "full"],
                    help="bf16: weights rounded to bf16, exponent plane lzma'd, no optimizer state (~1.4 B/param; "
                         "resume re-warms the LR over --rewarm steps with fresh Adam moments); "
                         "compact: weights to 24 bits + Adam moments in 8 bit (~5 B/param); full: fp32 (12 B/param)")
    ap.add_argument("--no-optimizer-state", action="store_true", help="save weights only")
    ap.add_argument("--limit-data", type=int, default=0, help="use a random subset (CPU tests)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--threads", type=int, default=0)
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    log_path = os.path.join(args.out, "train.log")
    if args.resume and os.path.exists(os.path.join(args.resume, "train.log")) and \
            os.path.abspath(args.resume) != os.path.abspath(args.out):
        shutil.copyfile(os.path.join(args.resume, "train.log"), log_path)
    LOG = open(log_path, "a")
    log("=" * 20, "start", time.strftime("%Y-%m-%d %H:%M:%S"), " ".join(sys.argv[1:]))
    if args.threads:
        torch.set_num_threads(args.threads)
    deadline = T0 + args.max_minutes * 60 - args.reserve_seconds
    device = torch.device(args.device)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        log("device", torch.cuda.get_device_name(0), "torch", torch.__version__)
    else:
        log("device cpu, torch", torch.__version__)
    amp_dtype = None
    if args.amp == "bf16" or (args.amp == "auto" and device.type == "cuda"):
        amp_dtype = torch.bfloat16

    # ---- data
    shapes = parse_shapes(args.shapes)
    langs, words, prons = load_train(args.data, args.limit_data)
    log("read %d examples from %s" % (len(words), args.data))
    data = Data(langs, words, prons, shapes, device)
    del langs, words, prons
    bs = [max(8, (args.batch_tokens // (a + b)) // 8 * 8) for a, b in shapes]
    log("tensors on %s: %d examples (%d dropped as too long), %d languages" %
        (device, data.n, data.n_dropped, len(data.lang_names)))
    for s, (a, b) in enumerate(shapes):
        log("  shape %dx%d: %d examples, batch %d" % (a, b, len(data.bucket_members[s]), bs[s]))
    dev = load_dev(args.dev) if os.path.exists(args.dev) else []
    log("dev: %d words" % len(dev))

    # ---- model + optimizer
    cfgd = dict(CONFIGS[args.config])
    cfg = T5Config(dropout_rate=args.dropout, **cfgd)
    model = T5ForConditionalGeneration(cfg).to(device)
    nparam = sum(p.numel() for _, p in params_named(model))
    log("model %s: %.2fM parameters, sdpa=%s" % (args.config, nparam / 1e6,
                                                 model.encoder.block[0].layer[0].SelfAttention.use_sdpa))
    decay, no_decay = [], []
    for name, p in params_named(model):
        (no_decay if ("layer_norm" in name or "relative_attention_bias" in name) else decay).append(p)
    # single param group order == params_named order (needed by the checkpoint code)
    params = [p for _, p in params_named(model)]
    wd_ids = {id(p) for p in decay}
    kw = dict(lr=args.lr, betas=(0.9, args.beta2), eps=1e-8, weight_decay=0.0)
    sig = inspect.signature(torch.optim.AdamW).parameters
    if device.type == "cuda" and "fused" in sig:
        kw["fused"] = True
    elif "foreach" in sig:
        kw["foreach"] = True
    opt = torch.optim.AdamW(params, **kw)
    log("AdamW", {k: v for k, v in kw.items() if k != "betas"})
    decay_params = [p for p in params if id(p) in wd_ids]

    step = 0
    plan = Plan(data, bs, args.seed)
    resumed_opt = True
    resume_step = 0
    examples_seen = 0
    if args.resume and os.path.exists(os.path.join(args.resume, "ckpt_0.pt")):
        meta, resumed_opt = load_checkpoint(args.resume, model, None if args.no_optimizer_state else opt, device)
        if meta.get("config") != args.config:
            raise SystemExit("checkpoint config %s != --config %s" % (meta.get("config"), args.config))
        step = resume_step = int(meta["step"])
        examples_seen = int(meta.get("examples", 0))
        plan.load(meta["plan"])
        if "torch_rng" in meta:
            torch.set_rng_state(meta["torch_rng"])
        if device.type == "cuda" and meta.get("cuda_rng") is not None:
            try:
                torch.cuda.set_rng_state(meta["cuda_rng"])
            except Exception as e:
                log("cuda rng not restored:", e)
        log("resumed from %s: step %d, epoch %d, batch %d, optimizer state %s" %
            (args.resume, step, plan.epoch, plan.ptr, "restored" if resumed_opt else "reset (re-warmup)"))
    else:
        log("fresh start")

    def lr_at(step, now):
        w = min(1.0, (step + 1) / max(1, args.warmup))
        if args.schedule == "wsd":
            m = w
            if args.decay_minutes > 0:
                start = deadline - args.decay_minutes * 60
                if now > start:
                    frac = min(1.0, (now - start) / (args.decay_minutes * 60))
                    m *= 1 - (1 - args.min_lr_ratio) * frac
        elif args.schedule == "cosine":
            t = min(1.0, step / max(1, args.total_steps))
            m = w * (args.min_lr_ratio + (1 - args.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * t)))
        else:
            m = w * math.sqrt(args.warmup / max(step + 1, args.warmup))
        if not resumed_opt:
            m *= min(1.0, (step - resume_step + 1) / max(1, args.rewarm))
        return args.lr * m

    # ---- train step
    V = cfg.vocab_size

    def loss_fn(input_ids, dec_in, labels):
        with amp_ctx(device, amp_dtype):
            logits = model(input_ids, dec_in)
        return F.cross_entropy(logits.float().view(-1, V), labels.view(-1), ignore_index=-100,
                               label_smoothing=args.label_smoothing)

    compiled_fn = None
    if args.compile and hasattr(torch, "compile") and device.type == "cuda":
        compiled_fn = torch.compile(loss_fn, dynamic=False)
        cshapes = set(shapes) if args.compile_shapes == "all" else set(parse_shapes(args.compile_shapes))
        log("torch.compile enabled (dynamic=False) for shapes", sorted(cshapes))
    else:
        cshapes = set()
    seen_shapes = set()

    def save(final=False):
        t = time.time()
        meta = {"step": step, "config": args.config, "plan": plan.state(), "examples": examples_seen,
                "torch_rng": torch.get_rng_state(),
                "cuda_rng": torch.cuda.get_rng_state() if device.type == "cuda" else None,
                "args": vars(args), "time": time.strftime("%Y-%m-%d %H:%M:%S")}
        o = None if args.no_optimizer_state else opt
        if o is None:
            class _Empty:
                def state_dict(self):
                    return {"state": {}}
            o = _Empty()
        n = save_checkpoint(args.out, model, o, meta, args.ckpt_format)
        files = export_hf(args.out, model, cfg)
        log("saved step %d: %d ckpt shard(s) + %s in %.1fs" % (step, n, ",".join(files), time.time() - t))

    model.train()
    win_t, win_ex, win_loss, win_n = time.time(), 0, 0.0, 0
    last_save = time.time()
    last_eval = time.time()
    stopped = "time"
    losses = []
    while True:
        now = time.time()
        if now >= deadline:
            break
        if args.max_steps and step >= args.max_steps:
            stopped = "max-steps"
            break
        s, idx = plan.next()
        il, ll = shapes[s]
        input_ids, dec_in, labels = data.batch(idx, il, ll, args.unk_prob, args.space_prob)
        lr = lr_at(step, now)
        for g in opt.param_groups:
            g["lr"] = lr
        first = (il, ll) not in seen_shapes
        if first:
            tc = time.time()
        use_compiled = compiled_fn is not None and (il, ll) in cshapes
        try:
            loss = (compiled_fn if use_compiled else loss_fn)(input_ids, dec_in, labels)
            loss.backward()
        except Exception as e:
            if not first:
                raise
            opt.zero_grad(set_to_none=True)
            if use_compiled:
                log("torch.compile failed (%s: %s); eager from now on" % (type(e).__name__, str(e)[:400]))
                compiled_fn = None
            else:
                attn = [m for m in model.modules() if getattr(m, "use_sdpa", False)]
                if not attn:
                    raise
                log("SDPA failed (%s: %s); manual attention from now on" % (type(e).__name__, str(e)[:400]))
                for m in attn:
                    m.use_sdpa = False
            loss = loss_fn(input_ids, dec_in, labels)
            loss.backward()
        if args.clip > 0:
            torch.nn.utils.clip_grad_norm_(params, args.clip)
        if args.weight_decay > 0:
            with torch.no_grad():
                torch._foreach_mul_(decay_params, 1 - lr * args.weight_decay)
        opt.step()
        opt.zero_grad(set_to_none=True)
        if first:
            if device.type == "cuda":
                torch.cuda.synchronize()
            seen_shapes.add((il, ll))
            log("first step of shape %dx%d (batch %d, %s) took %.1fs" %
                (il, ll, len(idx), "compiled" if use_compiled and compiled_fn is not None else "eager",
                 time.time() - tc))
            win_t = time.time()
            win_ex = 0
        else:
            win_ex += len(idx)
        step += 1
        examples_seen += len(idx)
        win_loss = win_loss + loss.detach()
        win_n += 1
        if step % args.log_every == 0:
            l = float(win_loss) / win_n
            losses.append(l)
            dt = time.time() - win_t
            log("step %d ep %d loss %.4f lr %.2e  %.0f ex/s  (%.1fM examples seen)" %
                (step, plan.epoch, l, lr, win_ex / max(dt, 1e-9), examples_seen / 1e6))
            if not math.isfinite(l):
                raise SystemExit("loss is not finite")
            win_t, win_ex, win_loss, win_n = time.time(), 0, 0.0, 0
        if args.save_every_minutes > 0 and time.time() - last_save > args.save_every_minutes * 60:
            save()
            last_save = time.time()
            win_t, win_ex = time.time(), 0
        if dev and args.eval_every_minutes > 0 and time.time() - last_eval > args.eval_every_minutes * 60:
            mp, mw, _, _ = evaluate(model, dev, device, amp_dtype, max_len=min(64, args.eval_max_len))
            log("dev (max_len 64) macro PER %.2f WER %.2f" % (mp, mw))
            last_eval = time.time()
            win_t, win_ex = time.time(), 0
    log("stopping (%s) at step %d, epoch %d" % (stopped, step, plan.epoch))
    save(final=True)
    if dev and not args.no_final_eval:
        t = time.time()
        mp, mw, r, hyps = evaluate(model, dev, device, amp_dtype, max_len=args.eval_max_len)
        log("dev macro PER %.2f WER %.2f over %d languages (%.1fs)" % (mp, mw, len(r), time.time() - t))
        worst = sorted(r.items(), key=lambda kv: -kv[1][0])[:10]
        log("worst PER:", " ".join("%s=%.1f" % (k, v[0]) for k, v in worst))
    log("done in %.1f min" % ((time.time() - T0) / 60))


if __name__ == "__main__":
    main()
