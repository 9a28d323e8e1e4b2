"""Shared helpers for the transformers-based reference scripts.

transformers is imported lazily (inside functions) so that t5ref-only tools
can import this module on machines without transformers.
"""

import os
import sys

import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

EOS_ID = 1


def setup_precision():
    """Strict float32: TF32 off everywhere.  Returns a description string."""
    notes = []
    for what, fn in (
        ("cuda.matmul.allow_tf32=False", lambda: setattr(torch.backends.cuda.matmul, "allow_tf32", False)),
        ("cudnn.allow_tf32=False", lambda: setattr(torch.backends.cudnn, "allow_tf32", False)),
        ("set_float32_matmul_precision('highest')", lambda: torch.set_float32_matmul_precision("highest")),
    ):
        try:
            fn()
            notes.append(what)
        except Exception as e:  # pragma: no cover - depends on torch version
            notes.append("%s FAILED (%s)" % (what, e))
    # Report the effective state (new-style API on torch >= 2.9, if any).
    state = []
    try:
        state.append("matmul.allow_tf32=%s" % torch.backends.cuda.matmul.allow_tf32)
    except Exception as e:
        state.append("matmul.allow_tf32=? (%s)" % e)
    try:
        state.append("cudnn.allow_tf32=%s" % torch.backends.cudnn.allow_tf32)
    except Exception as e:
        state.append("cudnn.allow_tf32=? (%s)" % e)
    try:
        state.append("float32_matmul_precision=%s" % torch.get_float32_matmul_precision())
    except Exception as e:
        state.append("float32_matmul_precision=? (%s)" % e)
    try:
        fp = torch.backends.cuda.matmul.fp32_precision  # torch >= 2.9
        state.append("matmul.fp32_precision=%s" % fp)
    except Exception:
        pass
    return "; ".join(notes) + " | " + "; ".join(state)


def pick_device(name=None):
    if name:
        return torch.device(name)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def device_desc(device):
    if device.type == "cuda":
        try:
            return "cuda:%s" % torch.cuda.get_device_name(device)
        except Exception:
            return "cuda"
    return "cpu"


def versions():
    import transformers
    try:
        import safetensors
        sv = getattr(safetensors, "__version__", "?")
    except Exception:
        sv = "missing"
    return "transformers %s, torch %s, safetensors %s, python %s" % (
        transformers.__version__, torch.__version__, sv, sys.version.split()[0])


def load_hf_float32(folder, device):
    """Load a T5ForConditionalGeneration checkpoint as float32.

    transformers 5.x takes dtype=, 4.x torch_dtype=; try the new name first.
    Whatever the loader did, finish with model.float() (an exact upcast) and
    assert every parameter is float32.
    """
    from transformers import T5ForConditionalGeneration

    attempts = [
        dict(dtype=torch.float32, attn_implementation="eager"),
        dict(dtype=torch.float32),
        dict(torch_dtype=torch.float32, attn_implementation="eager"),
        dict(torch_dtype=torch.float32),
        dict(),
    ]
    model, used, errors = None, None, []
    for kw in attempts:
        try:
            model = T5ForConditionalGeneration.from_pretrained(folder, **kw)
            used = kw
            break
        except Exception as e:
            errors.append("%s -> %s: %s" % (sorted(kw.keys()), type(e).__name__, e))
    if model is None:
        raise RuntimeError("could not load %s:\n  %s" % (folder, "\n  ".join(errors)))
    for e in errors:
        print("  [load] fallback after: %s" % e)
    loaded_dtypes = sorted({str(p.dtype) for p in model.parameters()})
    model = model.float().to(device).eval()
    bad = [n for n, p in model.named_parameters() if p.dtype != torch.float32]
    assert not bad, "non-float32 params after .float(): %s" % bad[:5]
    print("  [load] from_pretrained(%s) kwargs=%s; param dtypes as loaded=%s -> float32 on %s"
          % (folder, {k: str(v) for k, v in used.items()}, loaded_dtypes, device))
    return model


def _logits_of(out):
    if hasattr(out, "logits"):
        return out.logits
    return out[0]


@torch.no_grad()
def hf_greedy(model, ids, device, max_new_tokens=40):
    """Manual greedy loop without KV cache (full decoder re-run each step).

    Returns (generated ids excluding the start token 0, including the final 1
    if EOS was produced; list of float32 CPU logits tensors, one per step).
    """
    x = torch.tensor([ids], dtype=torch.long, device=device)
    m = torch.ones_like(x)
    dec = [0]
    out, steps = [], []
    for _ in range(max_new_tokens):
        d = torch.tensor([dec], dtype=torch.long, device=device)
        o = model(input_ids=x, attention_mask=m, decoder_input_ids=d, use_cache=False)
        lg = _logits_of(o)[0, -1].float().cpu()
        t = int(torch.argmax(lg).item())
        steps.append(lg)
        out.append(t)
        if t == EOS_ID:
            break
        dec.append(t)
    return out, steps


@torch.no_grad()
def hf_generate(model, ids, device, max_new_tokens=40):
    """model.generate greedy, for cross-checking hf_greedy.  Returns ids
    excluding the start token, up to and including the first EOS."""
    x = torch.tensor([ids], dtype=torch.long, device=device)
    m = torch.ones_like(x)
    g = model.generate(input_ids=x, attention_mask=m, max_new_tokens=max_new_tokens,
                       num_beams=1, do_sample=False, decoder_start_token_id=0,
                       eos_token_id=EOS_ID, pad_token_id=0)
    if hasattr(g, "sequences"):
        g = g.sequences
    seq = [int(t) for t in g[0].tolist()]
    if seq and seq[0] == 0:
        seq = seq[1:]
    if EOS_ID in seq:
        seq = seq[:seq.index(EOS_ID) + 1]
    return seq


def margins(steps):
    res = []
    for lg in steps:
        top2 = torch.topk(lg.double(), 2).values
        res.append(float(top2[0] - top2[1]))
    return res
