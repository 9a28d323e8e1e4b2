// Reading the digits of a number token: decimal digits of any script, the
// locale's grouping and decimal separators, validated strictly so that an
// ambiguous string ("1,25" in English) is never read as a wrong value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace charsiug2p::text::detail {

struct NumberSymbols {
  std::u32string decimal;   // code points that separate the fraction
  std::u32string grouping;  // code points that group thousands
};

struct ParsedNumber {
  std::string int_digits;   // ASCII digits as written (leading zeros kept)
  std::string frac_digits;  // ASCII digits after the decimal separator; "" if none
  bool grouped = false;     // grouping separators were written
};

// Parses valid UTF-8 `s`. Well formed: digits, optionally grouped (first
// group 1-3 digits, later ones 2-3, the last 3; one grouping character),
// optionally one decimal separator followed by digits. nullopt otherwise.
std::optional<ParsedNumber> parse_number(std::string_view s, const NumberSymbols& symbols);

// The value of a decimal digit of any script, or -1.
int digit_value(char32_t c);

}  // namespace charsiug2p::text::detail
