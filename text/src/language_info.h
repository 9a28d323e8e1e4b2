// What the text front end does for a language, from the table and ICU's data.
#pragma once

#include <string_view>

#include "charsiug2p/charsiug2p_text.h"

namespace charsiug2p::text::detail {

// Fills everything but struct_size. Strings point into the static table.
charsiug2p_text_language_info describe_language(std::string_view code);

}  // namespace charsiug2p::text::detail
