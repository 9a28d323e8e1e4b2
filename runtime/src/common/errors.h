// Internal exception types, translated to chrt_status at the C boundary.
#pragma once

#include <stdexcept>
#include <string>

#include "chrt/runtime.h"

namespace chrt::detail {

class Error : public std::runtime_error {
 public:
  Error(chrt_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  chrt_status status() const { return status_; }

 private:
  chrt_status status_;
};

struct IoError : Error {
  explicit IoError(const std::string& m) : Error(CHRT_ERR_IO, m) {}
};
struct FormatError : Error {
  explicit FormatError(const std::string& m) : Error(CHRT_ERR_FORMAT, m) {}
};
struct UnsupportedError : Error {
  explicit UnsupportedError(const std::string& m) : Error(CHRT_ERR_UNSUPPORTED, m) {}
};
struct InvalidArgument : Error {
  explicit InvalidArgument(const std::string& m) : Error(CHRT_ERR_INVALID_ARGUMENT, m) {}
};

// Records `message` as this thread's chrt_last_error() and returns `status`.
int set_error(int status, const std::string& message);

// Runs f() and converts any exception into a status + thread-local message,
// so no C++ exception crosses the C boundary.
template <class F>
int guard(F&& f) noexcept {
  try {
    f();
    return CHRT_OK;
  } catch (const Error& e) {
    return set_error(e.status(), e.what());
  } catch (const std::bad_alloc&) {
    return set_error(CHRT_ERR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return set_error(CHRT_ERR_INTERNAL, e.what());
  } catch (...) {
    return set_error(CHRT_ERR_INTERNAL, "unknown exception");
  }
}

}  // namespace chrt::detail
