#include "number_parse.h"

#include <unicode/uchar.h>

#include "utf8_spans.h"

namespace charsiug2p::text::detail {

int digit_value(char32_t c) {
  return u_charType(UChar32(c)) == U_DECIMAL_DIGIT_NUMBER ? u_charDigitValue(UChar32(c)) : -1;
}

std::optional<ParsedNumber> parse_number(std::string_view s, const NumberSymbols& symbols) {
  ParsedNumber out;
  char32_t group_char = 0;
  size_t group_len = 0;  // digits since the last grouping separator
  bool in_fraction = false, last_was_digit = false;
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t c = next_code_point(s, pos);
    const int d = digit_value(c);
    if (d >= 0) {
      (in_fraction ? out.frac_digits : out.int_digits) += char('0' + d);
      ++group_len;
      last_was_digit = true;
      continue;
    }
    if (!last_was_digit) return std::nullopt;  // leading or doubled separator
    last_was_digit = false;
    if (!in_fraction && symbols.decimal.find(c) != std::u32string::npos) {
      if (out.grouped && group_len != 3) return std::nullopt;
      in_fraction = true;
    } else if (!in_fraction && symbols.grouping.find(c) != std::u32string::npos) {
      if (group_char != 0 && c != group_char) return std::nullopt;
      const bool first = group_char == 0;
      if (first ? (group_len < 1 || group_len > 3) : (group_len < 2 || group_len > 3))
        return std::nullopt;
      group_char = c;
      out.grouped = true;
    } else {
      return std::nullopt;
    }
    group_len = 0;
  }
  if (!last_was_digit) return std::nullopt;
  if (out.grouped && !in_fraction && group_len != 3) return std::nullopt;
  return out;
}

}  // namespace charsiug2p::text::detail
