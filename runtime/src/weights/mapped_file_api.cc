// The C API's "mapped files" section: the weight loader's read-only file
// mapping, offered to model libraries for their own formats.
#include "byte_source.h"
#include "chrt/runtime.h"
#include "common/errors.h"

// The handle is a heap-held shared_ptr so the mapping has one owner type.
struct chrt_file {
  std::shared_ptr<chrt::detail::ByteSource> source;
};

extern "C" {

CHRT_API int chrt_file_map(const char* path, chrt_file** out) {
  using namespace chrt::detail;
  if (out == nullptr) return set_error(CHRT_ERR_INVALID_ARGUMENT, "chrt_file_map: out is NULL");
  *out = nullptr;
  return guard([&] {
    if (path == nullptr) throw InvalidArgument("chrt_file_map: path is NULL");
    auto file = std::make_unique<chrt_file>();
    file->source = ByteSource::map_file(path);
    *out = file.release();
  });
}

CHRT_API void chrt_file_free(chrt_file* file) { delete file; }

CHRT_API const void* chrt_file_data(const chrt_file* file) {
  return file ? file->source->data() : nullptr;
}

CHRT_API uint64_t chrt_file_size(const chrt_file* file) { return file ? file->source->size() : 0; }

}  // extern "C"
