#include "phoneme_tables.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace charsiug2p::detail {

namespace {

using Rule = std::pair<std::u32string_view, std::u32string_view>;

constexpr Rule kIpaTable[] = {{U"tʃ", U"t^ʃ"}, {U"dʒ", U"d^ʒ"}, {U"oʊ", U"o^ʊ"}, {U"əʊ", U"ə^ʊ"},
                              {U"aɪ", U"a^ɪ"}, {U"aʊ", U"a^ʊ"}, {U"eɪ", U"e^ɪ"}, {U"ɔɪ", U"ɔ^ɪ"},
                              {U"ɝ", U"ɜɹ"},   {U"ɫ", U"l"},    {U"əl", U"ə^l"}, {U"ən", U"ᵊn"},
                              {U"əm", U"ᵊm"}};

// misaki's espeak table (E2M). "ʔn̩" is not in the upstream notes but is in
// misaki: without it "bʌʔn̩" would become "bʌtᵊᵊn".
constexpr Rule kEspeakTable[] = {{U"ʔˌn\u0329", U"tᵊn"}, {U"ʔn\u0329", U"tᵊn"},
                                 {U"a^ɪ", U"I"},         {U"a^ʊ", U"W"},
                                 {U"d^ʒ", U"ʤ"},         {U"e^ɪ", U"A"},
                                 {U"t^ʃ", U"ʧ"},         {U"ɔ^ɪ", U"Y"},
                                 {U"ə^l", U"ᵊl"},        {U"ʔn", U"tᵊn"},
                                 {U"ʲO", U"jO"},         {U"ʲQ", U"jQ"},
                                 {U"\u0303", U""},       {U"e", U"A"},
                                 {U"r", U"ɹ"},           {U"x", U"k"},
                                 {U"ç", U"k"},           {U"ɐ", U"ə"},
                                 {U"ɚ", U"əɹ"},          {U"ɬ", U"l"},
                                 {U"ʔ", U"t"},           {U"ʲ", U""}};

constexpr Rule kUsRules[] = {
    {U"o^ʊ", U"O"}, {U"ɜːɹ", U"ɜɹ"}, {U"ɜː", U"ɜɹ"}, {U"ɪə", U"iə"}, {U"ː", U""}};
constexpr Rule kGbRules[] = {{U"e^ə", U"ɛː"}, {U"iə", U"ɪə"}, {U"ə^ʊ", U"Q"}};

// Longest key first, ties in table order (Python's stable sort).
const std::vector<Rule>& espeak_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> r(std::begin(kEspeakTable), std::end(kEspeakTable));
    std::stable_sort(r.begin(), r.end(),
                     [](const Rule& a, const Rule& b) { return a.first.size() > b.first.size(); });
    return r;
  }();
  return rules;
}

template <class Rules>
void apply(std::u32string& s, const Rules& rules) {
  for (const auto& [from, to] : rules) replace_all(s, from, to);
}

// Python's str.isspace() code points.
bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

}  // namespace

void replace_all(std::u32string& s, std::u32string_view from, std::u32string_view to) {
  if (from.empty()) return;
  size_t pos = s.find(from);
  if (pos == std::u32string::npos) return;
  std::u32string out;
  out.reserve(s.size() + to.size());
  size_t start = 0;
  for (; pos != std::u32string::npos; pos = s.find(from, start)) {
    out.append(s, start, pos - start);
    out.append(to);
    start = pos + from.size();
  }
  out.append(s, start);
  s = std::move(out);
}

void tie_bars_to_carets(std::u32string& s) { std::replace(s.begin(), s.end(), U'\u0361', U'^'); }

void apply_ipa_table(std::u32string& s) { apply(s, kIpaTable); }

void apply_espeak_table(std::u32string& s) { apply(s, espeak_rules()); }

void apply_syllabic_marks(std::u32string& s) {
  constexpr char32_t kMark = 0x0329;
  std::u32string out;
  out.reserve(s.size() + 4);
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 1 < s.size() && s[i + 1] == kMark && !is_space(s[i])) {
      out += U'ᵊ';
      out += s[i];
      ++i;
    } else {
      out += s[i];
    }
  }
  std::erase(out, kMark);
  s = std::move(out);
}

void apply_region(std::u32string& s, Region region) {
  if (region == Region::kGb)
    apply(s, kGbRules);
  else
    apply(s, kUsRules);
}

}  // namespace charsiug2p::detail
