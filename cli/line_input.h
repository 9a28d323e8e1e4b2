// Lines of a file or of stdin, streamed, without their line breaks.
#pragma once

#include <cstddef>
#include <fstream>
#include <iostream>
#include <string>

namespace charsiug2p::cli {

class LineInput {
 public:
  // path "-" or "" reads stdin. Throws std::runtime_error ("cannot open
  // <what> 'path'") when the file cannot be opened.
  LineInput(const std::string& path, const char* what);

  // The next line without "\n" or "\r\n"; false at the end.
  bool next(std::string& line);
  size_t line_number() const { return line_number_; }

 private:
  std::ifstream file_;
  std::istream* in_ = &std::cin;
  size_t line_number_ = 0;
};

}  // namespace charsiug2p::cli
