// The ByT5 byte tokenizer and the CharsiuG2P input prefix.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace charsiug2p::detail {

inline constexpr int32_t kByteOffset = 3;  // ids 0..2 are pad, eos, unk

// True if s is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool is_valid_utf8(std::string_view s);

// "<lang>:word" or "<lang>: word".
std::string prefixed_input(std::string_view lang, std::string_view word, bool space_after_colon);

// UTF-8 bytes + 3; no EOS, as CharsiuG2P feeds its inputs.
std::vector<int32_t> encode_bytes(std::string_view text);

// ids 3..258 become bytes; pad, eos, unk and ids past the byte range are
// dropped; then bytes that do not form valid UTF-8 are dropped, exactly as
// Python's bytes.decode("utf-8", errors="ignore") does in the Hugging Face
// ByT5 tokenizer.
std::string decode_ids(std::span<const int32_t> ids);

// The errors="ignore" part alone.
std::string drop_invalid_utf8(std::string_view bytes);

}  // namespace charsiug2p::detail
