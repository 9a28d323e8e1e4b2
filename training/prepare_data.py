#!/usr/bin/python3
"""Build the CharsiuG2P training file .data/train.tsv.bz2 (stdlib only).

Lines: lang<TAB>word<TAB>pron (first pronunciation variant), sorted by language,
deduplicated, without any (lang, word) of the dev split, and with
len("<lang>: " + word) <= 64 bytes and len(pron) <= 127 bytes (so that pron + EOS
fits the 128-token label budget).

Sources:
  * train/<lang>.tsv of the CharsiuG2P data (91 languages), unchanged except first variant.
  * substitutes/ (Wikipron) for ger, spa, spa-me, swe, jpn, ara, converted to the
    notation of the dev split of that language (see the converters below).
  * espeak-ng (Debian package espeak-ng) for fra, fra-qu, rus, run on word lists from
    Debian packages (wfrench: /usr/share/dict/french; hunspell-ru expanded with unmunch
    from hunspell-tools), converted to the dev notation. Dev words are removed from the
    word lists before anything else.

Usage:
  /usr/bin/python3 training/prepare_data.py            # writes .data/train.tsv.bz2 + training/DATA.md
  /usr/bin/python3 training/prepare_data.py --eval     # only report how close each converter
                                                       # gets to the dev notation (PER on dev words;
                                                       # these outputs are never written to training data)
"""
import argparse
import bz2
import collections
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("CHARSIU_DATA", "/work/shared/data/charsiug2p")
MAX_IN = 64
MAX_OUT = 127


# ----------------------------------------------------------------------------- utils
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def read_tsv(path, encoding="utf-8"):
    out = []
    with open(path, encoding=encoding) as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line or "\t" not in line:
                continue
            w, p = line.split("\t", 1)
            w = w.strip()
            p = p.split(",")[0].strip()
            if w and p:
                out.append((w, p))
    return out


def load_dev():
    dev = {}
    for fn in sorted(os.listdir(os.path.join(DATA, "dev"))):
        if fn.endswith(".tsv"):
            dev[fn[:-4]] = read_tsv(os.path.join(DATA, "dev", fn))
    return dev


def strip_marks(s, marks):
    return "".join(c for c in s if c not in marks)


# ----------------------------------------------------------------------------- espeak
def espeak(words, voice, jobs=max(1, min(8, os.cpu_count() or 1))):
    """IPA for each word (one clause per word), None where espeak switched language."""
    words = list(words)
    if not words:
        return []
    chunks = [words[i::jobs] for i in range(jobs)]
    procs = []
    tmpfiles = []
    for ch in chunks:
        tf = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
        tf.write("".join(w + ".\n" for w in ch))
        tf.close()
        outf = open(tf.name + ".out", "wb")
        tmpfiles.append((tf.name, outf))
        procs.append(subprocess.Popen(["espeak-ng", "-q", "--ipa", "-v", voice, "-f", tf.name], stdout=outf))
    results = []
    for p, ch, (tfn, outf) in zip(procs, chunks, tmpfiles):
        p.wait()
        outf.close()
        with open(tfn + ".out", encoding="utf-8") as f:
            out = f.read().split("\n")
        os.unlink(tfn)
        os.unlink(tfn + ".out")
        out = [o.strip() for o in out]
        if out and out[-1] == "":
            out = out[:-1]
        if len(out) != len(ch):
            raise RuntimeError("espeak-ng output misaligned for voice %s (%d vs %d)" % (voice, len(out), len(ch)))
        results.append(out)
    merged = [None] * len(words)
    for k, out in enumerate(results):
        for j, o in enumerate(out):
            merged[k + j * jobs] = None if ("(" in o or " " in o) else o
    return merged


def have_espeak():
    try:
        subprocess.run(["espeak-ng", "--version"], stdout=subprocess.DEVNULL, check=True)
        return True
    except Exception:
        return False


# ----------------------------------------------------------------------------- French
FRA_OK = set("abdefgijklmnoprstuvwyzøœɑɔəɛɥɲŋʁʃʒ̃")
FRA_ORTHO_SCHWA = re.compile(r"[^aeiouyéèêëàâîïôûùœ]er(ai|ais|ait|aient|as|a|ons|ont|ez|iez|ions|ie|ies|ent|e|es)?$")


def fra_from_espeak(word, ipa):
    s = strip_marks(ipa, "ˈˌ-ː\"^")
    s = s.replace("ɡ", "g").replace("r", "ʁ")
    if any(c not in FRA_OK for c in s):
        return None
    # espeak drops the e muet of -erons/-erait/...; the dev notation keeps it as ə
    m = FRA_ORTHO_SCHWA.search(word.lower())
    if m:
        k = s.rfind("ʁ")
        if k > 0 and s[k - 1] not in "aeiouyøœɑɔəɛ̃":
            s = s[:k] + "ə" + s[k:]
    return s or None


def fraqu_from_fra(word, s):
    """Rough Quebec French rules calibrated on the dev notation."""
    s = s.replace("ɔ̃", "Õ").replace("ɛ̃", "Ẽ").replace("ɑ̃", "Ã").replace("œ̃", "Ẽ")
    V = "aeiouyøœɑɔəɛÕẼÃ"
    # affrication of t, d before high front vowels
    s = re.sub(r"t(?=[iy])", "T", s)
    s = re.sub(r"d(?=[iy])", "D", s)
    # final obstruent + liquid cluster loses the liquid
    s = re.sub(r"([bpdtkgfv])[lʁ]$", r"\1", s)
    out = []
    for i, c in enumerate(s):
        nxt = s[i + 1] if i + 1 < len(s) else ""
        if c in "oɔ":
            c = "ɑɔ̯" if nxt else "ɔ"
        elif c == "ɛ":
            c = "a"
        elif c in "iyu" and nxt and nxt not in V and nxt not in "jwɥ":
            c = {"i": "ɪ", "y": "ʏ", "u": "ʊ"}[c]
        out.append(c)
    s = "".join(out)
    s = s.replace("Õ", "õũ̯").replace("Ẽ", "ẽĩ̯").replace("Ã", "ɑ̃").replace("T", "t͡s").replace("D", "d͡z")
    return s


# ----------------------------------------------------------------------------- Russian
RU_VOW = set("aɑʌəeɛiɪoɵuyɨ")


def rus_from_espeak(word, ipa):
    s = ipa.replace('"', "").replace("^", "").replace("ˌ", "").replace("-", "")
    if any(c in s for c in "()"):
        return None
    # segment
    segs = []  # (kind, text, stressed)
    i = 0
    stress_next = False
    while i < len(s):
        c = s[i]
        if c == "ˈ":
            stress_next = True
            i += 1
            continue
        if c in RU_VOW:
            segs.append(["V", c, stress_next])
            stress_next = False
            i += 1
            continue
        if s.startswith("tʃʲ", i):
            segs.append(["C", "t͡ɕ", False]); i += 3; continue
        if s.startswith("tʃ", i):
            segs.append(["C", "t͡ɕ", False]); i += 2; continue
        if s.startswith("ts", i):
            segs.append(["C", "t͡s", False]); i += 2; continue
        if c == "ʲ":
            if segs and segs[-1][0] == "C" and not segs[-1][1].endswith("ʲ"):
                segs[-1][1] += "ʲ"
            i += 1
            continue
        m = {"ʃ": "ʂ", "ʒ": "ʐ", "ɭ": "ɫ", "ɕ": "ɕː", "ʑ": "zʲ", "r": "r", "ɡ": "ɡ", "g": "ɡ"}.get(c, c)
        if not (c.isalpha() or c in "ɕʑʂʐɫ"):
            return None
        segs.append(["C", m, False])
        i += 1
    for sg in segs:
        if sg[0] == "C":
            if sg[1] == "ɫʲ":
                sg[1] = "lʲ"
            if sg[1] in ("ɕːʲ", "ʑːʲ"):
                sg[1] = sg[1][:-1]
            if sg[1] == "zʲʲ":
                sg[1] = "zʲ"
    # espeak often drops the softness of л before consonants / at the end: align the l's
    # of the spelling with the l's of the output and take softness from the spelling
    lw0 = word.lower()
    ortho_l = [lw0[k + 1:k + 2] in ("ь", "е", "ё", "и", "ю", "я") for k, c in enumerate(lw0) if c == "л"]
    lsegs = [sg for sg in segs if sg[0] == "C" and sg[1] in ("ɫ", "lʲ")]
    if len(lsegs) == len(ortho_l):
        for sg, sft in zip(lsegs, ortho_l):
            sg[1] = "lʲ" if sft else "ɫ"
    vidx = [k for k, sg in enumerate(segs) if sg[0] == "V"]
    if not vidx:
        return None
    stressed = [k for k in vidx if segs[k][2]]
    st = stressed[0] if stressed else (vidx[0] if len(vidx) == 1 else None)
    if st is None:
        return None
    # final devoicing and regressive devoicing before voiceless obstruents
    devo = {"b": "p", "v": "f", "ɡ": "k", "d": "t", "z": "s", "ʐ": "ʂ", "ʑː": "ɕː"}
    voiceless = ("p", "f", "k", "t", "s", "ʂ", "ɕː", "x", "t͡s", "t͡ɕ")
    for k in range(len(segs) - 2, -1, -1):
        if segs[k][0] == "C" and segs[k + 1][0] == "C" and segs[k + 1][1].rstrip("ʲ") in voiceless:
            base = segs[k][1].rstrip("ʲ")
            if base in devo:
                segs[k][1] = devo[base] + ("ʲ" if segs[k][1].endswith("ʲ") else "")
    k = len(segs) - 1
    while k >= 0 and segs[k][0] == "C":
        base = segs[k][1].rstrip("ʲ")
        soft = segs[k][1].endswith("ʲ")
        if base in devo:
            segs[k][1] = devo[base] + ("ʲ" if soft else "")
        k -= 1

    def soft(seg):
        return seg is not None and seg[0] == "C" and (seg[1].endswith("ʲ") or seg[1] in ("j", "t͡ɕ", "ɕː", "ʑː"))

    def hardsib(seg):
        return seg is not None and seg[0] == "C" and seg[1] in ("ʂ", "ʐ", "t͡s")

    lw = word.lower()
    last_v = vidx[-1]
    pre = max([k for k in vidx if k < st], default=None)
    out = []
    for k, sg in enumerate(segs):
        if sg[0] == "C":
            out.append(sg[1])
            continue
        prev = segs[k - 1] if k > 0 else None
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        v = sg[1]
        if k == st:
            if v in "aɑʌə":
                r = "æ" if soft(prev) and soft(nxt) else "a"
            elif v in "oɵ":
                r = "ɵ" if soft(prev) or v == "ɵ" else "o"
            elif v in "eɛ":
                r = "e"
            elif v in "iɪ":
                r = "ɨ" if hardsib(prev) else "i"
            elif v == "u":
                r = "ʉ" if soft(prev) and soft(nxt) else "u"
            else:
                r = "ɨ"
        else:
            initial = prev is None or prev[0] == "V"
            final = k == last_v
            if v in "yɨ":
                r = "ɨ"
            elif v == "u":
                r = "ʉ" if soft(prev) and soft(nxt) else "ʊ"
            elif v in "aɑʌəoɵ":
                if soft(prev):
                    r = "ə" if final else "ɪ"
                elif final:
                    r = "ə"
                elif k == pre or initial:
                    r = "ɐ"
                else:
                    r = "ə"
            else:  # i ɪ e ɛ
                if hardsib(prev):
                    r = "ɨ"
                elif final and lw.endswith("е") and k == len(segs) - 1:
                    r = "e"
                else:
                    r = "ɪ"
        out.append(r)
    res = "".join(out)
    res = re.sub(r"([bdfkɡlmnprstvxz])\1", r"\1ː", res)
    res = re.sub(r"([^ʲ])jj", r"\1⁽ʲ⁾j", res)
    res = re.sub(r"([sz])lʲ", r"\1⁽ʲ⁾lʲ", res)
    if lw.endswith("тся") or lw.endswith("ться"):
        res = re.sub(r"t͡s([əa])$", r"t͡sː\1", res)
    return res


# ----------------------------------------------------------------------------- Spanish
ES_V = "aeiou"


def spa_convert(word, phones, seseo=True, yeismo_ll=False):
    s = phones.replace(" ", "")
    s = re.sub("[\u031e\u031d\u0320\u032a\u033a\u031f\u0325ʰ]", "", s)
    s = s.replace("t͡ʃ", "tʃ").replace("ɟ͡ʝ", "ʝ").replace("d͡ʒ", "dʒ").replace("ː", "")
    s = s.replace("ɡ", "G")
    if seseo:
        s = s.replace("θ", "s")
    if "ʝ" in s:
        s = s.replace("ʝ", "ʎ" if ("ll" in word.lower() and yeismo_ll) else "j")
    s = s.replace("i̯", "i").replace("u̯", "u").replace("\u032f", "")
    # nasal place assimilation
    s = re.sub(r"n(?=[kGx])", "ŋ", s)
    s = re.sub(r"n(?=[pbmf])", "m", s)
    s = re.sub(r"n(?=tʃ)", "ɲ", s)
    # s voicing before voiced consonants
    s = re.sub(r"s(?=[bdGmnlrɾʎ])", "z", s)
    # spirantization of b d g except initially, after nasals, and d after l
    out = []
    for i, c in enumerate(s):
        prev = s[i - 1] if i else ""
        if c in "bdG" and i > 0 and prev not in "mnŋɲ" and not (c == "d" and prev == "l"):
            c = {"b": "β", "d": "ð", "G": "ɣ"}[c]
        out.append(c)
    s = "".join(out).replace("G", "g")
    # the dev notation marks stress only where the spelling has an acute accent
    lw = word.lower()
    acc = [i for i, c in enumerate(lw) if c in "áéíóú"]
    if len(acc) == 1:
        a = acc[0]
        letters = re.sub(r"(?<=[gq])u(?=[eiéí])", "", lw[a + 1:])
        k = sum(1 for j, c in enumerate(letters) if c in "aeiouáéíóúü" or (c == "y" and j == len(letters) - 1))
        # phone vowels counted from the end (glides j w count as vowels here)
        pv = [i for i, c in enumerate(s) if c in "aeioujw"]
        if len(pv) > k:
            t = pv[len(pv) - 1 - k]
            if s[t] in ES_V:
                j = t - 1
                while j >= 0 and s[j] not in ES_V:
                    j -= 1
                s = s[: j + 1] + "ˈ" + s[j + 1:]
    return s


# ----------------------------------------------------------------------------- German
DE_PREFIX = [("zer", "tsɛɐ̯"), ("ver", "fɛɐ̯"), ("ent", "ʔɛnt"), ("emp", "ʔɛmp"), ("er", "ʔɛɐ̯"),
             ("be", "bə"), ("ge", "gə")]


def ger_convert(word, phones):
    s = phones.replace(" ", "")
    s = s.replace("t͡s", "ts").replace("p͡f", "pf").replace("t͡ʃ", "tʃ").replace("d͡ʒ", "dʒ")
    s = s.replace("aɪ̯", "ae").replace("aʊ̯", "ao").replace("ɔʏ̯", "ɔø").replace("ɔɪ̯", "ɔø")
    s = s.replace("ɡ", "g").replace("ʁ", "ɾ").replace("r", "ɾ").replace("ʀ", "ɾ").replace("χ", "x")
    s = re.sub("[\u0325\u030a\u031d\u031e\u032a\u0303\u0306\u030d‿ʰˀˑ\u035c]", "", s)
    s = re.sub("ɐ(?!\u032f)", "ɐ̯", s)
    s = re.sub("(?<!ɐ)\u032f", "", s)
    s = s.replace("ˈ", "").replace("ˌ", "")
    if s and s[0] in "aeiouɛɪɔʊəyøœʏ":
        s = "ʔ" + s
    lw = word.lower()
    pos = 0
    for orth, ph in DE_PREFIX:
        if lw.startswith(orth) and len(lw) > len(orth) + 2:
            alt = ph.replace("ɛɐ̯", "ɛːɐ̯")
            if s.startswith(ph):
                pos = len(ph)
            elif s.startswith(alt):
                pos = len(alt)
            elif ph.startswith("ʔ") and s.startswith(ph[1:]):
                pos = len(ph) - 1
            break
    m = re.search(r"[^aeiouɛɪɔʊəyøœʏː]iːɾ", s[pos:])
    if m and re.search(r"ier(en|e|t|st|ung|bar)", lw):
        pos = pos + m.start()
    elif re.search(r"tion(en)?$", lw) and "tsjoːn" in s:
        pos = s.rfind("tsjoːn")
    return s[:pos] + "ˈ" + s[pos:]


# ----------------------------------------------------------------------------- Swedish
SV_MAP = [
    ("iː", "i:"), ("yː", "y:"), ("ʉː", "}:"), ("uː", "u:"), ("eː", "e:"), ("ɛː", "E:"), ("æː", "E:"),
    ("øː", "2:"), ("œː", "9:"), ("oː", "o:"), ("ɑː", "A:"), ("aː", "A:"),
    ("ɪ", "I"), ("i", "I"), ("ʏ", "Y"), ("y", "Y"), ("ʉ", "u0"), ("ɵ", "u0"), ("ʊ", "U"), ("u", "U"),
    ("e", "e"), ("ɛ", "E"), ("ə", "e"), ("æ", "E"), ("ø", "2"), ("œ", "9"), ("ɶ", "9"), ("ɔ", "O"),
    ("o", "O"), ("ɑ", "A"), ("a", "a"),
    ("ŋ", "N"), ("ɕ", "s'"), ("ç", "s'"), ("ɧ", "S"), ("ʃ", "S"), ("ʂ", "s`"), ("ʈ", "t`"), ("ɖ", "d`"),
    ("ɳ", "n`"), ("ɭ", "l`"), ("ɡ", "g"), ("g", "g"), ("ɾ", "r"), ("ʁ", "r"), ("ɹ", "r"), ("r", "r"),
    ("ʝ", "j"), ("j", "j"), ("ʋ", "v"), ("w", "v"), ("z", "s"),
] + [(c, c) for c in "bdfhklmnpstvx"]
SV_MAP.sort(key=lambda kv: -len(kv[0]))


def swe_convert(word, ipa):
    s = ipa.replace(" ", "")
    s = re.sub("[²¹ˈˌ\u031e\u031f\u032f\u0300\u0302\u0304\u030c\u035c\u0361‿ʰʷˑ]", "", s)
    s = unicodedata.normalize("NFD", s)
    s = re.sub("[\u0300\u0302\u0304\u030c]", "", s)
    out = []
    i = 0
    while i < len(s):
        if s[i] == "ː":  # long consonants are not marked in the dev notation
            i += 1
            continue
        for k, v in SV_MAP:
            if s.startswith(k, i):
                out.append(v)
                i += len(k)
                break
        else:
            return None
    # r + dental -> retroflex (chains: rts -> t`s`)
    res = []
    retro = False
    for tok in out:
        if tok in ("t", "d", "n", "s", "l") and (retro or (res and res[-1] == "r")):
            if res and res[-1] == "r":
                res.pop()
            res.append(tok + "`")
            retro = True
        else:
            res.append(tok)
            retro = False
    # drop duplicated identical consonants (no length marks on consonants)
    final = []
    for tok in res:
        if final and tok == final[-1] and tok not in ("a", "e", "E", "I", "O", "U", "Y", "9", "2"):
            continue
        final.append(tok)
    return "".join(final)


# ----------------------------------------------------------------------------- Japanese
_K = {}
for row, cons in [("あいうえお", ["", "", "", "", ""]), ("かきくけこ", "k"), ("がぎぐげご", "g"),
                  ("さしすせそ", "s"), ("ざじずぜぞ", "z"), ("たちつてと", "t"), ("だぢづでど", "d"),
                  ("なにぬねの", "n"), ("はひふへほ", "h"), ("ばびぶべぼ", "b"), ("ぱぴぷぺぽ", "p"),
                  ("まみむめも", "m"), ("らりるれろ", "ɾ")]:
    for kana, vow in zip(row, ["a", "i", "ɯ", "e", "o"]):
        c = cons if isinstance(cons, str) else ""
        _K[kana] = (c, vow)
_K.update({"し": ("ɕ", "i"), "じ": ("dʑ", "i"), "ち": ("tɕ", "i"), "ぢ": ("dʑ", "i"), "つ": ("ts", "ɯ"),
           "づ": ("z", "ɯ"), "ひ": ("ç", "i"), "ふ": ("ɸ", "ɯ"), "や": ("j", "a"), "ゆ": ("j", "ɯ"),
           "よ": ("j", "o"), "わ": ("ɰᵝ", "a"), "を": ("", "o"), "ゐ": ("", "i"), "ゑ": ("", "e"),
           "ゔ": ("b", "ɯ")})
_SMALL_Y = {"ゃ": "a", "ゅ": "ɯ", "ょ": "o"}
_SMALL_V = {"ぁ": "a", "ぃ": "i", "ぅ": "ɯ", "ぇ": "e", "ぉ": "o"}


def kana_to_ipa(word):
    h = []
    for c in word:
        o = ord(c)
        if 0x30A1 <= o <= 0x30F6:
            c = chr(o - 0x60)
        h.append(c)
    morae = []  # list of [cons, vowel] or special
    for c in h:
        if c in _K:
            morae.append(list(_K[c]))
        elif c in _SMALL_Y and morae and morae[-1][1] == "i" and morae[-1][0] not in ("", "Q", "N"):
            cons = morae[-1][0]
            if cons not in ("ɕ", "dʑ", "tɕ", "ç"):
                cons = cons + "j"
            morae[-1] = [cons, _SMALL_Y[c]]
        elif c in _SMALL_V and morae and morae[-1][0] not in ("Q", "N", "L"):
            cons = morae[-1][0]
            if morae[-1] == ["", "ɯ"]:
                cons = "ɰᵝ"
            elif cons == "ts" and c == "ぃ":
                cons = "ts"
            morae[-1] = [cons, _SMALL_V[c]]
        elif c in "っ":
            morae.append(["Q", ""])
        elif c == "ん":
            morae.append(["N", ""])
        elif c == "ー":
            morae.append(["L", ""])
        else:
            return None
    out = []
    for i, (cons, vow) in enumerate(morae):
        if cons == "Q":
            if i + 1 < len(morae) and morae[i + 1][0] not in ("", "Q", "N", "L"):
                nc = morae[i + 1][0]
                morae[i + 1] = [nc + "ː", morae[i + 1][1]]
            continue
        if cons == "N":
            out.append("ɴ")
        elif cons == "L":
            out.append("ː")
        else:
            out.append(cons + vow)
    return "".join(out) or None


# ----------------------------------------------------------------------------- Arabic
def ara_convert(word, phones):
    s = phones.replace(" ", "").replace("\u0361", "").replace("‿", "").replace("ɡ", "g")
    return s or None


# ----------------------------------------------------------------------------- word lists
def read_french_words():
    path = "/usr/share/dict/french"
    if not os.path.exists(path):
        return []
    ws = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if re.fullmatch(r"[a-zàâäçéèêëîïôöùûüÿœæ]+", w) and len(w) >= 2:
                ws.append(w)
    return ws


def read_swedish_words():
    path = "/usr/share/dict/swedish"
    if not os.path.exists(path):
        return []
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    ws = []
    for line in text.split("\n"):
        w = line.strip()
        if re.fullmatch(r"[a-zåäöé]+", w) and len(w) >= 2:
            ws.append(w)
    return ws


def read_russian_words():
    dic, aff = "/usr/share/hunspell/ru_RU.dic", "/usr/share/hunspell/ru_RU.aff"
    if not os.path.exists(dic):
        return []
    try:
        out = subprocess.run(["unmunch", dic, aff], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             check=True).stdout.decode("utf-8", errors="replace").split("\n")
    except Exception:
        out = [l.split("/")[0] for l in open(dic, encoding="utf-8")][1:]
    ws = set()
    for w in out:
        w = w.strip()
        if re.fullmatch(r"[а-яё]+", w) and len(w) >= 2:
            ws.add(w)
    return sorted(ws)


# ----------------------------------------------------------------------------- eval mode
def per(pairs):
    e = n = wrong = 0
    for hyp, ref in pairs:
        e += edit_distance(hyp, ref)
        n += len(ref)
        wrong += hyp != ref
    return (100.0 * e / max(n, 1), 100.0 * wrong / max(len(pairs), 1), len(pairs))


def run_eval(dev):
    print("How close each converter gets to the dev notation (dev words; never used for training):")
    rows = []
    # espeak based
    if have_espeak():
        for lang in ("fra", "fra-qu", "rus"):
            words = [w for w, _ in dev[lang]]
            ipa = espeak(words, "ru" if lang == "rus" else "fr", jobs=1)
            pairs, raw = [], []
            for (w, ref), x in zip(dev[lang], ipa):
                if x is None:
                    continue
                raw.append((strip_marks(x, "ˈˌ"), ref))
                if lang == "rus":
                    h = rus_from_espeak(w, x)
                else:
                    h = fra_from_espeak(w, x)
                    if h and lang == "fra-qu":
                        h = fraqu_from_fra(w, h)
                if h:
                    pairs.append((h, ref))
            rows.append((lang, "espeak raw", per(raw)))
            rows.append((lang, "espeak+rules", per(pairs)))
            for h, r in pairs[:6]:
                print("   %s  hyp %s  ref %s" % (lang, h, r))
        words = [w.lower() for w, _ in dev["swe"]]
        ipa = espeak(words, "sv", jobs=1)
        pairs = [(swe_convert(w, x), ref) for (w, ref), x in zip(dev["swe"], ipa) if x]
        pairs = [(h, r) for h, r in pairs if h]
        rows.append(("swe", "espeak sv+map", per(pairs)))
    # Wikipron overlaps
    subs = substitute_specs()
    for lang, files, conv in subs:
        table = {}
        for fn in files:
            for w, p in read_tsv(os.path.join(DATA, "substitutes", fn)):
                table.setdefault(w.lower(), (w, p))
        pairs, raw = [], []
        for w, ref in dev[lang]:
            if w.lower() in table:
                ow, p = table[w.lower()]
                raw.append((p.replace(" ", ""), ref))
                h = conv(ow, p)
                if h:
                    pairs.append((h, ref))
        rows.append((lang, "wikipron raw", per(raw)))
        rows.append((lang, "wikipron+conv", per(pairs)))
    # Japanese kana rules on the kana-only dev words
    pairs = []
    for w, ref in dev["jpn"]:
        h = kana_to_ipa(w)
        if h:
            pairs.append((h, ref))
    rows.append(("jpn", "kana rules", per(pairs)))
    print("%-8s %-16s %7s %7s %5s" % ("lang", "method", "PER%", "WER%", "n"))
    for lang, m, (p, w, n) in rows:
        print("%-8s %-16s %7.1f %7.1f %5d" % (lang, m, p, w, n))
    return rows


def substitute_specs():
    return [
        ("ger", ["ger_latn_broad.tsv"], ger_convert),
        ("spa", ["spa_latn_ca_broad.tsv"], lambda w, p: spa_convert(w, p, seseo=True, yeismo_ll=False)),
        ("spa-me", ["spa_latn_la_broad.tsv"], lambda w, p: spa_convert(w, p, seseo=True, yeismo_ll=True)),
        ("swe", ["swe_latn_broad.tsv"], swe_convert),
        ("ara", ["ara_arab_broad.tsv"], ara_convert),
    ]


# ----------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", action="store_true", help="only print converter-vs-dev agreement")
    ap.add_argument("--out", default=os.path.join(ROOT, ".data", "train.tsv.bz2"))
    ap.add_argument("--md", default=os.path.join(ROOT, "training", "DATA.md"))
    ap.add_argument("--espeak-words", type=int, default=60000,
                    help="words per espeak language (fra, fra-qu, rus)")
    ap.add_argument("--swe-espeak-words", type=int, default=40000,
                    help="extra Swedish words from wswedish through espeak-ng sv (0 = Wikipron only)")
    ap.add_argument("--cap-per-lang", type=int, default=0,
                    help="keep at most N random entries per language (0 = all); 60000 saves ~2.5 MiB")
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    dev = load_dev()
    if args.eval:
        run_eval(dev)
        return
    dev_keys = set()
    for lang, rows in dev.items():
        for w, _ in rows:
            dev_keys.add((lang, w))
            dev_keys.add((lang, w.lower()))

    entries = collections.defaultdict(dict)  # lang -> word -> pron
    info = {}  # lang -> dict(source, raw, kept, ...)
    stats = collections.defaultdict(collections.Counter)

    def add(lang, word, pron, source):
        st = stats[lang]
        st["candidates"] += 1
        if not word or not pron or "\t" in word or "\t" in pron or "\n" in pron:
            st["bad"] += 1
            return
        if (lang, word) in dev_keys or (lang, word.lower()) in dev_keys:
            st["dev_excluded"] += 1
            return
        if len(("%s: %s" % (lang, word)).encode()) > MAX_IN or len(pron.encode()) > MAX_OUT:
            st["too_long"] += 1
            return
        if word in entries[lang]:
            st["duplicate"] += 1
            return
        entries[lang][word] = pron
        info.setdefault(lang, collections.Counter())[source] += 1

    # 1. CharsiuG2P train splits
    for fn in sorted(os.listdir(os.path.join(DATA, "train"))):
        if not fn.endswith(".tsv"):
            continue
        lang = fn[:-4]
        for w, p in read_tsv(os.path.join(DATA, "train", fn)):
            add(lang, w, p, "CharsiuG2P train split")
    # 2. Wikipron substitutes
    for lang, files, conv in substitute_specs():
        for fn in files:
            for w, p in read_tsv(os.path.join(DATA, "substitutes", fn)):
                word = w.upper() if lang == "swe" else w
                h = conv(w, p)
                if h is None:
                    stats[lang]["unconvertible"] += 1
                    continue
                add(lang, word, h, "Wikipron " + "+".join(f[:-4] for f in files) + " (converted to dev notation)")
    for fn in ("jpn_hira_narrow.tsv", "jpn_kana_narrow.tsv"):
        for w, p in read_tsv(os.path.join(DATA, "substitutes", fn)):
            h = kana_to_ipa(w)
            if h is None:
                stats["jpn"]["unconvertible"] += 1
                continue
            add("jpn", w, h, "Wikipron jpn_hira+jpn_kana word lists, pronunciation from kana rules")
    # 3. espeak-ng
    rng = random.Random(args.seed)
    if have_espeak():
        fr = [w for w in read_french_words() if ("fra", w) not in dev_keys and ("fra-qu", w) not in dev_keys]
        rng.shuffle(fr)
        n = args.espeak_words
        for lang, words in (("fra", fr[:n]), ("fra-qu", fr[n:2 * n])):
            ipa = espeak(words, "fr")
            for w, x in zip(words, ipa):
                h = fra_from_espeak(w, x) if x else None
                if h and lang == "fra-qu":
                    h = fraqu_from_fra(w, h)
                if h is None:
                    stats[lang]["unconvertible"] += 1
                    continue
                add(lang, w, h, "espeak-ng 1.51 fr on wfrench words (%s rules)" % ("Quebec" if lang == "fra-qu" else "French"))
        ru = [w for w in read_russian_words() if ("rus", w) not in dev_keys]
        rng.shuffle(ru)
        words = ru[:n]
        ipa = espeak(words, "ru")
        for w, x in zip(words, ipa):
            h = rus_from_espeak(w, x) if x else None
            if h is None:
                stats["rus"]["unconvertible"] += 1
                continue
            add("rus", w, h, "espeak-ng 1.51 ru on hunspell-ru (unmunch) words, reduction rules")
        sv = [w for w in read_swedish_words() if ("swe", w.upper()) not in dev_keys]
        rng.shuffle(sv)
        words = sv[:args.swe_espeak_words]
        ipa = espeak(words, "sv")
        for w, x in zip(words, ipa):
            h = swe_convert(w, x) if x else None
            if h is None:
                stats["swe"]["unconvertible"] += 1
                continue
            add("swe", w.upper(), h, "espeak-ng 1.51 sv on wswedish words (mapped to NST SAMPA)")
    else:
        print("WARNING: espeak-ng missing: fra, fra-qu, rus get no data (apt-get install espeak-ng wfrench hunspell-ru hunspell-tools)",
              file=sys.stderr)

    if args.cap_per_lang:
        for lang in list(entries):
            if len(entries[lang]) > args.cap_per_lang:
                keep = set(random.Random(args.seed).sample(sorted(entries[lang]), args.cap_per_lang))
                stats[lang]["capped"] = len(entries[lang]) - len(keep)
                entries[lang] = {w: p for w, p in entries[lang].items() if w in keep}
    # write
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    total = 0
    tmp = args.out + ".tmp"
    with bz2.open(tmp, "wt", encoding="utf-8", compresslevel=9) as f:
        for lang in sorted(entries):
            for w in sorted(entries[lang]):
                f.write("%s\t%s\t%s\n" % (lang, w, entries[lang][w]))
                total += 1
    os.replace(tmp, args.out)
    size = os.path.getsize(args.out)
    print("wrote %s: %d entries, %.2f MiB" % (args.out, total, size / 2**20))
    # the dev split travels with the data for evaluation only (train.py / verify_hf.py)
    dev_out = os.path.join(os.path.dirname(args.out), "dev.tsv")
    with open(dev_out, "w", encoding="utf-8") as f:
        for lang in sorted(dev):
            for fn_line in open(os.path.join(DATA, "dev", lang + ".tsv"), encoding="utf-8"):
                fn_line = fn_line.rstrip("\n")
                if "\t" in fn_line:
                    f.write("%s\t%s\n" % (lang, fn_line))
    print("wrote", dev_out)

    # DATA.md
    agree = {}
    try:
        import io, contextlib
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            rows = run_eval(dev)
        for lang, m, (p, w, nn) in rows:
            if nn:
                agree.setdefault(lang, []).append("%s: PER %.1f%% WER %.1f%% (n=%d)" % (m, p, w, nn))
    except Exception as e:  # pragma: no cover
        print("eval failed:", e, file=sys.stderr)
    lines = ["# Training data",
             "",
             "Written by `training/prepare_data.py` (do not edit by hand). Output: `.data/train.tsv.bz2`",
             "(%d entries, %.2f MiB), lines `lang<TAB>word<TAB>pron` (first variant)." % (total, size / 2**20),
             "",
             "Filters: dedupe per (lang, word); every (lang, word) of the dev split removed (also case-folded);",
             "`<lang>: <word>` at most %d bytes; pron at most %d bytes (+EOS = 128 labels)." % (MAX_IN, MAX_OUT),
             "",
             "Languages without a CharsiuG2P train split get substitutes. 'notation check' is how close",
             "the conversion gets to the dev transcriptions of that language, measured on dev words",
             "(Wikipron: only dev words that Wikipron also has; espeak: espeak run on the dev words).",
             "These dev-word outputs are used only for this check, never for training.",
             "",
             "| lang | entries | source | dev excl. | too long | dup | unconvertible | notation check |",
             "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |"]
    for lang in sorted(set(entries) | set(dev)):
        st = stats[lang]
        n = len(entries.get(lang, {}))
        src = "; ".join("%s (%d)" % kv if len(info[lang]) > 1 else kv[0] for kv in info[lang].items()) \
            if lang in info else "**none**"
        lines.append("| %s | %d | %s | %d | %d | %d | %d | %s |" % (
            lang, n, src, st["dev_excluded"], st["too_long"], st["duplicate"], st["unconvertible"],
            "; ".join(agree.get(lang, [])) or ""))
    lines += ["", "Total: %d entries in %d languages." % (total, len(entries)), "",
              "Notes:",
              "- ger: Wikipron broad IPA mapped to the dev style (ɾ for r, ae/ao/ɔø diphthongs, g, ɐ̯, initial ʔ,",
              "  heuristic primary stress: first syllable, after be-/ge-/er-/ver-/zer-/ent-/emp-, on -ier-, -tion).",
              "- spa / spa-me: Wikipron Castilian / Latin American broad; seseo (dev spa has no θ), b d g lenition,",
              "  nasal assimilation, s voicing, ˈ only where the spelling has an acute accent (as in dev).",
              "- swe: dev uses NST-style SAMPA on upper-case words; Wikipron IPA mapped to it (no % secondary",
              "  stress marks: Wikipron lacks them). Wikipron has only ~3.5k Swedish words, so words of the Debian",
              "  wswedish list go through espeak-ng sv and the same mapping (noisier: see the notation check).",
              "- jpn: dev transcriptions follow the kana spelling (おう -> oɯ, ー -> ː, っ -> Cː, ん -> ɴ); the",
              "  Wikipron kana words are transcribed with such rules instead of using Wikipron's narrow IPA.",
              "  No kanji words are available, although dev has many.",
              "- ara: Wikipron broad, phones joined; dev words carry clitics (wa-, bi-, al-) that Wikipron lemmas lack.",
              "- fra / fra-qu / rus: espeak-ng on Debian word lists (dev words removed first); fra-qu uses",
              "  rough Quebec rules (õũ̯, ẽĩ̯, ɑɔ̯, t͡s/d͡z affrication, laxing) on top of the French output.",
              ""]
    with open(args.md, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("wrote", args.md)


if __name__ == "__main__":
    main()
