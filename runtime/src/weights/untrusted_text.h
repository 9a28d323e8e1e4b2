// Helpers for strings read from files: UTF-8 validation and quoting for
// error messages (names may hold control bytes or be megabytes long).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chrt::detail {

// Strict UTF-8: no overlongs, surrogates or code points past U+10FFFF.
bool valid_utf8(std::string_view s);

// `s` made safe to print: control bytes, backslashes and (unless `s` is
// valid UTF-8) non-ASCII bytes as \xNN; cut after `max` input bytes.
std::string printable(std::string_view s, size_t max = 120);

// printable(s) in single quotes. (Not "quoted": ADL would pick std::quoted.)
std::string in_quotes(std::string_view s);

}  // namespace chrt::detail
