#include "phoneme_set.h"

#include <array>

#include "errors.h"
#include "phoneme_passes.h"
#include "phoneme_tables.h"
#include "utf8_text.h"

namespace charsiug2p::detail {

namespace {

constexpr std::array<std::string_view, 15> kNames = {"espeak",
                                                     "ipa",
                                                     "ipa-flap",
                                                     "ipa-vowel",
                                                     "ipa-flap-vowel",
                                                     "ipa-vowel-stress",
                                                     "ipa-flap-vowel-stress",
                                                     "ipa-vowel-reduced",
                                                     "ipa-flap-vowel-reduced",
                                                     "ipa-vowel-syllabic",
                                                     "ipa-flap-vowel-syllabic",
                                                     "ipa-vowel-reduced-rhotic",
                                                     "ipa-flap-vowel-reduced-rhotic",
                                                     "ipa-vowel-prefix",
                                                     "ipa-flap-vowel-prefix"};

// The set a canonical name stands for: each "-word" enables that pass.
PhonemeSet from_canonical(size_t index) {
  PhonemeSet p;
  p.id = static_cast<uint8_t>(index + 1);
  std::string_view rest = kNames[index];
  p.ipa_input = rest.starts_with("ipa");
  while (!rest.empty()) {
    const size_t dash = rest.find('-');
    const std::string_view part = rest.substr(0, dash);
    rest = dash == std::string_view::npos ? std::string_view() : rest.substr(dash + 1);
    p.flap |= part == "flap";
    p.vowel |= part == "vowel";
    p.stress |= part == "stress";
    p.reduced |= part == "reduced";
    p.syllabic |= part == "syllabic";
    p.rhotic |= part == "rhotic";
    p.prefix |= part == "prefix";
  }
  return p;
}

}  // namespace

std::span<const std::string_view> phoneme_set_names() { return kNames; }

PhonemeSet parse_phoneme_set(std::string_view name) {
  std::string canonical(name);
  for (char& c : canonical) {
    if (c == '_' || c == '+') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == canonical) return from_canonical(i);
  std::string valid;
  for (std::string_view n : kNames) valid += (valid.empty() ? "" : ", ") + std::string(n);
  const std::string shown = lowercase_utf8(name) ? std::string(name) : "<invalid UTF-8>";
  throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT, "unknown phoneme set '" + shown + "'; valid: " +
                                                        valid + " ('_' or '+' may replace '-')");
}

std::u32string convert_phonemes(const PhonemeSet& set, Region region, std::u32string s,
                                std::string_view word) {
  if (set.ipa_input) {
    tie_bars_to_carets(s);
    apply_ipa_table(s);
  }
  tie_bars_to_carets(s);
  apply_espeak_table(s);
  apply_syllabic_marks(s);
  apply_region(s, region);
  std::erase(s, U'^');
  if (set.vowel) vowel_pass(s);
  if (set.syllabic) syllabic_pass(s);
  if (set.reduced) reduced_pass(s);
  if (set.rhotic) rhotic_pass(s);
  if (set.prefix) prefix_pass(s, word);
  if (set.stress) stress_pass(s);
  if (set.flap) flap_pass(s);
  return s;
}

std::string convert_phonemes(const PhonemeSet& set, Region region, std::string_view ipa,
                             std::string_view word) {
  auto cps = to_code_points(ipa);
  if (!cps) throw ModelError(CHARSIUG2P_ERR_INVALID_UTF8, "pronunciation is not valid UTF-8");
  return to_utf8(convert_phonemes(set, region, std::move(*cps), word));
}

}  // namespace charsiug2p::detail
