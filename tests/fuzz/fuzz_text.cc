// libFuzzer target for the text front end: any bytes, in any of a dozen
// languages of different scripts and number rules, must come back as tokens
// that tile the input exactly, words for the model that are non-empty valid
// UTF-8 without NUL bytes, and a joined form that is valid UTF-8. The word
// engine is the unit tests' fake, so no model is needed. The text sources
// are compiled into this target so that the fuzzer sees their coverage.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text_test_support.h"
#include "utf8_spans.h"

using namespace charsiug2p::text::detail;

namespace {

bool valid_utf8(std::string_view s) {
  const auto spans = split_utf8(s);
  return spans.empty() || (spans.size() == 1 && spans[0].valid);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kLangs[] = {"eng-us", "fra", "ger", "spa",   "rus", "ara", "hin",
                                       "tha",    "khm", "jpn", "zho-s", "kor", "urd", "unk"};
  static FakeEngine fake;
  if (size == 0) return 0;
  fake.log->calls.clear();  // the fake records every request; keep memory flat
  const char* lang = kLangs[data[0] % (sizeof kLangs / sizeof kLangs[0])];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const TextBatch b = fake.run(text, lang);
  if (!tiles(b, text.size()) || b.joined.size() != 1 || !valid_utf8(b.joined[0])) __builtin_trap();
  for (const Token& t : b.tokens) {
    for (const std::string& w : t.words)
      if (w.empty() || !valid_utf8(w) || w.find('\0') != std::string::npos) __builtin_trap();
    if (t.kind == CHARSIUG2P_TEXT_OVERRIDE &&
        text.substr(t.begin, t.end - t.begin).find(t.phonemes) == std::string_view::npos)
      __builtin_trap();
  }
  return 0;
}
