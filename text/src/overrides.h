// Inline pronunciation overrides, the misaki convention: "[Kokoro](/kəˈkɔɹo/)"
// says "speak the text Kokoro as kəˈkɔɹo", whatever the model would say.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace charsiug2p::text::detail {

struct OverrideMark {
  size_t begin = 0;                             // '[' ...
  size_t end = 0;                               // ... one past ')'
  size_t text_begin = 0, text_end = 0;          // between the brackets
  size_t phonemes_begin = 0, phonemes_end = 0;  // between the slashes
};

// Finds every "[text](/phonemes/)" in `s`, in order, not overlapping. The
// text is non-empty, holds no '[' or ']' and is not only whitespace; the
// phonemes end at the first "/)" and may be empty. Anything else (a lone
// bracket, "[a](b)", a missing "/)") is not an override and stays ordinary
// text. Linear in the size of s.
std::vector<OverrideMark> find_overrides(std::string_view s);

}  // namespace charsiug2p::text::detail
