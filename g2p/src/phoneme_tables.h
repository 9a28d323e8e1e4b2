// The replacement tables of the phoneme-set conversion. Each replaces like
// Python's str.replace: left to right, non-overlapping, output not rescanned.
#pragma once

#include <string>
#include <string_view>

#include "phoneme_set.h"

namespace charsiug2p::detail {

void replace_all(std::u32string& s, std::u32string_view from, std::u32string_view to);

// Tie bar U+0361 -> '^'.
void tie_bars_to_carets(std::u32string& s);
// IPA without tie bars -> the espeak form the next table reads (aɪ -> a^ɪ,
// tʃ -> t^ʃ, ɝ -> ɜɹ, ən -> ᵊn ...), in the table's order.
void apply_ipa_table(std::u32string& s);
// espeak -> misaki (a^ɪ -> I, t^ʃ -> ʧ, ɚ -> əɹ, r -> ɹ ...), longest key first.
void apply_espeak_table(std::u32string& s);
// X + U+0329 (syllabic) -> ᵊX for any non-space X; leftover U+0329 removed.
void apply_syllabic_marks(std::u32string& s);
// US: o^ʊ -> O, ɜːɹ/ɜː -> ɜɹ, ɪə -> iə, no length marks. GB: e^ə -> ɛː,
// iə -> ɪə, ə^ʊ -> Q.
void apply_region(std::u32string& s, Region region);

}  // namespace charsiug2p::detail
