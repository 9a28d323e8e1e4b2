// Header-only C++ conveniences over the chrt C API. Everything is inline, so
// it compiles into each model library (with hidden visibility) and adds no
// exported symbol anywhere.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "chrt/runtime.h"

namespace chrt {

// A failed chrt call, carrying its status.
class Failure : public std::runtime_error {
 public:
  Failure(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// Throws Failure with chrt_last_error() if status is not CHRT_OK.
inline void check(int status) {
  if (status != CHRT_OK) throw Failure(status, chrt_last_error());
}

struct WeightsDeleter {
  void operator()(chrt_weights* w) const { chrt_weights_free(w); }
};
struct MatrixDeleter {
  void operator()(chrt_matrix* m) const { chrt_matrix_free(m); }
};
struct PoolDeleter {
  void operator()(chrt_pool* p) const { chrt_pool_free(p); }
};
struct FileDeleter {
  void operator()(chrt_file* f) const { chrt_file_free(f); }
};
using File = std::unique_ptr<chrt_file, FileDeleter>;
using Weights = std::unique_ptr<chrt_weights, WeightsDeleter>;
using Matrix = std::unique_ptr<chrt_matrix, MatrixDeleter>;
using Pool = std::unique_ptr<chrt_pool, PoolDeleter>;

}  // namespace chrt
