// A one-line progress display on stderr, only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstddef>

namespace charsiug2p::cli {

class Progress {
 public:
  explicit Progress(bool wanted);
  ~Progress();
  void update(size_t done);

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace charsiug2p::cli
