// Shared by the C ABI's files: the handle types and the boundary that turns
// every exception into a numbered code plus a thread-local message.
#pragma once

#include <memory>
#include <new>
#include <string>

#include "charsiug2p/charsiug2p.h"
#include "chrt/runtime.hpp"
#include "engine.h"
#include "errors.h"
#include "lexicon.h"
#include "lexicon_builder.h"
#include "word_cache.h"

struct charsiug2p_model {
  std::unique_ptr<charsiug2p::detail::Engine> engine;
};
struct charsiug2p_lexicon {
  std::unique_ptr<charsiug2p::detail::Lexicon> impl;
};
struct charsiug2p_lexicon_builder {
  charsiug2p::detail::LexiconBuilder impl;
};
struct charsiug2p_cache {
  charsiug2p::detail::WordCache impl;
};

namespace charsiug2p::detail {

// Sets this thread's charsiug2p_last_error() and returns code.
int fail(int code, const std::string& message);

int from_chrt(int status);

template <class F>
int guarded(F&& f) noexcept {
  try {
    f();
    return CHARSIUG2P_OK;
  } catch (const ModelError& e) {
    return fail(e.code(), e.what());
  } catch (const chrt::Failure& e) {
    return fail(from_chrt(e.status()), e.what());
  } catch (const std::bad_alloc&) {
    return fail(CHARSIUG2P_ERR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(CHARSIUG2P_ERR_INTERNAL, e.what());
  } catch (...) {
    return fail(CHARSIUG2P_ERR_INTERNAL, "unknown exception");
  }
}

// guarded() for functions with an out parameter: NULL out is an error, and
// *out is NULL unless f succeeds.
template <class T, class F>
int guarded_out(T** out, F&& f) noexcept {
  if (!out) return fail(CHARSIUG2P_ERR_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  return guarded(std::forward<F>(f));
}

inline void require(bool ok, const char* what) {
  if (!ok) throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT, std::string(what) + " is NULL");
}

}  // namespace charsiug2p::detail
