#include "torch_state_dict.h"

#include <cstring>
#include <map>
#include <string_view>
#include <tuple>
#include <vector>

#include "checked_math.h"
#include "common/errors.h"
#include "dtypes.h"
#include "pickle.h"
#include "pickle_vm.h"
#include "weight_file.h"
#include "zip_reader.h"

namespace chrt::detail {

namespace {

// data.pkl of a 100k-tensor state dict is ~10 MB; beyond this it is not one.
constexpr uint64_t kMaxPickleBytes = uint64_t{256} << 20;

struct Storage {
  chrt_dtype dtype;
  uint64_t numel;
  const std::byte* data;  // numel elements, aligned for dtype
};

class TorchLoader {
 public:
  TorchLoader(WeightFile& out, std::span<const std::byte> bytes, const std::string& label)
      : out_(out), zip_(bytes, label), label_(label) {}

  void load();

 private:
  std::string find_prefix() const;
  void check_byteorder() const;
  const Storage& storage(const PickledTensor& t);
  void add(const PickledTensor& t);
  const std::byte* materialize(const PickledTensor& t, const Storage& s, uint64_t nbytes);
  [[noreturn]] void fail(const PickledTensor& t, const std::string& problem) const {
    throw FormatError(label_ + ": tensor " + in_quotes(t.name) + ": " + problem);
  }

  WeightFile& out_;
  ZipReader zip_;
  const std::string& label_;
  std::string prefix_;
  std::map<std::string, Storage> storages_;
  using ViewKey = std::tuple<std::string, uint64_t, std::vector<int64_t>, std::vector<int64_t>>;
  std::map<ViewKey, const std::byte*> views_;  // materialized views, shared by tied names
};

// torch names every entry "<archive>/...", where <archive> was the file's
// stem when it was saved (or "archive" in newer versions); like torch, take
// the directory of the first entry, then insist on its data.pkl.
std::string TorchLoader::find_prefix() const {
  if (zip_.entries().empty()) throw FormatError(label_ + ": ZIP archive has no entries");
  const std::string& first = zip_.entries().front().name;
  const size_t slash = first.find('/');
  if (slash == std::string::npos || slash == 0) {
    throw FormatError(label_ + ": ZIP archive is not a torch.save archive (entry '" +
                      printable(first) + "' is not in a directory)");
  }
  return first.substr(0, slash);
}

void TorchLoader::check_byteorder() const {
  const ZipEntry* e = zip_.find(prefix_ + "/byteorder");
  if (e == nullptr) return;  // torch < 2.1 wrote none and only ran little-endian
  const auto bytes = zip_.data(*e);
  const std::string_view order(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  if (order == "little") return;
  if (order == "big") throw UnsupportedError(label_ + ": big-endian PyTorch checkpoint");
  throw FormatError(label_ + ": byteorder entry says " + in_quotes(order));
}

const Storage& TorchLoader::storage(const PickledTensor& t) {
  const auto it = storages_.find(t.storage_key);
  if (it != storages_.end()) {
    // torch.save refuses to write one storage under two dtypes or sizes.
    if (it->second.dtype != t.dtype || it->second.numel != t.storage_numel) {
      fail(t, "storage " + in_quotes(t.storage_key) + " is declared twice, differently");
    }
    return it->second;
  }
  const std::string entry_name = prefix_ + "/data/" + t.storage_key;
  const ZipEntry* e = zip_.find(entry_name);
  if (e == nullptr) fail(t, "storage entry " + in_quotes(entry_name) + " is missing");
  const auto bytes = zip_.data(*e);
  const size_t elem = dtype_size(t.dtype);
  uint64_t need;
  if (!checked_mul(t.storage_numel, elem, &need) || need > bytes.size()) {
    fail(t, "storage " + in_quotes(t.storage_key) + " declares " + std::to_string(t.storage_numel) +
                " " + dtype_name(t.dtype) + " elements but its " + "entry holds " +
                std::to_string(bytes.size()) + " bytes");
  }
  const std::byte* data = bytes.data();
  // torch aligns entries to 64 bytes, but other ZIP writers do not; copy
  // once per storage so every tensor viewing it is aligned.
  if (reinterpret_cast<uintptr_t>(data) % elem != 0 && need > 0) {
    std::byte* copy = out_.allocate_owned(need);
    std::memcpy(copy, data, static_cast<size_t>(need));
    data = copy;
  }
  return storages_.emplace(t.storage_key, Storage{t.dtype, t.storage_numel, data}).first->second;
}

// Copies a strided view into owned, contiguous row-major storage. The caller
// has checked that every element index lies inside the storage.
const std::byte* TorchLoader::materialize(const PickledTensor& t, const Storage& s,
                                          uint64_t nbytes) {
  ViewKey key{t.storage_key, t.storage_offset, t.shape, t.stride};
  if (const auto it = views_.find(key); it != views_.end()) return it->second;

  const size_t elem = dtype_size(t.dtype);
  std::byte* dst = out_.allocate_owned(nbytes);
  const size_t ndim = t.shape.size();  // >= 1: a 0-d tensor is contiguous
  std::vector<int64_t> index(ndim, 0);
  uint64_t src = t.storage_offset;  // element index of `index` in the storage
  const int64_t inner = t.shape[ndim - 1];
  const auto inner_stride = static_cast<uint64_t>(t.stride[ndim - 1]);
  for (uint64_t done = 0; done < nbytes; done += elem * static_cast<uint64_t>(inner)) {
    for (int64_t i = 0; i < inner; ++i) {
      std::memcpy(dst + done + elem * static_cast<uint64_t>(i),
                  s.data + (src + inner_stride * static_cast<uint64_t>(i)) * elem, elem);
    }
    // Odometer over the outer dimensions.
    for (size_t d = ndim - 1; d-- > 0;) {
      src += static_cast<uint64_t>(t.stride[d]);
      if (++index[d] < t.shape[d]) break;
      src -= static_cast<uint64_t>(t.stride[d]) * static_cast<uint64_t>(t.shape[d]);
      index[d] = 0;
    }
  }
  views_.emplace(std::move(key), dst);
  return dst;
}

void TorchLoader::add(const PickledTensor& t) {
  if (t.shape.size() > CHRT_MAX_DIMS) {
    throw UnsupportedError(label_ + ": tensor " + in_quotes(t.name) + " has " +
                           std::to_string(t.shape.size()) + " dimensions; at most " +
                           std::to_string(CHRT_MAX_DIMS) + " are supported");
  }
  const Storage& s = storage(t);
  const size_t elem = dtype_size(t.dtype);

  uint64_t numel = 1, last = t.storage_offset;  // last: highest element index touched
  bool contiguous = true, empty = false;
  uint64_t expected_stride = 1;
  for (size_t d = t.shape.size(); d-- > 0;) {
    const auto size = static_cast<uint64_t>(t.shape[d]);
    const auto stride = static_cast<uint64_t>(t.stride[d]);
    if (size == 0) {
      empty = true;
      continue;
    }
    uint64_t reach;
    if (!checked_mul(numel, size, &numel) || !checked_mul(size - 1, stride, &reach) ||
        !checked_add(last, reach, &last)) {
      fail(t, "shape or strides are absurdly large");
    }
    if (size != 1 && stride != expected_stride) contiguous = false;
    expected_stride *= size;  // <= numel, so no overflow
  }
  uint64_t nbytes = 0;
  if (!empty) {
    if (last >= s.numel) {
      fail(t, "view reaches element " + std::to_string(last) + " of a storage of " +
                  std::to_string(s.numel));
    }
    // Stride-0 views can claim far more elements than the storage holds.
    if (!checked_mul(numel, elem, &nbytes)) fail(t, "shape is absurdly large");
  }

  TensorRecord rec;
  rec.name = t.name;
  rec.dtype = t.dtype;
  rec.shape = t.shape;
  rec.nbytes = nbytes;
  if (nbytes != 0) {
    rec.data = contiguous ? s.data + t.storage_offset * elem : materialize(t, s, nbytes);
  }
  out_.mutable_tensors().push_back(std::move(rec));
}

void TorchLoader::load() {
  prefix_ = find_prefix();
  const ZipEntry* pkl = zip_.find(prefix_ + "/data.pkl");
  if (pkl == nullptr) {
    throw FormatError(label_ + ": ZIP archive has no '" + printable(prefix_) +
                      "/data.pkl'; not a torch.save archive");
  }
  const auto pkl_bytes = zip_.data(*pkl);
  if (pkl_bytes.size() > kMaxPickleBytes) {
    throw UnsupportedError(label_ + ": data.pkl is " + std::to_string(pkl_bytes.size()) +
                           " bytes, too large for a state dict");
  }
  check_byteorder();
  for (const PickledTensor& t : parse_torch_pickle(pkl_bytes, label_)) add(t);
}

}  // namespace

bool looks_like_torch_zip(std::span<const std::byte> bytes) {
  static constexpr unsigned char kMagic[] = {'P', 'K', 3, 4};
  return bytes.size() >= 4 && std::memcmp(bytes.data(), kMagic, 4) == 0;
}

bool looks_like_legacy_torch(std::span<const std::byte> bytes) {
  return bytes.size() >= 2 && bytes[0] == std::byte{0x80} && static_cast<uint8_t>(bytes[1]) <= 5;
}

void parse_torch_zip(WeightFile& out, std::span<const std::byte> bytes, const std::string& label) {
  TorchLoader(out, bytes, label).load();
}

}  // namespace chrt::detail
