"""Compact T5 v1.1 (ByT5 / CharsiuG2P architecture) in plain PyTorch.

State-dict names match transformers.T5ForConditionalGeneration exactly:
  shared.weight, encoder.embed_tokens.weight (alias of shared), decoder.embed_tokens.weight (alias),
  {encoder,decoder}.block.N.layer.0.SelfAttention.{q,k,v,o}.weight,
  {encoder,decoder}.block.0.layer.0.SelfAttention.relative_attention_bias.weight,
  {encoder,decoder}.block.N.layer.0.layer_norm.weight,
  decoder.block.N.layer.1.EncDecAttention.{q,k,v,o}.weight, decoder.block.N.layer.1.layer_norm.weight,
  encoder.block.N.layer.1.DenseReluDense.{wi_0,wi_1,wo}.weight (decoder: layer.2),
  {encoder,decoder}.final_layer_norm.weight, lm_head.weight.

Architecture: RMSNorm without bias (eps 1e-6), gated-gelu FF with the tanh GELU ("gelu_new"),
attention without 1/sqrt(d) scaling, relative position bias computed in layer 0 of each stack and
shared by all layers (encoder bidirectional, decoder unidirectional; 32 buckets, max distance 128),
untied lm_head without d_model**-0.5 output scaling, dropout 0.1 while training.
Works on torch 1.13 (manual attention) and torch >= 2.1 (scaled_dot_product_attention, scale=1.0).
"""
import math
from dataclasses import dataclass, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F

NEG = -1e9


@dataclass
class T5Config:
    vocab_size: int = 384
    d_model: int = 256
    d_kv: int = 64
    d_ff: int = 512
    num_heads: int = 6
    num_layers: int = 6
    num_decoder_layers: int = 2
    relative_attention_num_buckets: int = 32
    relative_attention_max_distance: int = 128
    dropout_rate: float = 0.1
    layer_norm_epsilon: float = 1e-6
    initializer_factor: float = 1.0

    def to_dict(self):
        return asdict(self)


CONFIGS = {
    "tiny_8": dict(num_layers=6, num_decoder_layers=2, d_model=256, d_ff=512, num_heads=6, d_kv=64),
    "tiny_16": dict(num_layers=12, num_decoder_layers=4, d_model=256, d_ff=1024, num_heads=6, d_kv=64),
    # for CPU smoke tests only
    "micro": dict(num_layers=2, num_decoder_layers=1, d_model=64, d_ff=128, num_heads=2, d_kv=32),
}


def hf_config_dict(cfg: T5Config):
    """config.json in the style of transformers' T5ForConditionalGeneration."""
    return {
        "architectures": ["T5ForConditionalGeneration"],
        "model_type": "t5",
        "d_ff": cfg.d_ff,
        "d_kv": cfg.d_kv,
        "d_model": cfg.d_model,
        "decoder_start_token_id": 0,
        "dense_act_fn": "gelu_new",
        "dropout_rate": cfg.dropout_rate,
        "eos_token_id": 1,
        "pad_token_id": 0,
        "feed_forward_proj": "gated-gelu",
        "initializer_factor": cfg.initializer_factor,
        "is_encoder_decoder": True,
        "is_gated_act": True,
        "layer_norm_epsilon": cfg.layer_norm_epsilon,
        "num_decoder_layers": cfg.num_decoder_layers,
        "num_heads": cfg.num_heads,
        "num_layers": cfg.num_layers,
        "relative_attention_max_distance": cfg.relative_attention_max_distance,
        "relative_attention_num_buckets": cfg.relative_attention_num_buckets,
        "scale_decoder_outputs": False,
        "tie_word_embeddings": False,
        "torch_dtype": "float32",
        "use_cache": True,
        "vocab_size": cfg.vocab_size,
    }


def relative_position_bucket(relative_position, bidirectional=True, num_buckets=32, max_distance=128):
    """Exactly transformers' T5Attention._relative_position_bucket."""
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
        relative_position_if_large, torch.full_like(relative_position_if_large, num_buckets - 1))
    relative_buckets += torch.where(is_small, relative_position, relative_position_if_large)
    return relative_buckets


_HAS_SDPA = hasattr(F, "scaled_dot_product_attention")
_SDPA_SCALE = False
if _HAS_SDPA:
    import inspect
    try:
        _SDPA_SCALE = "scale" in inspect.signature(F.scaled_dot_product_attention).parameters
    except (TypeError, ValueError):  # builtins without signature: torch >= 2.1 has scale
        _SDPA_SCALE = tuple(int(x) for x in torch.__version__.split(".")[:2]) >= (2, 1)


class T5LayerNorm(nn.Module):
    def __init__(self, d, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        var = x.float().pow(2).mean(-1, keepdim=True)
        x = x.float() * torch.rsqrt(var + self.eps)
        return self.weight * x.to(self.weight.dtype) if self.weight.dtype in (torch.float16, torch.bfloat16) \
            else self.weight * x


class T5Attention(nn.Module):
    def __init__(self, cfg: T5Config, has_relative_attention_bias=False, bidirectional=True):
        super().__init__()
        inner = cfg.num_heads * cfg.d_kv
        self.n_heads, self.d_kv = cfg.num_heads, cfg.d_kv
        self.q = nn.Linear(cfg.d_model, inner, bias=False)
        self.k = nn.Linear(cfg.d_model, inner, bias=False)
        self.v = nn.Linear(cfg.d_model, inner, bias=False)
        self.o = nn.Linear(inner, cfg.d_model, bias=False)
        self.has_relative_attention_bias = has_relative_attention_bias
        self.bidirectional = bidirectional
        self.num_buckets = cfg.relative_attention_num_buckets
        self.max_distance = cfg.relative_attention_max_distance
        self.dropout = cfg.dropout_rate
        self.use_sdpa = _HAS_SDPA and _SDPA_SCALE
        if has_relative_attention_bias:
            self.relative_attention_bias = nn.Embedding(self.num_buckets, self.n_heads)

    def compute_bias(self, q_len, k_len, device):
        ctx = torch.arange(q_len, dtype=torch.long, device=device)[:, None]
        mem = torch.arange(k_len, dtype=torch.long, device=device)[None, :]
        buckets = relative_position_bucket(mem - ctx, self.bidirectional, self.num_buckets, self.max_distance)
        values = self.relative_attention_bias(buckets)  # (q, k, H)
        return values.permute(2, 0, 1).unsqueeze(0)  # (1, H, q, k)

    def forward(self, x, kv, mask):
        """x: (B, Lq, D); kv: (B, Lk, D); mask: additive float, broadcastable to (B, H, Lq, Lk)."""
        B, Lq, _ = x.shape
        Lk = kv.shape[1]
        q = self.q(x).view(B, Lq, self.n_heads, self.d_kv).transpose(1, 2)
        k = self.k(kv).view(B, Lk, self.n_heads, self.d_kv).transpose(1, 2)
        v = self.v(kv).view(B, Lk, self.n_heads, self.d_kv).transpose(1, 2)
        p = self.dropout if self.training else 0.0
        if self.use_sdpa:
            m = mask.to(q.dtype).expand(B, self.n_heads, Lq, Lk)
            out = F.scaled_dot_product_attention(q, k, v, attn_mask=m, dropout_p=p, scale=1.0)
        else:
            scores = torch.matmul(q, k.transpose(-1, -2)).float() + mask.float()
            w = torch.softmax(scores, dim=-1).to(q.dtype)
            if p > 0:
                w = F.dropout(w, p=p, training=True)
            out = torch.matmul(w, v)
        out = out.transpose(1, 2).reshape(B, Lq, self.n_heads * self.d_kv)
        return self.o(out)


class T5LayerSelfAttention(nn.Module):
    def __init__(self, cfg, has_bias, bidirectional):
        super().__init__()
        self.SelfAttention = T5Attention(cfg, has_bias, bidirectional)
        self.layer_norm = T5LayerNorm(cfg.d_model, cfg.layer_norm_epsilon)
        self.dropout = nn.Dropout(cfg.dropout_rate)

    def forward(self, x, mask):
        h = self.layer_norm(x)
        return x + self.dropout(self.SelfAttention(h, h, mask))


class T5LayerCrossAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.EncDecAttention = T5Attention(cfg, False)
        self.layer_norm = T5LayerNorm(cfg.d_model, cfg.layer_norm_epsilon)
        self.dropout = nn.Dropout(cfg.dropout_rate)

    def forward(self, x, enc, mask):
        return x + self.dropout(self.EncDecAttention(self.layer_norm(x), enc, mask))


class T5DenseGatedActDense(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.wi_0 = nn.Linear(cfg.d_model, cfg.d_ff, bias=False)
        self.wi_1 = nn.Linear(cfg.d_model, cfg.d_ff, bias=False)
        self.wo = nn.Linear(cfg.d_ff, cfg.d_model, bias=False)
        self.dropout = nn.Dropout(cfg.dropout_rate)

    def forward(self, x):
        h = F.gelu(self.wi_0(x), approximate="tanh") * self.wi_1(x)
        return self.wo(self.dropout(h))


class T5LayerFF(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.DenseReluDense = T5DenseGatedActDense(cfg)
        self.layer_norm = T5LayerNorm(cfg.d_model, cfg.layer_norm_epsilon)
        self.dropout = nn.Dropout(cfg.dropout_rate)

    def forward(self, x):
        return x + self.dropout(self.DenseReluDense(self.layer_norm(x)))


class T5Block(nn.Module):
    def __init__(self, cfg, is_decoder, has_bias):
        super().__init__()
        self.is_decoder = is_decoder
        layers = [T5LayerSelfAttention(cfg, has_bias, bidirectional=not is_decoder)]
        if is_decoder:
            layers.append(T5LayerCrossAttention(cfg))
        layers.append(T5LayerFF(cfg))
        self.layer = nn.ModuleList(layers)

    def forward(self, x, self_mask, enc=None, cross_mask=None):
        x = self.layer[0](x, self_mask)
        if self.is_decoder:
            x = self.layer[1](x, enc, cross_mask)
        return self.layer[-1](x)


class T5Stack(nn.Module):
    def __init__(self, cfg, embed_tokens, is_decoder):
        super().__init__()
        self.embed_tokens = embed_tokens
        self.is_decoder = is_decoder
        n = cfg.num_decoder_layers if is_decoder else cfg.num_layers
        self.block = nn.ModuleList([T5Block(cfg, is_decoder, has_bias=(i == 0)) for i in range(n)])
        self.final_layer_norm = T5LayerNorm(cfg.d_model, cfg.layer_norm_epsilon)
        self.dropout = nn.Dropout(cfg.dropout_rate)

    def forward(self, ids, self_mask_pad=None, enc=None, cross_mask=None):
        x = self.dropout(self.embed_tokens(ids))
        L = ids.shape[1]
        bias = self.block[0].layer[0].SelfAttention.compute_bias(L, L, ids.device)
        if self.is_decoder:
            causal = torch.triu(torch.full((L, L), NEG, device=ids.device), diagonal=1)
            mask = bias + causal
        else:
            mask = bias + self_mask_pad
        for blk in self.block:
            x = blk(x, mask, enc, cross_mask)
        return self.dropout(self.final_layer_norm(x))


class T5ForConditionalGeneration(nn.Module):
    def __init__(self, cfg: T5Config):
        super().__init__()
        self.config = cfg
        self.shared = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.encoder = T5Stack(cfg, self.shared, is_decoder=False)
        self.decoder = T5Stack(cfg, self.shared, is_decoder=True)
        self.lm_head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)
        self.reset_parameters()

    @torch.no_grad()
    def reset_parameters(self):
        """Same initialisation as transformers' T5PreTrainedModel._init_weights."""
        c = self.config
        f = c.initializer_factor
        nn.init.normal_(self.shared.weight, std=f * 1.0)
        # transformers uses std 1.0 here (initial logits ~N(0, d_model)); d_model**-0.5 starts the
        # loss at ~ln(vocab) instead of ~18 and trains faster from scratch. Export is unaffected.
        nn.init.normal_(self.lm_head.weight, std=f * c.d_model ** -0.5)
        for m in self.modules():
            if isinstance(m, T5LayerNorm):
                m.weight.fill_(f * 1.0)
            elif isinstance(m, T5DenseGatedActDense):
                nn.init.normal_(m.wi_0.weight, std=f * c.d_model ** -0.5)
                nn.init.normal_(m.wi_1.weight, std=f * c.d_model ** -0.5)
                nn.init.normal_(m.wo.weight, std=f * c.d_ff ** -0.5)
            elif isinstance(m, T5Attention):
                nn.init.normal_(m.q.weight, std=f * (c.d_model * c.d_kv) ** -0.5)
                nn.init.normal_(m.k.weight, std=f * c.d_model ** -0.5)
                nn.init.normal_(m.v.weight, std=f * c.d_model ** -0.5)
                nn.init.normal_(m.o.weight, std=f * (c.num_heads * c.d_kv) ** -0.5)
                if m.has_relative_attention_bias:
                    nn.init.normal_(m.relative_attention_bias.weight, std=f * c.d_model ** -0.5)

    def encode(self, input_ids):
        pad = (input_ids == 0)
        pad_mask = (pad.to(torch.float32) * NEG)[:, None, None, :]  # (B,1,1,Lk)
        enc = self.encoder(input_ids, self_mask_pad=pad_mask)
        return enc, pad_mask

    def forward(self, input_ids, decoder_input_ids):
        enc, pad_mask = self.encode(input_ids)
        dec = self.decoder(decoder_input_ids, enc=enc, cross_mask=pad_mask)
        return self.lm_head(dec)

    @torch.no_grad()
    def generate(self, input_ids, max_len=128, eos=1):
        """Greedy decoding without cache (the decoder is re-run on the prefix each step)."""
        enc, pad_mask = self.encode(input_ids)
        B = input_ids.shape[0]
        out = torch.zeros(B, 1, dtype=torch.long, device=input_ids.device)
        done = torch.zeros(B, dtype=torch.bool, device=input_ids.device)
        for _ in range(max_len):
            dec = self.decoder(out, enc=enc, cross_mask=pad_mask)
            nxt = self.lm_head(dec[:, -1]).argmax(-1)
            nxt = torch.where(done, torch.zeros_like(nxt), nxt)
            out = torch.cat([out, nxt[:, None]], 1)
            done |= nxt == eos
            if bool(done.all()):
                break
        return out[:, 1:]
