#include "languages.h"

#include <algorithm>
#include <array>

namespace charsiug2p::detail {

namespace {
// The 100 codes of the CharsiuG2P dev split (its file names), plus "unk",
// which the models learned for words of an unknown language. Sorted.
constexpr std::array<std::string_view, 101> kCodes = {
    "ady",    "afr",    "amh",       "ang",      "ara",      "arg",   "arm-e", "arm-w",
    "aze",    "bak",    "bel",       "bos",      "bul",      "bur",   "cat",   "cze",
    "dan",    "dut",    "egy",       "eng-uk",   "eng-us",   "enm",   "epo",   "est",
    "eus",    "fas",    "fin",       "fra",      "fra-qu",   "geo",   "ger",   "gle",
    "glg",    "grc",    "gre",       "hbs-cyrl", "hbs-latn", "hin",   "hun",   "ice",
    "ido",    "ina",    "ind",       "isl",      "ita",      "jpn",   "kaz",   "khm",
    "kor",    "kur",    "lat-clas",  "lat-eccl", "lit",      "ltz",   "mac",   "mlt",
    "mri",    "msa",    "nan",       "nob",      "ori",      "pap",   "pol",   "por-bz",
    "por-po", "ron",    "rus",       "san",      "slk",      "slo",   "slv",   "sme",
    "snd",    "spa",    "spa-latin", "spa-me",   "sqi",      "srp",   "swa",   "swe",
    "syc",    "tam",    "tat",       "tgl",      "tha",      "tts",   "tuk",   "tur",
    "uig",    "ukr",    "unk",       "urd",      "uzb",      "vie-c", "vie-n", "vie-s",
    "wel-nw", "wel-sw", "yue",       "zho-s",    "zho-t"};
}  // namespace

std::span<const std::string_view> language_codes() { return kCodes; }

bool is_known_language(std::string_view code) {
  return std::binary_search(kCodes.begin(), kCodes.end(), code);
}

}  // namespace charsiug2p::detail
