// The joined phoneme string of a text (charsiug2p_text_result_joined).
#pragma once

#include <span>
#include <string>

#include "token.h"

namespace charsiug2p::text::detail {

// Spoken tokens give their phonemes (a failed word its text), with one
// space between two that touch; punctuation is copied; a run of space
// tokens is one space; no space at either end. Invalid bytes are left out
// (their token carries the error).
std::string join_tokens(std::span<const Token> tokens);

}  // namespace charsiug2p::text::detail
