// Splits raw bytes into runs of valid UTF-8 and runs of bytes that are not,
// so that ICU only ever sees valid text and invalid bytes keep their place.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace charsiug2p::text::detail {

struct ByteSpan {
  size_t begin = 0;
  size_t end = 0;
  bool valid = true;
};

// Maximal runs, in order, covering all of `bytes`. Validity is ICU's strict
// UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
std::vector<ByteSpan> split_utf8(std::string_view bytes);

// The code point starting at `pos` of valid UTF-8 `s`; advances pos.
char32_t next_code_point(std::string_view s, size_t& pos);

// Whether valid UTF-8 `s` holds a letter (Unicode Alphabetic).
bool has_letter(std::string_view s);

}  // namespace charsiug2p::text::detail
