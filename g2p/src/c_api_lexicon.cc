// The C ABI's lexicon and lexicon-builder functions.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "c_api_guard.h"

using namespace charsiug2p::detail;

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec))
    throw ModelError(CHARSIUG2P_ERR_IO, std::string("cannot read '") + path + "'");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw ModelError(CHARSIUG2P_ERR_IO, std::string("error reading '") + path + "'");
  return text;
}

void write_file(const std::vector<unsigned char>& bytes, const std::string& path) {
  // Written beside the target and renamed: a reader never sees half a file.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw ModelError(CHARSIUG2P_ERR_IO, "cannot write '" + tmp + "'");
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      throw ModelError(CHARSIUG2P_ERR_IO, "error writing '" + tmp + "'");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw ModelError(CHARSIUG2P_ERR_IO,
                     "cannot rename '" + tmp + "' to '" + path + "': " + ec.message());
  }
}

}  // namespace

extern "C" {

CHARSIUG2P_API int charsiug2p_lexicon_load(const char* path, charsiug2p_lexicon** out) {
  return guarded_out(out, [&] {
    require(path, "path");
    *out = new charsiug2p_lexicon{Lexicon::load_file(path)};
  });
}

CHARSIUG2P_API int charsiug2p_lexicon_load_memory(const void* data, size_t size,
                                                  charsiug2p_lexicon** out) {
  return guarded_out(out, [&] {
    require(data || size == 0, "data");
    *out = new charsiug2p_lexicon{Lexicon::load_memory(data, size, "<memory>")};
  });
}

CHARSIUG2P_API void charsiug2p_lexicon_free(charsiug2p_lexicon* lexicon) { delete lexicon; }

CHARSIUG2P_API size_t charsiug2p_lexicon_count(const charsiug2p_lexicon* lexicon) {
  return lexicon ? lexicon->impl->size() : 0;
}

CHARSIUG2P_API const char* charsiug2p_lexicon_lookup(const charsiug2p_lexicon* lexicon,
                                                     const char* lang, const char* word) {
  if (!lexicon || !lang || !word) return nullptr;
  try {
    const auto hit = lexicon->impl->lookup(lang, word);
    return hit ? hit->data() : nullptr;  // NUL-terminated in the lexicon
  } catch (...) {
    return nullptr;  // out of memory for the lowercase copy
  }
}

CHARSIUG2P_API int charsiug2p_lexicon_builder_create(int32_t duplicates,
                                                     charsiug2p_lexicon_builder** out) {
  return guarded_out(out, [&] {
    if (duplicates < CHARSIUG2P_DUPLICATES_ERROR || duplicates > CHARSIUG2P_DUPLICATES_LAST)
      throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT,
                       "duplicates must be 0 (error), 1 (first) or 2 (last)");
    *out = new charsiug2p_lexicon_builder{
        LexiconBuilder(static_cast<charsiug2p_duplicates>(duplicates))};
  });
}

CHARSIUG2P_API void charsiug2p_lexicon_builder_free(charsiug2p_lexicon_builder* builder) {
  delete builder;
}

CHARSIUG2P_API int charsiug2p_lexicon_builder_add(charsiug2p_lexicon_builder* builder,
                                                  const char* lang, const char* word,
                                                  const char* pronunciation) {
  return guarded([&] {
    require(builder && lang && word && pronunciation, "builder, lang, word or pronunciation");
    builder->impl.add(lang, word, pronunciation);
  });
}

CHARSIUG2P_API int charsiug2p_lexicon_builder_add_tsv(charsiug2p_lexicon_builder* builder,
                                                      const char* text, size_t size,
                                                      const char* source_name, const char* lang) {
  return guarded([&] {
    require(builder && (text || size == 0), "builder or text");
    builder->impl.add_tsv(std::string_view(text ? text : "", size),
                          source_name ? source_name : "<memory>", lang ? lang : "");
  });
}

CHARSIUG2P_API int charsiug2p_lexicon_builder_add_tsv_file(charsiug2p_lexicon_builder* builder,
                                                           const char* path, const char* lang) {
  return guarded([&] {
    require(builder && path, "builder or path");
    builder->impl.add_tsv(read_file(path), path, lang ? lang : "");
  });
}

CHARSIUG2P_API size_t charsiug2p_lexicon_builder_count(const charsiug2p_lexicon_builder* builder) {
  return builder ? builder->impl.size() : 0;
}

CHARSIUG2P_API int charsiug2p_lexicon_builder_write(const charsiug2p_lexicon_builder* builder,
                                                    const char* path) {
  return guarded([&] {
    require(builder && path, "builder or path");
    write_file(builder->impl.serialize(), path);
  });
}

CHARSIUG2P_API int charsiug2p_lexicon_builder_finish(const charsiug2p_lexicon_builder* builder,
                                                     charsiug2p_lexicon** out) {
  return guarded_out(out, [&] {
    require(builder, "builder");
    const std::vector<unsigned char> bytes = builder->impl.serialize();
    *out = new charsiug2p_lexicon{Lexicon::load_memory(bytes.data(), bytes.size(), "<builder>")};
  });
}

}  // extern "C"
