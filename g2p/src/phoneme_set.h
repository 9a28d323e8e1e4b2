// Conversion of the model's IPA into the phoneme set of Kokoro TTS (misaki),
// as the earlier TVM/Rust system did it: tables (IPA, espeak, regional),
// then optional tuning passes chosen by the strategy name.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace charsiug2p::detail {

enum class Region : uint8_t { kUs, kGb };

struct PhonemeSet {
  uint8_t id = 0;          // 1 + index into phoneme_set_names() (0: none)
  bool ipa_input = false;  // ipa*: the IPA table runs first
  bool flap = false, vowel = false, stress = false, reduced = false;
  bool syllabic = false, rhotic = false, prefix = false;
};

// Canonical names, in a stable order.
std::span<const std::string_view> phoneme_set_names();

// '_' and '+' may stand for '-', ASCII case is ignored. Throws
// ModelError(INVALID_ARGUMENT) naming the bad name and listing valid ones.
PhonemeSet parse_phoneme_set(std::string_view name);

// Converts a pronunciation (valid UTF-8). word is the spelled word, read
// only by the prefix pass (may be empty).
std::string convert_phonemes(const PhonemeSet& set, Region region, std::string_view ipa,
                             std::string_view word);
std::u32string convert_phonemes(const PhonemeSet& set, Region region, std::u32string s,
                                std::string_view word);

}  // namespace charsiug2p::detail
