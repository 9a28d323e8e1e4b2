#include "pickle_vm.h"

#include <cstring>

#include "common/errors.h"
#include "untrusted_text.h"

namespace chrt::detail {

namespace {

// Limits far above any real state dict (a 100k-tensor dict needs well under
// a million values) that keep a hostile data.pkl from exhausting memory:
// every opcode allocates O(1), and these cap the totals.
constexpr size_t kMaxValues = size_t{1} << 21;
constexpr size_t kMaxStack = size_t{1} << 20;
constexpr size_t kMaxMemo = size_t{1} << 20;
constexpr uint64_t kMaxItems = uint64_t{1} << 22;  // container insertions
constexpr uint64_t kMaxString = uint64_t{1} << 24;
constexpr uint64_t kMaxLine = 256;  // GLOBAL's module and name lines

}  // namespace

const char* pickle_kind_name(PickleValue::Kind kind) {
  using K = PickleValue::Kind;
  switch (kind) {
    case K::kNone:
      return "None";
    case K::kBool:
      return "bool";
    case K::kInt:
      return "int";
    case K::kFloat:
      return "float";
    case K::kString:
      return "str";
    case K::kBytes:
      return "bytes";
    case K::kTuple:
      return "tuple";
    case K::kList:
      return "list";
    case K::kDict:
      return "dict";
    case K::kSet:
      return "set";
    case K::kGlobal:
      return "global";
    case K::kStorage:
      return "storage";
    case K::kTensor:
      return "tensor";
  }
  return "?";
}

PickleVm::PickleVm(std::span<const std::byte> bytes, std::string label)
    : cur_(bytes, label, "data.pkl"), label_(std::move(label)) {}

void PickleVm::fail(const std::string& problem) const {
  throw FormatError(label_ + ": data.pkl at offset " + std::to_string(op_offset_) + ": " + problem);
}

void PickleVm::unsupported(const std::string& problem) const {
  throw UnsupportedError(label_ + ": data.pkl at offset " + std::to_string(op_offset_) + ": " +
                         problem);
}

PickleValue* PickleVm::make(PickleValue::Kind kind) {
  if (arena_.size() >= kMaxValues) fail("more than " + std::to_string(kMaxValues) + " objects");
  arena_.emplace_back().kind = kind;
  return &arena_.back();
}

PickleValue* PickleVm::make_int(int64_t v) {
  PickleValue* p = make(PickleValue::Kind::kInt);
  p->i = v;
  return p;
}

PickleValue* PickleVm::make_sequence(PickleValue::Kind kind, std::vector<PickleValue*>&& items) {
  PickleValue* p = make(kind);
  add_items(p, std::move(items), kind);
  return p;
}

// LONG1 / LONG4: little-endian two's complement of nbytes bytes.
PickleValue* PickleVm::make_long(uint64_t nbytes) {
  if (nbytes > 8) unsupported("integer wider than 64 bits");
  const auto bytes = cur_.bytes(nbytes);
  uint64_t v = load_le(bytes.data(), bytes.size());
  if (nbytes > 0 && nbytes < 8 && (static_cast<uint8_t>(bytes[nbytes - 1]) & 0x80)) {
    v |= ~uint64_t{0} << (8 * nbytes);
  }
  return make_int(static_cast<int64_t>(v));
}

PickleValue* PickleVm::make_string(uint64_t length, bool is_bytes) {
  if (length > kMaxString) fail("string of " + std::to_string(length) + " bytes");
  const std::string_view text = cur_.chars(length);
  if (!is_bytes && !valid_utf8(text)) fail("string is not valid UTF-8: " + printable(text));
  PickleValue* p = make(is_bytes ? PickleValue::Kind::kBytes : PickleValue::Kind::kString);
  p->s = std::string(text);
  return p;
}

void PickleVm::push(PickleValue* v) {
  if (stack_.size() >= kMaxStack) fail("stack deeper than " + std::to_string(kMaxStack));
  stack_.push_back(v);
}

// A MARK starts a fresh frame, as in CPython: popping past it is underflow.
PickleValue* PickleVm::pop() {
  const size_t floor = marks_.empty() ? 0 : marks_.back();
  if (stack_.size() <= floor) fail("stack underflow");
  PickleValue* v = stack_.back();
  stack_.pop_back();
  return v;
}

PickleValue* PickleVm::top() {
  const size_t floor = marks_.empty() ? 0 : marks_.back();
  if (stack_.size() <= floor) fail("stack underflow");
  return stack_.back();
}

std::vector<PickleValue*> PickleVm::pop_mark() {
  if (marks_.empty()) fail("no MARK to pop to");
  const size_t floor = marks_.back();
  marks_.pop_back();
  std::vector<PickleValue*> items(stack_.begin() + static_cast<ptrdiff_t>(floor), stack_.end());
  stack_.resize(floor);
  return items;
}

void PickleVm::add_items(PickleValue* c, std::vector<PickleValue*>&& items,
                         PickleValue::Kind want) {
  using K = PickleValue::Kind;
  if (c->kind != want) {
    fail(std::string("adding items to a ") + pickle_kind_name(c->kind) + ", not a " +
         pickle_kind_name(want));
  }
  if (want == K::kDict && items.size() % 2 != 0) fail("odd number of dict items");
  items_added_ += items.size();
  if (items_added_ > kMaxItems) fail("more than " + std::to_string(kMaxItems) + " items");
  c->items.insert(c->items.end(), items.begin(), items.end());
}

std::string_view PickleVm::line() {
  const std::string_view text = cur_.line('\n', kMaxLine);
  if (!valid_utf8(text)) fail("GLOBAL name is not valid UTF-8: " + printable(text));
  return text;
}

void PickleVm::memo_put(uint64_t index) {
  if (memo_.size() >= kMaxMemo && memo_.find(index) == memo_.end()) {
    fail("memo larger than " + std::to_string(kMaxMemo));
  }
  memo_[index] = top();
}

PickleValue* PickleVm::memo_get(uint64_t index) {
  const auto it = memo_.find(index);
  if (it == memo_.end()) fail("memo key " + std::to_string(index) + " was never stored");
  return it->second;
}

PickleValue* PickleVm::run() {
  while (result_ == nullptr) {
    op_offset_ = cur_.offset();
    step(cur_.u8());
  }
  return result_;
}

}  // namespace chrt::detail
