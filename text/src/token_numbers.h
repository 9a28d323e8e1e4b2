// Word and number segments to tokens: numbers spelled out (with a leading
// minus, written ordinals, years), words that mix letters and digits split
// into runs ("MP3" -> "MP" + "three"), malformed digit strings read piece
// by piece ("1,2,3" -> one , two , three).
#pragma once

#include <string_view>
#include <vector>

#include "locale_tools.h"
#include "number_reading.h"
#include "token.h"

namespace charsiug2p::text::detail {

class NumberTokens {
 public:
  // Appends to `tokens`; reads `text` (absolute offsets) and uses `tools`.
  NumberTokens(std::string_view text, LocaleTools& tools, std::string_view lang,
               std::vector<Token>& tokens)
      : text_(text), tools_(tools), lang_(lang), tokens_(tokens) {}

  // An ICU word or number segment. Its content decides, not ICU's rule
  // status, which calls "abc3" a number for its last character.
  void segment(size_t begin, size_t end);

 private:
  std::string_view src(size_t b, size_t e) const { return text_.substr(b, e - b); }
  void number_segment(size_t begin, size_t end);  // digits and separators only
  void word_segment(size_t begin, size_t end);    // with letters
  bool absorb_minus(size_t begin);
  void add_word(size_t begin, size_t end);
  void add_number(size_t begin, size_t end, const ParsedNumber& n, bool negative, NumberForm form);
  void digits_piecewise(size_t begin, size_t end);
  bool ordinal(size_t begin, size_t end);
  std::vector<std::string> spelled_words(std::string_view spelled);

  std::string_view text_;
  LocaleTools& tools_;
  std::string_view lang_;
  std::vector<Token>& tokens_;
};

}  // namespace charsiug2p::text::detail
