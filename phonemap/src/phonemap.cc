#include "phonemap/phonemap.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "chrt/runtime.h"

namespace phonemap::detail {

struct Failure : std::runtime_error {
  Failure(int c, const std::string& m) : std::runtime_error(m), code(c) {}
  int code;
};

thread_local std::string t_last_error;

int fail(int code, const std::string& m) {
  t_last_error = m;
  return code;
}

template <class F>
int guarded(F&& f) noexcept {
  try {
    f();
    return PHONEMAP_OK;
  } catch (const Failure& e) {
    return fail(e.code, e.what());
  } catch (const std::bad_alloc&) {
    return fail(PHONEMAP_ERR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(PHONEMAP_ERR_INTERNAL, e.what());
  }
}

// Next code point of valid UTF-8 at s[i]; false on malformed input.
bool next_code_point(std::string_view s, size_t& i, std::string& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  const size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return false;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
  cp.assign(s.substr(i, n));
  i += n;
  return true;
}

}  // namespace phonemap::detail

using namespace phonemap::detail;

struct phonemap_table {
  std::map<std::string, std::vector<int32_t>> ids;
};

namespace {

void load(std::string_view text, phonemap_table** out) {
  if (chrt_check_version(CHRT_VERSION_MAJOR, CHRT_VERSION_MINOR) != CHRT_OK)
    throw Failure(PHONEMAP_ERR_RUNTIME_VERSION, chrt_last_error());
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    throw Failure(PHONEMAP_ERR_FORMAT, std::string("invalid JSON: ") + e.what());
  }
  if (!j.is_object() || !j.contains("phoneme_id_map") || !j["phoneme_id_map"].is_object())
    throw Failure(PHONEMAP_ERR_FORMAT, "no \"phoneme_id_map\" object");
  auto t = std::make_unique<phonemap_table>();
  for (const auto& [key, value] : j["phoneme_id_map"].items()) {
    if (!value.is_array())
      throw Failure(PHONEMAP_ERR_FORMAT, "ids of '" + key + "' are not a list");
    std::vector<int32_t> v;
    for (const auto& id : value) {
      if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() > INT32_MAX)
        throw Failure(PHONEMAP_ERR_FORMAT, "id of '" + key + "' is not a non-negative integer");
      v.push_back(static_cast<int32_t>(id.get<int64_t>()));
    }
    t->ids[key] = std::move(v);
  }
  for (const char* needed : {"^", "$", "_"})
    if (!t->ids.count(needed))
      throw Failure(PHONEMAP_ERR_FORMAT, std::string("phoneme_id_map lacks '") + needed + "'");
  *out = t.release();
}

}  // namespace

extern "C" {

PHONEMAP_API const char* phonemap_error_name(int code) {
  switch (code) {
    case PHONEMAP_OK:
      return "PHONEMAP_OK";
    case PHONEMAP_ERR_INVALID_ARGUMENT:
      return "PHONEMAP_ERR_INVALID_ARGUMENT";
    case PHONEMAP_ERR_IO:
      return "PHONEMAP_ERR_IO";
    case PHONEMAP_ERR_FORMAT:
      return "PHONEMAP_ERR_FORMAT";
    case PHONEMAP_ERR_INVALID_UTF8:
      return "PHONEMAP_ERR_INVALID_UTF8";
    case PHONEMAP_ERR_RUNTIME_VERSION:
      return "PHONEMAP_ERR_RUNTIME_VERSION";
    case PHONEMAP_ERR_OUT_OF_MEMORY:
      return "PHONEMAP_ERR_OUT_OF_MEMORY";
    case PHONEMAP_ERR_INTERNAL:
      return "PHONEMAP_ERR_INTERNAL";
    default:
      return "PHONEMAP_ERR_UNKNOWN";
  }
}

PHONEMAP_API const char* phonemap_last_error(void) { return t_last_error.c_str(); }
PHONEMAP_API const char* phonemap_version_string(void) { return "0.1.0"; }
PHONEMAP_API uint32_t phonemap_runtime_version(void) { return chrt_version(); }
PHONEMAP_API const void* phonemap_runtime_instance(void) { return chrt_instance(); }

PHONEMAP_API int phonemap_table_load(const char* path, phonemap_table** out) {
  if (!out || !path) return fail(PHONEMAP_ERR_INVALID_ARGUMENT, "NULL argument");
  *out = nullptr;
  return guarded([&] {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Failure(PHONEMAP_ERR_IO, std::string("cannot read '") + path + "'");
    std::stringstream s;
    s << in.rdbuf();
    load(s.str(), out);
  });
}

PHONEMAP_API int phonemap_table_load_memory(const char* json, size_t size, phonemap_table** out) {
  if (!out || !json) return fail(PHONEMAP_ERR_INVALID_ARGUMENT, "NULL argument");
  *out = nullptr;
  return guarded([&] { load(std::string_view(json, size), out); });
}

PHONEMAP_API void phonemap_table_free(phonemap_table* t) { delete t; }

PHONEMAP_API int phonemap_encode(const phonemap_table* t, const char* phonemes, int32_t** ids,
                                 size_t* n, size_t* missing) {
  if (!t || !phonemes || !ids || !n) return fail(PHONEMAP_ERR_INVALID_ARGUMENT, "NULL argument");
  *ids = nullptr;
  *n = 0;
  return guarded([&] {
    std::vector<int32_t> out;
    const auto& pad = t->ids.at("_");
    auto put = [&](const std::vector<int32_t>& v) { out.insert(out.end(), v.begin(), v.end()); };
    put(t->ids.at("^"));
    put(pad);
    size_t skipped = 0;
    const std::string_view s(phonemes);
    std::string cp;
    for (size_t i = 0; i < s.size();) {
      if (!next_code_point(s, i, cp))
        throw Failure(PHONEMAP_ERR_INVALID_UTF8,
                      "phonemes are not valid UTF-8 at byte " + std::to_string(i));
      auto it = t->ids.find(cp);
      if (it == t->ids.end()) {
        ++skipped;
        continue;
      }
      put(it->second);
      put(pad);
    }
    put(t->ids.at("$"));
    if (missing) *missing = skipped;
    auto* buf = static_cast<int32_t*>(std::malloc(sizeof(int32_t) * out.size()));
    if (!buf) throw std::bad_alloc();
    std::memcpy(buf, out.data(), sizeof(int32_t) * out.size());
    *ids = buf;
    *n = out.size();
  });
}

PHONEMAP_API void phonemap_ids_free(int32_t* ids) { std::free(ids); }

}  // extern "C"
