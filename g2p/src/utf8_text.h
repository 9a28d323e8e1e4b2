// Code-point views of UTF-8 text, for the passes that must never split a
// character (phoneme sets, the lexicon's case rule). ICU-free on purpose:
// the word-level library has to work where ICU is absent (iOS).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace charsiug2p::detail {

// The code points of s, or nullopt when s is not well-formed UTF-8.
std::optional<std::u32string> to_code_points(std::string_view s);

// UTF-8 encoding of code points (each must be a Unicode scalar value).
std::string to_utf8(std::u32string_view s);

// Unicode simple lowercase mapping of one code point (itself when it has
// none, or when its lowercase is more than one code point, like U+0130).
char32_t simple_lowercase(char32_t c);

// s with every code point lowercased; nullopt if s is not valid UTF-8.
std::optional<std::string> lowercase_utf8(std::string_view s);

}  // namespace charsiug2p::detail
