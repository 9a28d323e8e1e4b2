// The form of a word handed to the model.
#pragma once

#include <string>
#include <string_view>

namespace charsiug2p::text::detail {

// Removes invisible break hints (soft hyphen, zero-width space, word joiner,
// BOM), writes the typographic apostrophe U+2019 as "'" (as the training
// lexicons do) and normalizes to NFC, so that a word typed on any keyboard
// or copied from a PDF reaches the model in the form it learned.
// `word` is valid UTF-8.
std::string model_word_form(std::string_view word);

}  // namespace charsiug2p::text::detail
