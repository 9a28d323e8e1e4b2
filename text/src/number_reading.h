// Turns a parsed number into the words of the language (ICU spell-out), or
// explains why its digits are kept for the model to read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "number_parse.h"
#include "spellout.h"

namespace charsiug2p::text::detail {

enum class NumberForm { kCardinal, kOrdinal, kOrdinalFeminine };

struct NumberReading {
  std::string text;    // the spelled-out words, or `written` when the digits are kept
  uint32_t flags = 0;  // CHARSIUG2P_TEXT_FLAG_*
  std::string note;    // set when the digits are kept: why
};

// Longest integer read digit by digit; longer runs of digits are kept.
inline constexpr size_t kMaxSpelledDigits = 256;

// Integers up to 18 digits are spelled exactly (int64); longer ones digit
// by digit; decimals up to 15 significant digits through a double (exact at
// that precision), longer ones kept. Four bare digits 1000..2999 read as a
// year where the rules have one. `lang` only names the language in notes.
NumberReading read_number(std::string_view written, const ParsedNumber& n, bool negative,
                          NumberForm form, const SpellOut& spell, std::string_view lang);

}  // namespace charsiug2p::text::detail
