#include "language_table.h"

#include <algorithm>
#include <array>

namespace charsiug2p::text::detail {

namespace {

using O = OrdinalStyle;

// Sorted by code. Whether ICU really has spell-out rules for spell_locale is
// checked against its data at run time (locale_tools.cc), so a newer ICU
// that adds a language is used without a change here. Borrowed
// rules, where the written number words are the same words: arm-w uses
// Eastern Armenian (hy), nan (written in Han characters) Traditional
// Chinese, tts (Isan, written in Thai script) Thai, slo is Slovak like slk,
// the Welsh and Vietnamese dialects share cy and vi. The model then reads
// those words with the dialect's pronunciation.
constexpr std::array<LanguageEntry, 101> kTable = {{
    {"ady", "ady", "ady", O::kNone},
    {"afr", "af", "af", O::kNone},
    {"amh", "am", "am", O::kNone},
    {"ang", "ang", "ang", O::kNone},
    {"ara", "ar", "ar", O::kNone},
    {"arg", "an", "an", O::kNone},
    {"arm-e", "hy", "hy", O::kNone},
    {"arm-w", "hy", "hy", O::kNone},
    {"aze", "az", "az", O::kNone},
    {"bak", "ba", "ba", O::kNone},
    {"bel", "be", "be", O::kNone},
    {"bos", "bs", "bs", O::kNone},
    {"bul", "bg", "bg", O::kNone},
    {"bur", "my", "my", O::kNone},
    {"cat", "ca", "ca", O::kRomanceIndicator},
    {"cze", "cs", "cs", O::kNone},
    {"dan", "da", "da", O::kNone},
    {"dut", "nl", "nl", O::kNone},
    {"egy", "egy", "egy", O::kNone},
    {"eng-uk", "en_GB", "en_GB", O::kEnglish},
    {"eng-us", "en_US", "en_US", O::kEnglish},
    {"enm", "enm", "enm", O::kNone},
    {"epo", "eo", "eo", O::kNone},
    {"est", "et", "et", O::kNone},
    {"eus", "eu", "eu", O::kNone},
    {"fas", "fa", "fa", O::kNone},
    {"fin", "fi", "fi", O::kNone},
    {"fra", "fr_FR", "fr_FR", O::kFrench},
    {"fra-qu", "fr_CA", "fr_CA", O::kFrench},
    {"geo", "ka", "ka", O::kNone},
    {"ger", "de", "de", O::kNone},
    {"gle", "ga", "ga", O::kNone},
    {"glg", "gl", "gl", O::kNone},
    {"grc", "grc", "grc", O::kNone},
    {"gre", "el", "el", O::kNone},
    {"hbs-cyrl", "sr_Cyrl", "sr_Cyrl", O::kNone},
    {"hbs-latn", "sr_Latn", "sr_Latn", O::kNone},
    {"hin", "hi", "hi", O::kNone},
    {"hun", "hu", "hu", O::kNone},
    {"ice", "is", "is", O::kNone},
    {"ido", "io", "io", O::kNone},
    {"ina", "ia", "ia", O::kNone},
    {"ind", "id", "id", O::kNone},
    {"isl", "is", "is", O::kNone},
    {"ita", "it", "it", O::kRomanceIndicator},
    {"jpn", "ja", "ja", O::kNone},
    {"kaz", "kk", "kk", O::kNone},
    {"khm", "km", "km", O::kNone},
    {"kor", "ko", "ko", O::kNone},
    {"kur", "ckb", "ckb", O::kNone},
    {"lat-clas", "la", "la", O::kNone},
    {"lat-eccl", "la", "la", O::kNone},
    {"lit", "lt", "lt", O::kNone},
    {"ltz", "lb", "lb", O::kNone},
    {"mac", "mk", "mk", O::kNone},
    {"mlt", "mt", "mt", O::kNone},
    {"mri", "mi", "mi", O::kNone},
    {"msa", "ms", "ms", O::kNone},
    {"nan", "zh_Hant", "zh_Hant", O::kNone},
    {"nob", "nb", "nb", O::kNone},
    {"ori", "or", "or", O::kNone},
    {"pap", "pap", "pap", O::kNone},
    {"pol", "pl", "pl", O::kNone},
    {"por-bz", "pt_BR", "pt_BR", O::kRomanceIndicator},
    {"por-po", "pt_PT", "pt_PT", O::kRomanceIndicator},
    {"ron", "ro", "ro", O::kNone},
    {"rus", "ru", "ru", O::kNone},
    {"san", "sa", "sa", O::kNone},
    {"slk", "sk", "sk", O::kNone},
    {"slo", "sk", "sk", O::kNone},
    {"slv", "sl", "sl", O::kNone},
    {"sme", "se", "se", O::kNone},
    {"snd", "sd", "sd", O::kNone},
    {"spa", "es_ES", "es_ES", O::kRomanceIndicator},
    {"spa-latin", "es_419", "es_419", O::kRomanceIndicator},
    {"spa-me", "es_MX", "es_MX", O::kRomanceIndicator},
    {"sqi", "sq", "sq", O::kNone},
    {"srp", "sr", "sr", O::kNone},
    {"swa", "sw", "sw", O::kNone},
    {"swe", "sv", "sv", O::kNone},
    {"syc", "syr", "syr", O::kNone},
    {"tam", "ta", "ta", O::kNone},
    {"tat", "tt", "tt", O::kNone},
    {"tgl", "fil", "fil", O::kNone},
    {"tha", "th", "th", O::kNone},
    {"tts", "th", "th", O::kNone},
    {"tuk", "tk", "tk", O::kNone},
    {"tur", "tr", "tr", O::kNone},
    {"uig", "ug", "ug", O::kNone},
    {"ukr", "uk", "uk", O::kNone},
    {"unk", "und", "und", O::kNone},
    {"urd", "ur", "ur", O::kNone},
    {"uzb", "uz", "uz", O::kNone},
    {"vie-c", "vi", "vi", O::kNone},
    {"vie-n", "vi", "vi", O::kNone},
    {"vie-s", "vi", "vi", O::kNone},
    {"wel-nw", "cy", "cy", O::kNone},
    {"wel-sw", "cy", "cy", O::kNone},
    {"yue", "yue", "yue", O::kNone},
    {"zho-s", "zh_Hans", "zh_Hans", O::kNone},
    {"zho-t", "zh_Hant", "zh_Hant", O::kNone},
}};

constexpr LanguageEntry kRoot = {"", "und", "und", O::kNone};

}  // namespace

const LanguageEntry& language_entry(std::string_view code) {
  const auto it =
      std::lower_bound(kTable.begin(), kTable.end(), code,
                       [](const LanguageEntry& e, std::string_view c) { return e.code < c; });
  return it != kTable.end() && it->code == code ? *it : kRoot;
}

const LanguageEntry* language_table_begin() { return kTable.data(); }
const LanguageEntry* language_table_end() { return kTable.data() + kTable.size(); }

}  // namespace charsiug2p::text::detail
