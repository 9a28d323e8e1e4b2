#include "joined.h"

namespace charsiug2p::text::detail {

std::string join_tokens(std::span<const Token> tokens) {
  std::string out;
  bool after_spoken = false, pending_space = false;
  for (const Token& t : tokens) {
    if (t.kind == CHARSIUG2P_TEXT_SPACE) {
      pending_space = !out.empty();
      after_spoken = false;
      continue;
    }
    if (t.kind == CHARSIUG2P_TEXT_PUNCT && t.error != CHARSIUG2P_OK) continue;
    const bool spoken = is_spoken(t);
    const std::string& piece = !spoken ? t.text : t.error == CHARSIUG2P_OK ? t.phonemes : t.text;
    if (piece.empty()) continue;
    if (pending_space || (spoken && after_spoken)) out += ' ';
    out += piece;
    pending_space = false;
    after_spoken = spoken;
  }
  return out;
}

}  // namespace charsiug2p::text::detail
