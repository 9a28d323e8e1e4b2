#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace charsiug2p::cli {

Progress::Progress(bool wanted)
    : enabled_(wanted && isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
  if (shown_) std::fputs("\n", stderr);
}

void Progress::update(size_t done, bool final) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!final && shown_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double s = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%zu words, %.0f words/s, %.1f s", done, s > 0 ? done / s : 0.0, s);
  std::fflush(stderr);
  shown_ = true;
}

}  // namespace charsiug2p::cli
