// libFuzzer target for the lexicon: the compiled-file loader (as given, and
// with its checksum repaired so that mutations reach the structural checks)
// and the TSV parser + builder. Any input must load or be refused with a
// typed error; whatever loads must answer for every entry it holds, and a
// TSV that parses must compile into a file that loads and holds its entries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "errors.h"
#include "lexicon.h"
#include "lexicon_builder.h"
#include "lexicon_format.h"
#include "lexicon_tsv.h"

namespace {

using namespace charsiug2p::detail;

void check_loaded(const Lexicon& lex) {
  for (size_t i = 0; i < lex.size() && i < 64; ++i) {
    const auto [key, pron] = lex.entry(i);
    const size_t tab = key.find('\t');
    const auto hit = lex.find(key.substr(0, tab), key.substr(tab + 1));
    if (!hit || *hit != pron) __builtin_trap();
    (void)lex.lookup(key.substr(0, tab), key.substr(tab + 1));
  }
}

void load(const uint8_t* data, size_t size) {
  try {
    check_loaded(*Lexicon::load_memory(data, size, "fuzz"));
  } catch (const ModelError&) {
  }
}

// The TSV in one of its two forms (three columns, or two in lang).
void check_tsv(std::string_view text, std::string_view lang) {
  const TsvParse parsed = parse_lexicon_tsv(text, "fuzz", lang);
  LexiconBuilder builder(CHARSIUG2P_DUPLICATES_LAST);
  try {
    builder.add_tsv(text, "fuzz", lang);
  } catch (const ModelError&) {
    if (parsed.errors.empty()) __builtin_trap();  // refused a text that parsed
    return;
  }
  if (!parsed.errors.empty()) __builtin_trap();
  const std::vector<unsigned char> bytes = builder.serialize();
  const auto lex = Lexicon::load_memory(bytes.data(), bytes.size(), "built");  // must not throw
  if (lex->size() != builder.size()) __builtin_trap();
  for (const TsvEntry& e : parsed.entries)
    if (!lex->find(e.lang, e.word)) __builtin_trap();
  check_loaded(*lex);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  load(data, size);
  if (size >= lexfmt::kHeaderSize) {
    std::vector<unsigned char> fixed(data, data + size);
    lexfmt::store64(&fixed[lexfmt::kOffChecksum], lexfmt::checksum(fixed.data(), fixed.size()));
    load(fixed.data(), fixed.size());
  }
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const std::string_view lang : {"", "eng-us"}) check_tsv(text, lang);
  return 0;
}
