// Internal exception carrying a code of charsiug2p_error (or
// CHARSIUG2P_TEXT_ERR_ICU); turned into a status and a thread-local message
// at the C boundary (c_api.cc).
#pragma once

#include <stdexcept>
#include <string>

#include "charsiug2p/charsiug2p_text.h"

namespace charsiug2p::text::detail {

class TextError : public std::runtime_error {
 public:
  TextError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

}  // namespace charsiug2p::text::detail
