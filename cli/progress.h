// A one-line progress display on stderr, only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstddef>

namespace charsiug2p::cli {

class Progress {
 public:
  explicit Progress(bool wanted);
  ~Progress();
  // Redraws at most every 200 ms unless `final`, which always draws.
  void update(size_t done, bool final = false);

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace charsiug2p::cli
