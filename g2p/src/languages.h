// The language codes CharsiuG2P checkpoints are trained with.
#pragma once

#include <span>
#include <string_view>

namespace charsiug2p::detail {

// Sorted; "unk" (unknown language) included.
std::span<const std::string_view> language_codes();
bool is_known_language(std::string_view code);

}  // namespace charsiug2p::detail
