// libFuzzer target for the G2P model's input parsers: config.json
// validation and the UTF-8 handling of words and model outputs. Any input
// must be accepted or refused with a typed error; ASan/UBSan report the rest.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "errors.h"
#include "t5_config.h"
#include "tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  using namespace charsiug2p::detail;
  try {
    const T5Config c = parse_t5_config(text, "fuzz");
    (void)c.describe();
  } catch (const ModelError&) {
  }
  const bool valid = is_valid_utf8(text);
  const std::string kept = drop_invalid_utf8(text);
  // Dropping invalid bytes leaves valid text, and valid text is kept whole.
  if (!is_valid_utf8(kept) || (valid && kept != text)) __builtin_trap();
  const auto ids = encode_bytes(text);
  if (decode_ids(ids) != kept) __builtin_trap();
  return 0;
}
