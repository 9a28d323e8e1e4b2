"""Independent pure-PyTorch re-implementation of T5ForConditionalGeneration
inference, written from the T5 / CharsiuG2P conventions and NOT using
transformers.  It reads a checkpoint folder exactly as the C++ engine does
(config.json + model.safetensors or pytorch_model.bin) and applies the
engine's rules:

  * decoder output scaled by d_model**-0.5 iff config["scale_decoder_outputs"]
    (when that key is present) else iff config["tie_word_embeddings"]
    (default True, as in T5Config);
  * lm_head.weight when present in the file, else shared.weight.

It is used by make_random_checkpoints.py / make_logits_fixture.py as a
cross-check of the transformers outputs (so we learn whether the engine rule
matches transformers for every layout), and by the local tuning step.

Also holds the deterministic random-weight generator used for the random
checkpoints (numpy legacy RandomState, so the weights are bit-identical on any
numpy / torch version and any machine).

Works with torch >= 1.13 and numpy >= 1.21.  No safetensors package needed.
"""

import json
import math
import os
import struct
import zlib

import numpy as np
import torch

# ---------------------------------------------------------------------------
# tokenizer (ByT5 as used by CharsiuG2P)
# ---------------------------------------------------------------------------
PAD_ID, EOS_ID, UNK_ID = 0, 1, 2


def encode(text):
    """UTF-8 bytes + 3, no EOS appended."""
    return [b + 3 for b in text.encode("utf-8")]


def decode(ids):
    bs = bytes(i - 3 for i in ids if 3 <= i < 259)
    return bs.decode("utf-8", errors="ignore")


# ---------------------------------------------------------------------------
# checkpoint reading
# ---------------------------------------------------------------------------
def _bf16_to_f32(raw_u16):
    return (raw_u16.astype(np.uint32) << 16).view(np.float32)


def read_safetensors(path):
    """Return (dict name -> float32 numpy array, dict name -> dtype string)."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    base = 8 + n
    out, dtypes = {}, {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        s, e = info["data_offsets"]
        buf = data[base + s:base + e]
        dt = info["dtype"]
        shape = tuple(info["shape"])
        if dt == "F32":
            a = np.frombuffer(buf, dtype="<f4")
        elif dt == "F16":
            a = np.frombuffer(buf, dtype="<f2").astype(np.float32)
        elif dt == "BF16":
            a = _bf16_to_f32(np.frombuffer(buf, dtype="<u2"))
        elif dt == "F64":
            a = np.frombuffer(buf, dtype="<f8").astype(np.float32)
        else:
            raise ValueError("unsupported dtype %s for %s" % (dt, name))
        out[name] = a.reshape(shape).copy()
        dtypes[name] = dt
    return out, dtypes


def read_torch_bin(path):
    try:
        sd = torch.load(path, map_location="cpu", weights_only=True)
    except TypeError:  # very old torch
        sd = torch.load(path, map_location="cpu")
    out, dtypes = {}, {}
    for k, v in sd.items():
        out[k] = v.detach().to(torch.float32).cpu().numpy().copy()
        dtypes[k] = str(v.dtype)
    return out, dtypes


def load_checkpoint(folder):
    with open(os.path.join(folder, "config.json"), "r", encoding="utf-8") as f:
        cfg = json.load(f)
    st = os.path.join(folder, "model.safetensors")
    pb = os.path.join(folder, "pytorch_model.bin")
    if os.path.exists(st):
        w, dt = read_safetensors(st)
    elif os.path.exists(pb):
        w, dt = read_torch_bin(pb)
    else:
        raise FileNotFoundError("no model.safetensors / pytorch_model.bin in " + folder)
    return cfg, w, dt


def engine_scale_rule(cfg):
    if "scale_decoder_outputs" in cfg and cfg["scale_decoder_outputs"] is not None:
        return bool(cfg["scale_decoder_outputs"])
    return bool(cfg.get("tie_word_embeddings", True))


# ---------------------------------------------------------------------------
# model
# ---------------------------------------------------------------------------
def _act(name):
    if name == "gelu_new" or name == "gelu_pytorch_tanh":
        c = math.sqrt(2.0 / math.pi)
        return lambda x: 0.5 * x * (1.0 + torch.tanh(c * (x + 0.044715 * x * x * x)))
    if name == "gelu":
        return lambda x: 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))
    if name == "relu":
        return torch.relu
    if name == "silu" or name == "swish":
        return lambda x: x * torch.sigmoid(x)
    raise ValueError("unsupported activation " + name)


def ff_kind(cfg):
    """(is_gated, activation name) following T5Config.__init__."""
    proj = cfg.get("feed_forward_proj", "relu")
    parts = proj.split("-")
    act = parts[-1]
    gated = parts[0] == "gated"
    if proj == "gated-gelu":
        act = "gelu_new"
    return gated, act


def relative_position_bucket(rel, bidirectional, num_buckets, max_distance):
    ret = torch.zeros_like(rel)
    if bidirectional:
        num_buckets //= 2
        ret = ret + (rel > 0).to(torch.long) * num_buckets
        rel = torch.abs(rel)
    else:
        rel = -torch.min(rel, torch.zeros_like(rel))
    max_exact = num_buckets // 2
    is_small = rel < max_exact
    large = max_exact + (
        torch.log(rel.float() / max_exact) / math.log(max_distance / max_exact) * (num_buckets - max_exact)
    ).to(torch.long)
    large = torch.min(large, torch.full_like(large, num_buckets - 1))
    return ret + torch.where(is_small, rel, large)


class T5Ref(object):
    def __init__(self, cfg, weights, dtype=torch.float64, device="cpu"):
        self.cfg = cfg
        self.dtype = dtype
        self.device = device
        self.d_model = cfg["d_model"]
        self.n_heads = cfg["num_heads"]
        self.d_kv = cfg["d_kv"]
        self.n_enc = cfg["num_layers"]
        self.n_dec = cfg.get("num_decoder_layers") or cfg["num_layers"]
        self.eps = cfg.get("layer_norm_epsilon", 1e-6)
        self.nb = cfg.get("relative_attention_num_buckets", 32)
        self.md = cfg.get("relative_attention_max_distance", 128)
        self.gated, actname = ff_kind(cfg)
        self.act = _act(actname)
        self.scale = engine_scale_rule(cfg)
        self.w = {k: torch.from_numpy(np.ascontiguousarray(v)).to(dtype=dtype, device=device)
                  for k, v in weights.items()}
        if "shared.weight" in self.w:
            self.emb = self.w["shared.weight"]
        elif "encoder.embed_tokens.weight" in self.w:
            self.emb = self.w["encoder.embed_tokens.weight"]
        else:
            raise KeyError("no shared.weight / encoder.embed_tokens.weight")
        self.demb = self.w.get("decoder.embed_tokens.weight", self.emb)
        self.eemb = self.w.get("encoder.embed_tokens.weight", self.emb)
        self.lm_head = self.w.get("lm_head.weight", self.emb)
        self.lm_head_from = "lm_head.weight" if "lm_head.weight" in self.w else "shared.weight"

    def _ln(self, x, name):
        var = (x * x).mean(-1, keepdim=True)
        return x * torch.rsqrt(var + self.eps) * self.w[name]

    def _lin(self, x, name):
        return x @ self.w[name].t()

    def _attn(self, x, kv, pre, bias, mask):
        # x: [q, d], kv: [k, d]; bias [H, q, k] or None; mask [q, k] bool (True=keep) or None
        H, D = self.n_heads, self.d_kv
        q = self._lin(x, pre + ".q.weight").view(-1, H, D).transpose(0, 1)
        k = self._lin(kv, pre + ".k.weight").view(-1, H, D).transpose(0, 1)
        v = self._lin(kv, pre + ".v.weight").view(-1, H, D).transpose(0, 1)
        s = q @ k.transpose(1, 2)  # no 1/sqrt(d) in T5
        if bias is not None:
            s = s + bias
        if mask is not None:
            s = s.masked_fill(~mask.unsqueeze(0), float("-inf"))
        p = torch.softmax(s, dim=-1)
        o = (p @ v).transpose(0, 1).reshape(-1, H * D)
        return self._lin(o, pre + ".o.weight")

    def _bias(self, pre, qlen, klen, bidirectional, q_offset=0):
        ctx = torch.arange(q_offset, q_offset + qlen, dtype=torch.long, device=self.device)[:, None]
        mem = torch.arange(klen, dtype=torch.long, device=self.device)[None, :]
        b = relative_position_bucket(mem - ctx, bidirectional, self.nb, self.md)
        table = self.w[pre + ".relative_attention_bias.weight"]  # [nb, H]
        return table[b].permute(2, 0, 1)  # [H, q, k]

    def _ff(self, x, pre):
        if self.gated:
            h = self.act(self._lin(x, pre + ".wi_0.weight")) * self._lin(x, pre + ".wi_1.weight")
        else:
            h = self.act(self._lin(x, pre + ".wi.weight"))
        return self._lin(h, pre + ".wo.weight")

    @torch.no_grad()
    def encode(self, ids):
        ids = torch.tensor(ids, dtype=torch.long, device=self.device)
        h = self.eemb[ids]
        n = h.shape[0]
        bias = self._bias("encoder.block.0.layer.0.SelfAttention", n, n, True)
        for i in range(self.n_enc):
            p = "encoder.block.%d" % i
            x = self._ln(h, p + ".layer.0.layer_norm.weight")
            h = h + self._attn(x, x, p + ".layer.0.SelfAttention", bias, None)
            h = h + self._ff(self._ln(h, p + ".layer.1.layer_norm.weight"), p + ".layer.1.DenseReluDense")
        return self._ln(h, "encoder.final_layer_norm.weight")

    @torch.no_grad()
    def decoder_logits(self, enc, dec_ids):
        """Logits [len(dec_ids), V] for every decoder position (no cache)."""
        ids = torch.tensor(dec_ids, dtype=torch.long, device=self.device)
        h = self.demb[ids]
        n = h.shape[0]
        bias = self._bias("decoder.block.0.layer.0.SelfAttention", n, n, False)
        causal = torch.ones(n, n, dtype=torch.bool, device=self.device).tril()
        for i in range(self.n_dec):
            p = "decoder.block.%d" % i
            x = self._ln(h, p + ".layer.0.layer_norm.weight")
            h = h + self._attn(x, x, p + ".layer.0.SelfAttention", bias, causal)
            x = self._ln(h, p + ".layer.1.layer_norm.weight")
            h = h + self._attn(x, enc, p + ".layer.1.EncDecAttention", None, None)
            h = h + self._ff(self._ln(h, p + ".layer.2.layer_norm.weight"), p + ".layer.2.DenseReluDense")
        h = self._ln(h, "decoder.final_layer_norm.weight")
        if self.scale:
            h = h * (self.d_model ** -0.5)
        return h @ self.lm_head.t()

    @torch.no_grad()
    def greedy(self, ids, max_new_tokens=40):
        """Returns (generated ids excl. start token, list of per-step logits tensors)."""
        enc = self.encode(ids)
        dec = [0]
        out, steps = [], []
        for _ in range(max_new_tokens):
            lg = self.decoder_logits(enc, dec)[-1]
            t = int(torch.argmax(lg).item())
            steps.append(lg)
            out.append(t)
            if t == EOS_ID:
                break
            dec.append(t)
        return out, steps


def margin(logits):
    top2 = torch.topk(logits.double(), 2).values
    return float(top2[0] - top2[1])


# ---------------------------------------------------------------------------
# deterministic random weights
# ---------------------------------------------------------------------------
def canonical_names(cfg):
    """The parameter names of HF T5ForConditionalGeneration (one name per
    distinct weight; embed_tokens aliases and a tied lm_head map to shared)."""
    gated, _ = ff_kind(cfg)
    ffn = ["wi_0", "wi_1", "wo"] if gated else ["wi", "wo"]
    names = ["shared.weight"]
    n_dec = cfg.get("num_decoder_layers") or cfg["num_layers"]
    for i in range(cfg["num_layers"]):
        p = "encoder.block.%d.layer." % i
        for m in "qkvo":
            names.append(p + "0.SelfAttention.%s.weight" % m)
        if i == 0:
            names.append(p + "0.SelfAttention.relative_attention_bias.weight")
        names.append(p + "0.layer_norm.weight")
        for m in ffn:
            names.append(p + "1.DenseReluDense.%s.weight" % m)
        names.append(p + "1.layer_norm.weight")
    names.append("encoder.final_layer_norm.weight")
    for i in range(n_dec):
        p = "decoder.block.%d.layer." % i
        for m in "qkvo":
            names.append(p + "0.SelfAttention.%s.weight" % m)
        if i == 0:
            names.append(p + "0.SelfAttention.relative_attention_bias.weight")
        names.append(p + "0.layer_norm.weight")
        for m in "qkvo":
            names.append(p + "1.EncDecAttention.%s.weight" % m)
        names.append(p + "1.layer_norm.weight")
        for m in ffn:
            names.append(p + "2.DenseReluDense.%s.weight" % m)
        names.append(p + "2.layer_norm.weight")
    names.append("decoder.final_layer_norm.weight")
    if not cfg.get("tie_word_embeddings", True):
        names.append("lm_head.weight")
    return names


def canonical_key(name, tied):
    if name.endswith("embed_tokens.weight"):
        return "shared.weight"
    if name == "lm_head.weight" and tied:
        return "shared.weight"
    return name


def param_shape(cfg, name):
    d, H, D, ff, V = cfg["d_model"], cfg["num_heads"], cfg["d_kv"], cfg["d_ff"], cfg["vocab_size"]
    inner = H * D
    if name in ("shared.weight", "lm_head.weight"):
        return (V, d)
    if name.endswith("layer_norm.weight"):
        return (d,)
    if name.endswith("relative_attention_bias.weight"):
        return (cfg.get("relative_attention_num_buckets", 32), H)
    last = name.split(".")[-2]
    if last in ("q", "k", "v"):
        return (inner, d)
    if last == "o":
        return (d, inner)
    if last in ("wi", "wi_0", "wi_1"):
        return (ff, d)
    if last == "wo":
        return (d, ff)
    raise KeyError(name)


def gen_param(cfg, name, seed, knobs):
    """Deterministic float32 numpy array for canonical parameter `name`.

    knobs: dict with
      logit_std  - target std of the logits (before EOS boost)
      eos_scale  - multiplier of the EOS row (id 1) of the output matrix
      out_scale  - (optional, default 1) multiplier of attention-output (o) and
                   FFN-output (wo) weights: makes the residual stream dominated
                   by the blocks rather than the token embedding (matters for
                   tied embeddings, where the embedding of the previous token
                   otherwise dominates the logits -> endless repetition)
    """
    d, H, D, ff = cfg["d_model"], cfg["num_heads"], cfg["d_kv"], cfg["d_ff"]
    tied = bool(cfg.get("tie_word_embeddings", True))
    shape = param_shape(cfg, name)
    rs = np.random.RandomState(zlib.crc32(("%d:%s" % (seed, name)).encode("utf-8")) & 0xFFFFFFFF)
    z = rs.standard_normal(size=shape)
    last = name.split(".")[-2]
    if name == "shared.weight":
        # tied: logits = (h . E) * d**-0.5 with |h|~sqrt(d) -> logit std ~ std(E)
        std = knobs["logit_std"] if tied else 1.0
        a = z * std
        if tied:
            a[EOS_ID] *= knobs["eos_scale"]
    elif name == "lm_head.weight":
        a = z * (knobs["logit_std"] / math.sqrt(d))
        a[EOS_ID] *= knobs["eos_scale"]
    elif name.endswith("layer_norm.weight"):
        a = 1.0 + 0.2 * z
    elif name.endswith("relative_attention_bias.weight"):
        a = z * 1.0
    elif last in ("q", "k", "v"):
        a = z * (d ** -0.5)
    elif last == "o":
        a = z * ((H * D) ** -0.5) * knobs.get("out_scale", 1.0)
    elif last in ("wi", "wi_0", "wi_1"):
        a = z * (d ** -0.5)
    elif last == "wo":
        a = z * (ff ** -0.5) * knobs.get("out_scale", 1.0)
    else:
        raise KeyError(name)
    return a.astype(np.float32)


def gen_weights(cfg, seed, knobs):
    return {n: gen_param(cfg, n, seed, knobs) for n in canonical_names(cfg)}
