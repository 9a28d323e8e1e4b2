// TSV output that keeps one line per word whatever bytes a model emits.
#pragma once

#include <string>
#include <string_view>

namespace charsiug2p::cli {

// Escapes a field: backslash -> \\, tab -> \t, newline -> \n, carriage
// return -> \r, other C0 controls and DEL -> \xHH, and bytes that are not
// valid UTF-8 -> \xHH. Everything else (all valid non-control UTF-8) is
// copied. The result never contains a tab or a line break.
std::string escape_field(std::string_view s);

// Inverse of escape_field (for tests and tools reading our output).
std::string unescape_field(std::string_view s);

}  // namespace charsiug2p::cli
