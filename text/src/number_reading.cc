#include "number_reading.h"

#include <charconv>

#include "charsiug2p/charsiug2p_text.h"

namespace charsiug2p::text::detail {

namespace {

NumberReading kept(std::string_view written, std::string note) {
  return {std::string(written), CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT, std::move(note)};
}

size_t leading_zeros(const std::string& digits) {
  size_t i = 0;
  while (i + 1 < digits.size() && digits[i] == '0') ++i;
  return i;
}

std::string digit_by_digit(const std::string& digits, const SpellOut& spell) {
  std::string names[10], out;
  for (char d : digits) {
    std::string& name = names[d - '0'];
    if (name.empty()) name = spell.cardinal(d - '0');
    if (name.empty()) return {};
    if (!out.empty()) out += ' ';
    out += name;
  }
  return out;
}

std::string spell_integer(const ParsedNumber& n, bool negative, NumberForm form,
                          const SpellOut& spell, uint32_t& flags) {
  int64_t v = 0;
  std::from_chars(n.int_digits.data(), n.int_digits.data() + n.int_digits.size(), v);
  if (form != NumberForm::kCardinal) {
    flags |= CHARSIUG2P_TEXT_FLAG_ORDINAL;
    return spell.ordinal(v, form == NumberForm::kOrdinalFeminine);
  }
  if (n.int_digits.size() == 4 && !n.grouped && !negative && v >= 1000 && v <= 2999 &&
      spell.has_year()) {
    flags |= CHARSIUG2P_TEXT_FLAG_YEAR;
    return spell.year(v);
  }
  return spell.cardinal(negative ? -v : v);
}

}  // namespace

NumberReading read_number(std::string_view written, const ParsedNumber& n, bool negative,
                          NumberForm form, const SpellOut& spell, std::string_view lang) {
  if (!spell.available())
    return kept(written, "no ICU spell-out rules for '" + std::string(lang) +
                             "': the digits are passed to the model as written");
  NumberReading r;
  if (negative) r.flags |= CHARSIUG2P_TEXT_FLAG_NEGATIVE;
  const size_t zeros = leading_zeros(n.int_digits);
  const size_t int_len = n.int_digits.size() - zeros;
  if (n.frac_digits.empty()) {
    // "007" is a code, read digit by digit, as are integers beyond int64.
    if (int_len <= 18 && (zeros == 0 || form != NumberForm::kCardinal)) {
      r.text = spell_integer(n, negative, form, spell, r.flags);
    } else if (n.int_digits.size() <= kMaxSpelledDigits && !negative &&
               form == NumberForm::kCardinal) {
      r.text = digit_by_digit(n.int_digits, spell);
    } else {
      return kept(written, std::to_string(n.int_digits.size()) +
                               " digits: too long to spell out; the digits are passed as written");
    }
  } else {
    const size_t significant =
        (int_len == 1 && n.int_digits[zeros] == '0' ? 0 : int_len) + n.frac_digits.size();
    if (significant > 15 || form != NumberForm::kCardinal)
      return kept(written, "decimal with more than 15 significant digits: passed as written");
    // from_chars, not strtod: the host's LC_NUMERIC must not change the value.
    const std::string digits = n.int_digits + "." + n.frac_digits;
    double v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    r.text = spell.decimal(negative ? -v : v);
  }
  if (r.text.empty()) return kept(written, "ICU could not spell out this number");
  return r;
}

}  // namespace charsiug2p::text::detail
