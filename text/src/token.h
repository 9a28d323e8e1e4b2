// A token of a text, as the C ABI reports it (charsiug2p_text_token).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "charsiug2p/charsiug2p_text.h"

namespace charsiug2p::text::detail {

struct Token {
  int32_t kind = CHARSIUG2P_TEXT_WORD;  // charsiug2p_text_token_kind
  size_t begin = 0, end = 0;            // source bytes [begin, end)
  std::string text;                     // what is spoken (see charsiug2p_text_token)
  std::vector<std::string> words;       // handed to the model: one for a word, the
                                        // spelled words of a number, none otherwise
  std::string phonemes;
  int32_t error = CHARSIUG2P_OK;
  uint32_t flags = 0;
  std::string message;
};

inline Token make_token(int32_t kind, size_t begin, size_t end, std::string text) {
  Token t;
  t.kind = kind;
  t.begin = begin;
  t.end = end;
  t.text = std::move(text);
  return t;
}

inline bool is_spoken(const Token& t) {
  return t.kind == CHARSIUG2P_TEXT_WORD || t.kind == CHARSIUG2P_TEXT_NUMBER ||
         t.kind == CHARSIUG2P_TEXT_OVERRIDE;
}

}  // namespace charsiug2p::text::detail
