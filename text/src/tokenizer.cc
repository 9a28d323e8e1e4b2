#include "tokenizer.h"

#include <unicode/uchar.h>

#include "overrides.h"
#include "segmenter.h"
#include "token_numbers.h"
#include "utf8_spans.h"
#include "word_form.h"

namespace charsiug2p::text::detail {

namespace {

// Whitespace, controls (NUL included) and invisible format characters
// separate words and are never spoken; anything else outside a word is
// punctuation or a symbol, kept in place.
bool separator_only(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    const UChar32 c = UChar32(next_code_point(s, pos));
    if (!u_isUWhiteSpace(c) && !u_iscntrl(c) && u_charType(c) != U_FORMAT_CHAR) return false;
  }
  return true;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, LocaleTools& tools, std::string_view lang)
      : text_(text), numbers_(text, tools, lang, tokens_), tools_(tools) {}

  std::vector<Token> run() {
    for (const ByteSpan& span : split_utf8(text_)) {
      if (!span.valid) {
        invalid(span);
        continue;
      }
      const std::string_view piece = text_.substr(span.begin, span.end - span.begin);
      size_t pos = 0;
      for (const OverrideMark& m : find_overrides(piece)) {
        plain(span.begin + pos, span.begin + m.begin);
        override_token(span.begin, m);
        pos = m.end;
      }
      plain(span.begin + pos, span.end);
    }
    return std::move(tokens_);
  }

 private:
  std::string_view src(size_t b, size_t e) const { return text_.substr(b, e - b); }

  void invalid(const ByteSpan& span) {
    Token t = make_token(CHARSIUG2P_TEXT_PUNCT, span.begin, span.end,
                         std::string(src(span.begin, span.end)));
    t.error = CHARSIUG2P_ERR_INVALID_UTF8;
    t.message = std::to_string(span.end - span.begin) + " byte(s) that are not valid UTF-8";
    tokens_.push_back(std::move(t));
  }

  void override_token(size_t base, const OverrideMark& m) {
    Token t = make_token(CHARSIUG2P_TEXT_OVERRIDE, base + m.begin, base + m.end,
                         std::string(src(base + m.text_begin, base + m.text_end)));
    t.phonemes = std::string(src(base + m.phonemes_begin, base + m.phonemes_end));
    tokens_.push_back(std::move(t));
  }

  // "1 250,5" in French or Russian: digit groups separated by a no-break
  // or thin space the locale groups with are one number, not two.
  bool joins_groups(const Segment& left, const Segment& gap, const Segment& right,
                    size_t base) const {
    if (left.cls == SegmentClass::kOther || right.cls == SegmentClass::kOther) return false;
    const std::string_view g = src(base + gap.begin, base + gap.end);
    size_t pos = 0;
    const char32_t c = next_code_point(g, pos);
    return pos == g.size() && c != U' ' &&
           tools_.symbols.grouping.find(c) != std::u32string::npos &&
           !has_letter(src(base + left.begin, base + left.end)) &&
           !has_letter(src(base + right.begin, base + right.end));
  }

  void plain(size_t begin, size_t end) {
    if (begin >= end) return;
    const std::vector<Segment> segments = segment_words(*tools_.words, src(begin, end));
    for (size_t i = 0; i < segments.size(); ++i) {
      Segment s = segments[i];
      while (i + 2 < segments.size() && joins_groups(s, segments[i + 1], segments[i + 2], begin)) {
        s.end = segments[i + 2].end;
        i += 2;
      }
      const size_t b = begin + s.begin, e = begin + s.end;
      switch (s.cls) {
        case SegmentClass::kNumber:
        case SegmentClass::kWord:
          numbers_.segment(b, e);
          break;
        case SegmentClass::kOther:
          tokens_.push_back(
              make_token(separator_only(src(b, e)) ? CHARSIUG2P_TEXT_SPACE : CHARSIUG2P_TEXT_PUNCT,
                         b, e, std::string(src(b, e))));
          break;
      }
    }
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  NumberTokens numbers_;
  LocaleTools& tools_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text, LocaleTools& tools, std::string_view lang) {
  return Tokenizer(text, tools, lang).run();
}

}  // namespace charsiug2p::text::detail
