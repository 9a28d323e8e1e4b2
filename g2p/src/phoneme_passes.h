// The tuning passes of the phoneme-set conversion, on misaki symbols (after
// the tables). They run in this order when the strategy enables them:
// vowel, syllabic, reduced, rhotic, prefix, stress, flap.
#pragma once

#include <string>
#include <string_view>

namespace charsiug2p::detail {

// ɑ ɔ ɛ ɜ ɪ ʊ ʌ ə i u A I W Y O Q æ a ɒ ᵻ ᵊ
bool is_vowel(char32_t c);
// ˈ or ˌ
bool is_stress(char32_t c);

// Moves a stress mark from the syllable onset to just before the next vowel;
// then under stress ə -> ʌ, ᵊ -> ə, ɜɹ/əɹ -> ɜɹ, unstressed ɜɹ/əɹ -> əɹ,
// unstressed ɪd/ɪz -> ᵻd/ᵻz.
void vowel_pass(std::u32string& s);
// əl/ən -> ᵊl/ᵊn after a consonant, unless a vowel, stress mark, o or e follows.
void syllabic_pass(std::u32string& s);
// ɪ -> ə after a consonant when a ˈ comes later and the next symbol is not
// a vowel, stress mark or ŋ.
void reduced_pass(std::u32string& s);
// ɹ -> əɹ after I or W unless a vowel follows.
void rhotic_pass(std::u32string& s);
// For a word spelled with a common prefix (under, re, un ...): one ˈ before
// one ˌ swap; for re/un/in/im/il/ir a leading ˌ is then dropped.
void prefix_pass(std::u32string& s, std::string_view word);
// The first ˈ stays; each later one becomes ˌ, or is dropped before a
// reduced vowel (ɪ ᵻ ə ᵊ).
void stress_pass(std::u32string& s);
// t -> ɾ between vowels (stress marks in between ignored).
void flap_pass(std::u32string& s);

}  // namespace charsiug2p::detail
