// Internal exception carrying a charsiug2p_error code; converted to a status
// and a thread-local message at the C boundary (c_api.cc).
#pragma once

#include <stdexcept>
#include <string>

#include "charsiug2p/charsiug2p.h"

namespace charsiug2p::detail {

class ModelError : public std::runtime_error {
 public:
  ModelError(charsiug2p_error code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  charsiug2p_error code() const { return code_; }

 private:
  charsiug2p_error code_;
};

}  // namespace charsiug2p::detail
