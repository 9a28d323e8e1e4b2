#include "safetensors.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "byte_cursor.h"
#include "checked_math.h"
#include "common/errors.h"
#include "dtypes.h"
#include "untrusted_text.h"
#include "weight_file.h"

namespace chrt::detail {

namespace {

using Json = nlohmann::json;

// The reference implementation's limit; real headers are a few hundred KB.
constexpr uint64_t kMaxHeaderBytes = 100'000'000;
// Root object (0) > tensor entry (1) > shape / data_offsets (2). Anything
// deeper is not a safetensors header, and refusing it early bounds the
// memory a hostile header can make the JSON parser build.
constexpr int kMaxJsonDepth = 2;

struct DtypeEntry {
  std::string_view name;
  chrt_dtype dtype;
};
constexpr DtypeEntry kDtypes[] = {{"F32", CHRT_DTYPE_F32},   {"F16", CHRT_DTYPE_F16},
                                  {"BF16", CHRT_DTYPE_BF16}, {"F64", CHRT_DTYPE_F64},
                                  {"I64", CHRT_DTYPE_I64},   {"I32", CHRT_DTYPE_I32},
                                  {"I16", CHRT_DTYPE_I16},   {"I8", CHRT_DTYPE_I8},
                                  {"U8", CHRT_DTYPE_U8},     {"BOOL", CHRT_DTYPE_BOOL}};
// Valid safetensors dtypes that chrt has no chrt_dtype for.
constexpr std::string_view kOtherDtypes[] = {"U16",     "U32",     "U64",        "F8_E4M3",
                                             "F8_E5M2", "F8_E8M0", "F6_E2M3",    "F6_E3M2",
                                             "F4",      "C64",     "F8_E4M3FNUZ"};

[[noreturn]] void fail(const std::string& label, const std::string& problem) {
  throw FormatError(label + ": safetensors header: " + problem);
}

Json parse_json(std::string_view text, const std::string& label) {
  // One key set per open object: nlohmann keeps the last of duplicate keys
  // silently, which would let a file say two things about one tensor.
  std::vector<std::unordered_set<std::string>> open_objects;
  auto callback = [&](int depth, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        if (depth > kMaxJsonDepth) fail(label, "nested deeper than a safetensors header can be");
        if (event == Json::parse_event_t::object_start) open_objects.emplace_back();
        break;
      case Json::parse_event_t::object_end:
        open_objects.pop_back();
        break;
      case Json::parse_event_t::key:
        if (!open_objects.back().insert(parsed.get<std::string>()).second) {
          fail(label, "duplicate key " + in_quotes(parsed.get<std::string>()));
        }
        break;
      default:
        break;
    }
    return true;
  };
  try {
    return Json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/true,
                       /*ignore_comments=*/false);
  } catch (const Json::exception& e) {
    fail(label, std::string("invalid JSON: ") + e.what());
  }
}

chrt_dtype parse_dtype(const Json& j, const std::string& label, const std::string& name) {
  if (!j.is_string()) fail(label, "tensor " + in_quotes(name) + ": dtype is not a string");
  const auto& s = j.get_ref<const std::string&>();
  for (const auto& d : kDtypes) {
    if (d.name == s) return d.dtype;
  }
  for (const auto& other : kOtherDtypes) {
    if (other == s) {
      throw UnsupportedError(label + ": tensor " + in_quotes(name) + ": dtype " + s +
                             " is not supported");
    }
  }
  fail(label, "tensor " + in_quotes(name) + ": unknown dtype " + in_quotes(s));
}

uint64_t parse_count(const Json& j, const std::string& label, const std::string& what) {
  if (!j.is_number_integer()) fail(label, what + " is not an integer");
  if (!j.is_number_unsigned()) fail(label, what + " is negative");
  return j.get<uint64_t>();
}

struct Range {
  uint64_t begin, end;
  size_t tensor;  // index into out.mutable_tensors()
};

void parse_tensor(WeightFile& out, const std::string& name, const Json& entry,
                  std::span<const std::byte> data, const std::string& label,
                  std::vector<Range>& ranges) {
  const std::string where = "tensor " + in_quotes(name);
  if (name.find('\0') != std::string::npos) fail(label, "tensor name contains a NUL byte");
  if (!entry.is_object()) fail(label, where + " is not an object");
  const auto dtype_it = entry.find("dtype");
  const auto shape_it = entry.find("shape");
  const auto offsets_it = entry.find("data_offsets");
  if (dtype_it == entry.end() || shape_it == entry.end() || offsets_it == entry.end()) {
    fail(label, where + " lacks dtype, shape or data_offsets");
  }
  TensorRecord rec;
  rec.name = name;
  rec.dtype = parse_dtype(*dtype_it, label, name);

  if (!shape_it->is_array()) fail(label, where + ": shape is not an array");
  if (shape_it->size() > CHRT_MAX_DIMS) {
    throw UnsupportedError(label + ": " + where + " has " + std::to_string(shape_it->size()) +
                           " dimensions; at most " + std::to_string(CHRT_MAX_DIMS) +
                           " are supported");
  }
  uint64_t nbytes = dtype_size(rec.dtype);
  for (const Json& d : *shape_it) {
    const uint64_t dim = parse_count(d, label, where + ": dimension");
    // Zero-sized dimensions are legal; the product still has to be sane, so
    // check it with the zero dims left out.
    if (dim > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ||
        (dim != 0 && !checked_mul(nbytes, dim, &nbytes))) {
      fail(label, where + ": shape is absurdly large");
    }
    rec.shape.push_back(static_cast<int64_t>(dim));
  }
  if (std::find(rec.shape.begin(), rec.shape.end(), 0) != rec.shape.end()) nbytes = 0;

  if (!offsets_it->is_array() || offsets_it->size() != 2) {
    fail(label, where + ": data_offsets is not [begin, end]");
  }
  const uint64_t begin = parse_count((*offsets_it)[0], label, where + ": data_offsets begin");
  const uint64_t end = parse_count((*offsets_it)[1], label, where + ": data_offsets end");
  if (begin > end || end > data.size()) {
    fail(label, where + ": data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                    "] outside the " + std::to_string(data.size()) + "-byte data section");
  }
  if (end - begin != nbytes) {
    fail(label, where + ": " + std::to_string(end - begin) + " bytes of data but dtype and " +
                    "shape need " + std::to_string(nbytes));
  }
  rec.nbytes = nbytes;
  rec.data = data.data() + begin;
  if (nbytes != 0) ranges.push_back({begin, end, out.mutable_tensors().size()});
  out.mutable_tensors().push_back(std::move(rec));
}

void check_metadata(const Json& j, const std::string& label) {
  if (!j.is_object()) fail(label, "__metadata__ is not an object");
  for (const auto& [key, value] : j.items()) {
    if (!value.is_string())
      fail(label, "__metadata__ value " + in_quotes(key) + " is not a string");
  }
}

}  // namespace

bool looks_like_safetensors(std::span<const std::byte> bytes) {
  return bytes.size() > 8 && bytes[8] == std::byte{'{'};
}

void parse_safetensors(WeightFile& out, std::span<const std::byte> bytes,
                       const std::string& label) {
  if (bytes.size() < 8) fail(label, "file shorter than the 8-byte header length");
  const uint64_t header_len = load_le(bytes.data(), 8);
  if (header_len > kMaxHeaderBytes) {
    fail(label, "header length " + std::to_string(header_len) + " exceeds the " +
                    std::to_string(kMaxHeaderBytes) + "-byte limit");
  }
  if (header_len > bytes.size() - 8) {
    fail(label, "header length " + std::to_string(header_len) + " exceeds the file size " +
                    std::to_string(bytes.size()));
  }
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()) + 8,
                              static_cast<size_t>(header_len));
  const Json root = parse_json(text, label);
  if (!root.is_object()) fail(label, "not a JSON object");

  const auto data = bytes.subspan(8 + static_cast<size_t>(header_len));
  std::vector<Range> ranges;
  for (const auto& [name, entry] : root.items()) {
    if (name == "__metadata__") {
      check_metadata(entry, label);
    } else {
      parse_tensor(out, name, entry, data, label, ranges);
    }
  }

  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  const auto& tensors = out.mutable_tensors();
  for (size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i].begin < ranges[i - 1].end) {
      fail(label, "tensors " + in_quotes(tensors[ranges[i - 1].tensor].name) + " and " +
                      in_quotes(tensors[ranges[i].tensor].name) + " overlap");
    }
  }
}

}  // namespace chrt::detail
