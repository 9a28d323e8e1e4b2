// Text to tokens: invalid bytes, inline overrides, ICU word segments,
// numbers spelled out, words in the form the model learned. No phonemes yet.
#pragma once

#include <string_view>
#include <vector>

#include "locale_tools.h"
#include "token.h"

namespace charsiug2p::text::detail {

// Tokens of `text` whose source ranges tile it exactly, in order. Word and
// number tokens list the words for the model in Token::words. `tools` is
// used by this thread only; `lang` names the language in notes.
// Throws TextError(CHARSIUG2P_TEXT_ERR_ICU) if ICU fails.
std::vector<Token> tokenize(std::string_view text, LocaleTools& tools, std::string_view lang);

}  // namespace charsiug2p::text::detail
