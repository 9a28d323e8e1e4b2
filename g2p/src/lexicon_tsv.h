// The lexicon TSV a user writes: lang<TAB>word<TAB>pronunciation lines, or
// word<TAB>pronunciation with one language given for the whole text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace charsiug2p::detail {

struct TsvEntry {
  std::string lang, word, pronunciation;
  size_t line = 0;  // 1-based
};

struct TsvParse {
  std::vector<TsvEntry> entries;
  std::vector<std::string> errors;  // "source:line: problem", in line order
};

// Never throws for bad text: every bad line becomes one error. Skips empty
// lines, '#' comment lines and a leading UTF-8 BOM; accepts "\r\n"; trims
// spaces around fields; keeps a pronunciation's first comma variant.
// lang empty: three fields per line, else two.
TsvParse parse_lexicon_tsv(std::string_view text, std::string_view source, std::string_view lang);

}  // namespace charsiug2p::detail
