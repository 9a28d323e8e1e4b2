#include "line_input.h"

#include <stdexcept>

namespace charsiug2p::cli {

LineInput::LineInput(const std::string& path, const char* what) {
  if (path.empty() || path == "-") return;
  file_.open(path, std::ios::binary);
  if (!file_) throw std::runtime_error(std::string("cannot open ") + what + " '" + path + "'");
  in_ = &file_;
}

bool LineInput::next(std::string& line) {
  if (!std::getline(*in_, line)) return false;
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF files
  return true;
}

}  // namespace charsiug2p::cli
