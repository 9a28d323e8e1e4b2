// Internals of the restricted pickle VM (see pickle.h): the value model and
// the machine. pickle_vm.cc runs opcodes; pickle_torch.cc holds everything
// that knows about torch (the global allowlist, REDUCE, persistent ids).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "byte_cursor.h"
#include "chrt/runtime.h"
#include "untrusted_text.h"

namespace chrt::detail {

// The allowlisted globals; nothing else can be named by a pickle.
enum class PickleGlobal : uint8_t {
  kOrderedDict,
  kRebuildTensorV2,
  kRebuildTensor,
  kRebuildParameter,
  kRebuildParameterWithState,
  kRebuildFromTypeV2,
  kTensorClass,
  kParameterClass,
  kStorageClass,  // torch.FloatStorage etc.; dtype says which
  kDtype,         // torch.float32 etc.; only ever carried around
};

struct PickleValue;

// The arguments of a _rebuild_tensor_v2 call, validated.
struct TensorRebuild {
  const PickleValue* storage = nullptr;  // kind kStorage
  uint64_t offset = 0;
  std::vector<int64_t> shape, stride;
};

// Values live in the VM's arena and refer to each other by raw pointer, so
// self-referencing containers (legal in pickle) cannot leak or recurse.
struct PickleValue {
  enum class Kind : uint8_t {
    kNone,
    kBool,
    kInt,
    kFloat,
    kString,
    kBytes,
    kTuple,
    kList,
    kDict,
    kSet,
    kGlobal,
    kStorage,
    kTensor,
  };
  Kind kind = Kind::kNone;
  PickleGlobal global{};                  // kGlobal
  chrt_dtype dtype{};                     // kGlobal kStorageClass, kStorage
  int64_t i = 0;                          // kBool, kInt
  double f = 0;                           // kFloat
  uint64_t numel = 0;                     // kStorage
  std::string s;                          // kString, kBytes; kGlobal: dotted name; kStorage: key
  std::vector<PickleValue*> items;        // kTuple, kList, kSet; kDict: key, value, key, ...
  std::unique_ptr<TensorRebuild> tensor;  // kTensor
};

const char* pickle_kind_name(PickleValue::Kind kind);

class PickleVm {
 public:
  PickleVm(std::span<const std::byte> bytes, std::string label);
  // Executes until STOP and returns the pickled object.
  PickleValue* run();

  [[noreturn]] void fail(const std::string& problem) const;         // FormatError
  [[noreturn]] void unsupported(const std::string& problem) const;  // UnsupportedError
  PickleValue* make(PickleValue::Kind kind);

 private:
  void step(uint8_t op);
  void push(PickleValue* v);
  PickleValue* pop();
  PickleValue* top();
  std::vector<PickleValue*> pop_mark();
  void add_items(PickleValue* container, std::vector<PickleValue*>&& items, PickleValue::Kind want);
  PickleValue* make_sequence(PickleValue::Kind kind, std::vector<PickleValue*>&& items);
  PickleValue* make_long(uint64_t nbytes);
  PickleValue* make_int(int64_t v);
  PickleValue* make_string(uint64_t length, bool is_bytes);
  std::string_view line();
  void memo_put(uint64_t index);
  PickleValue* memo_get(uint64_t index);

  // pickle_torch.cc
  PickleValue* make_global(std::string_view module, std::string_view name);
  PickleValue* reduce(PickleValue* callable, PickleValue* args);
  PickleValue* new_object(PickleValue* cls, PickleValue* args);
  PickleValue* persistent_load(PickleValue* pid);
  void build(PickleValue* object, PickleValue* state);

  ByteCursor cur_;
  std::string label_;
  uint64_t op_offset_ = 0;
  std::deque<PickleValue> arena_;
  std::vector<PickleValue*> stack_;
  std::vector<size_t> marks_;  // stack_ sizes at each MARK
  std::unordered_map<uint64_t, PickleValue*> memo_;
  uint64_t items_added_ = 0;
  PickleValue* result_ = nullptr;
};

}  // namespace chrt::detail
