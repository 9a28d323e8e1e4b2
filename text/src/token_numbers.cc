#include "token_numbers.h"

#include <unicode/uchar.h>

#include "segmenter.h"
#include "utf8_spans.h"
#include "word_form.h"

namespace charsiug2p::text::detail {

namespace {

bool is_minus(std::string_view s) { return s == "-" || s == "\u2212"; }

// An opening bracket or quote: "(-5", "«-5».
bool opens(std::string_view s) {
  size_t pos = 0;
  const int8_t type = u_charType(UChar32(next_code_point(s, pos)));
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// The ordinal form a written suffix asks for, if it is one of the style's.
std::optional<NumberForm> ordinal_suffix(OrdinalStyle style, std::string_view suffix) {
  const std::string s = lower_ascii(suffix);
  switch (style) {
    case OrdinalStyle::kEnglish:
      if (s == "st" || s == "nd" || s == "rd" || s == "th") return NumberForm::kOrdinal;
      break;
    case OrdinalStyle::kFrench:
      if (s == "er" || s == "e" || s == "\u00e8me" || s == "eme" || s == "\u00e8")
        return NumberForm::kOrdinal;
      if (s == "re" || s == "\u00e8re") return NumberForm::kOrdinalFeminine;
      break;
    case OrdinalStyle::kRomanceIndicator:
      if (s == "\u00ba") return NumberForm::kOrdinal;
      if (s == "\u00aa") return NumberForm::kOrdinalFeminine;
      break;
    case OrdinalStyle::kNone:
      break;
  }
  return std::nullopt;
}

}  // namespace

void NumberTokens::segment(size_t begin, size_t end) {
  if (has_letter(src(begin, end)))
    word_segment(begin, end);
  else
    number_segment(begin, end);
}

bool NumberTokens::absorb_minus(size_t begin) {
  if (tokens_.empty() || !tools_.spell.available()) return false;
  const Token& m = tokens_.back();
  if (m.kind != CHARSIUG2P_TEXT_PUNCT || m.end != begin || !is_minus(m.text)) return false;
  // "5-3" and "COVID-19" are ranges and names; a sign follows a space, an
  // opening bracket or quote, or starts the text.
  if (tokens_.size() >= 2) {
    const Token& before = tokens_[tokens_.size() - 2];
    if (before.kind != CHARSIUG2P_TEXT_SPACE &&
        !(before.kind == CHARSIUG2P_TEXT_PUNCT && before.error == CHARSIUG2P_OK &&
          opens(before.text)))
      return false;
  }
  return true;
}

void NumberTokens::number_segment(size_t begin, size_t end) {
  const std::optional<ParsedNumber> n = parse_number(src(begin, end), tools_.symbols);
  if (!n) return digits_piecewise(begin, end);
  const bool negative = absorb_minus(begin);
  if (negative) {
    begin = tokens_.back().begin;
    tokens_.pop_back();
  }
  add_number(begin, end, *n, negative, NumberForm::kCardinal);
}

void NumberTokens::add_word(size_t begin, size_t end) {
  Token t = make_token(CHARSIUG2P_TEXT_WORD, begin, end, model_word_form(src(begin, end)));
  t.words.push_back(t.text);
  tokens_.push_back(std::move(t));
}

void NumberTokens::add_number(size_t begin, size_t end, const ParsedNumber& n, bool negative,
                              NumberForm form) {
  const std::string_view written = src(begin, end);
  NumberReading r = read_number(written, n, negative, form, tools_.spell, lang_);
  Token t = make_token(CHARSIUG2P_TEXT_NUMBER, begin, end, std::move(r.text));
  t.flags = r.flags;
  t.message = std::move(r.note);
  if (t.flags & CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT) {
    t.words.push_back(model_word_form(written));
  } else {
    t.words = spelled_words(t.text);
  }
  tokens_.push_back(std::move(t));
}

// Spell-out text is cut into words like any text: Thai rules separate words
// with U+200B, German writes soft hyphens, English hyphenates, Swahili puts
// commas in; the model hears only the words.
std::vector<std::string> NumberTokens::spelled_words(std::string_view spelled) {
  std::vector<std::string> words;
  for (const Segment& s : segment_words(*tools_.words, spelled))
    if (s.cls != SegmentClass::kOther)
      words.push_back(model_word_form(spelled.substr(s.begin, s.end - s.begin)));
  return words;
}

// A digit string that is not a well-formed number ("1,2,3", "1.2.3" in
// English): each run of digits is a number, each other character stays as
// punctuation.
void NumberTokens::digits_piecewise(size_t begin, size_t end) {
  size_t pos = begin;
  while (pos < end) {
    const size_t start = pos;
    size_t probe = pos;
    const char32_t c = next_code_point(text_.substr(0, end), probe);
    if (digit_value(c) < 0) {
      const int32_t kind =
          u_isUWhiteSpace(UChar32(c)) ? CHARSIUG2P_TEXT_SPACE : CHARSIUG2P_TEXT_PUNCT;
      tokens_.push_back(make_token(kind, start, probe, std::string(src(start, probe))));
      pos = probe;
      continue;
    }
    while (pos < end) {
      probe = pos;
      if (digit_value(next_code_point(text_.substr(0, end), probe)) < 0) break;
      pos = probe;
    }
    add_number(start, pos, *parse_number(src(start, pos), tools_.symbols), false,
               NumberForm::kCardinal);
  }
}

// "3rd", "1er", "2º": digits then a suffix the language writes on ordinals.
bool NumberTokens::ordinal(size_t begin, size_t end) {
  if (tools_.entry.ordinals == OrdinalStyle::kNone || !tools_.spell.available() ||
      !tools_.spell.has_ordinal())
    return false;
  size_t digits_end = begin;
  for (size_t probe = begin; probe < end;) {
    if (digit_value(next_code_point(text_.substr(0, end), probe)) < 0) break;
    digits_end = probe;
  }
  if (digits_end == begin || digits_end == end) return false;
  const auto form = ordinal_suffix(tools_.entry.ordinals, src(digits_end, end));
  const auto n = parse_number(src(begin, digits_end), tools_.symbols);
  if (!form || !n) return false;
  add_number(begin, end, *n, false, *form);
  return true;
}

// A word segment: letters only is a word; with digits ("3rd", "MP3", "4K",
// "v1.2") an ordinal or alternating runs of words and numbers. A separator
// between two digits belongs to the number.
void NumberTokens::word_segment(size_t begin, size_t end) {
  bool digits = false;
  for (size_t pos = begin; pos < end && !digits;)
    digits = digit_value(next_code_point(text_.substr(0, end), pos)) >= 0;
  if (!digits) return add_word(begin, end);
  if (ordinal(begin, end)) return;
  const std::string_view seg = text_.substr(0, end);
  auto numeric_at = [&](size_t pos, bool prev_digit) {
    size_t next = pos;
    const char32_t c = next_code_point(seg, next);
    if (digit_value(c) >= 0) return true;
    if (!prev_digit || next >= end) return false;
    if (tools_.symbols.decimal.find(c) == std::u32string::npos &&
        tools_.symbols.grouping.find(c) == std::u32string::npos)
      return false;
    size_t after = next;
    return digit_value(next_code_point(seg, after)) >= 0;
  };
  size_t pos = begin;
  bool prev_digit = false;
  while (pos < end) {
    const size_t start = pos;
    const bool numeric = numeric_at(pos, prev_digit);
    while (pos < end && numeric_at(pos, prev_digit) == numeric) {
      size_t next = pos;
      prev_digit = digit_value(next_code_point(seg, next)) >= 0;
      pos = next;
    }
    if (numeric) {
      number_segment(start, pos);
    } else if (has_letter(src(start, pos))) {
      add_word(start, pos);
    } else {
      tokens_.push_back(
          make_token(CHARSIUG2P_TEXT_PUNCT, start, pos, std::string(src(start, pos))));
    }
  }
}

}  // namespace charsiug2p::text::detail
