// The torch-specific half of the pickle VM: which globals a state dict may
// name and what "calling" them means. Nothing is executed; each allowed
// callable is interpreted by code here that validates its arguments.
#include <string_view>

#include "common/errors.h"
#include "pickle.h"
#include "pickle_vm.h"

namespace chrt::detail {

namespace {

using K = PickleValue::Kind;
using G = PickleGlobal;

struct AllowedGlobal {
  std::string_view module, name;
  PickleGlobal id;
  chrt_dtype dtype;
};

constexpr AllowedGlobal kAllowed[] = {
    {"collections", "OrderedDict", G::kOrderedDict, {}},
    {"torch._utils", "_rebuild_tensor_v2", G::kRebuildTensorV2, {}},
    {"torch._utils", "_rebuild_tensor", G::kRebuildTensor, {}},
    {"torch._utils", "_rebuild_parameter", G::kRebuildParameter, {}},
    {"torch._utils", "_rebuild_parameter_with_state", G::kRebuildParameterWithState, {}},
    {"torch._tensor", "_rebuild_from_type_v2", G::kRebuildFromTypeV2, {}},
    {"torch", "Tensor", G::kTensorClass, {}},
    {"torch._tensor", "Tensor", G::kTensorClass, {}},
    {"torch.nn.parameter", "Parameter", G::kParameterClass, {}},
    {"torch", "FloatStorage", G::kStorageClass, CHRT_DTYPE_F32},
    {"torch", "HalfStorage", G::kStorageClass, CHRT_DTYPE_F16},
    {"torch", "BFloat16Storage", G::kStorageClass, CHRT_DTYPE_BF16},
    {"torch", "DoubleStorage", G::kStorageClass, CHRT_DTYPE_F64},
    {"torch", "LongStorage", G::kStorageClass, CHRT_DTYPE_I64},
    {"torch", "IntStorage", G::kStorageClass, CHRT_DTYPE_I32},
    {"torch", "ShortStorage", G::kStorageClass, CHRT_DTYPE_I16},
    {"torch", "CharStorage", G::kStorageClass, CHRT_DTYPE_I8},
    {"torch", "ByteStorage", G::kStorageClass, CHRT_DTYPE_U8},
    {"torch", "BoolStorage", G::kStorageClass, CHRT_DTYPE_BOOL},
    // torch >= 2 pickles untyped storages as bytes; load() reads them as uint8.
    {"torch", "UntypedStorage", G::kStorageClass, CHRT_DTYPE_U8},
    {"torch.storage", "UntypedStorage", G::kStorageClass, CHRT_DTYPE_U8},
    {"torch", "float32", G::kDtype, CHRT_DTYPE_F32},
    {"torch", "float16", G::kDtype, CHRT_DTYPE_F16},
    {"torch", "bfloat16", G::kDtype, CHRT_DTYPE_BF16},
    {"torch", "float64", G::kDtype, CHRT_DTYPE_F64},
    {"torch", "int64", G::kDtype, CHRT_DTYPE_I64},
    {"torch", "int32", G::kDtype, CHRT_DTYPE_I32},
    {"torch", "int16", G::kDtype, CHRT_DTYPE_I16},
    {"torch", "int8", G::kDtype, CHRT_DTYPE_I8},
    {"torch", "uint8", G::kDtype, CHRT_DTYPE_U8},
    {"torch", "bool", G::kDtype, CHRT_DTYPE_BOOL},
};

bool is_global(const PickleValue* v, PickleGlobal id) {
  return v->kind == K::kGlobal && v->global == id;
}

}  // namespace

PickleValue* PickleVm::make_global(std::string_view module, std::string_view name) {
  for (const auto& g : kAllowed) {
    if (g.module == module && g.name == name) {
      PickleValue* v = make(K::kGlobal);
      v->global = g.id;
      v->dtype = g.dtype;
      v->s = std::string(module) + "." + std::string(name);
      return v;
    }
  }
  unsupported("pickle references " + printable(module) + "." + printable(name) +
              ", which a state dict of tensors does not need; refusing to load it");
}

PickleValue* PickleVm::persistent_load(PickleValue* pid) {
  // torch.save's persistent id: ('storage', StorageClass, key, location, numel)
  const auto& t = pid->items;
  if (pid->kind != K::kTuple || t.size() != 5 || t[0]->kind != K::kString || t[0]->s != "storage") {
    unsupported("persistent id is not a torch storage reference");
  }
  if (!is_global(t[1], G::kStorageClass)) fail("storage type is not a torch storage class");
  if (t[2]->kind != K::kString || t[2]->s.empty()) fail("storage key is not a string");
  if (t[3]->kind != K::kString) fail("storage location is not a string");
  if (t[4]->kind != K::kInt || t[4]->i < 0) fail("storage size is not a count");
  PickleValue* v = make(K::kStorage);
  v->dtype = t[1]->dtype;
  v->s = t[2]->s;
  v->numel = static_cast<uint64_t>(t[4]->i);
  return v;
}

PickleValue* PickleVm::reduce(PickleValue* callable, PickleValue* args) {
  if (callable->kind != K::kGlobal) {
    fail(std::string("REDUCE on a ") + pickle_kind_name(callable->kind) + ", not a callable");
  }
  if (args->kind != K::kTuple) fail("REDUCE arguments are not a tuple");
  const auto& a = args->items;
  switch (callable->global) {
    case G::kOrderedDict:
      if (!a.empty()) unsupported("OrderedDict built from arguments");
      return make(K::kDict);

    case G::kRebuildTensorV2:  // (storage, offset, size, stride, requires_grad, hooks[, meta])
    case G::kRebuildTensor: {  // (storage, offset, size, stride)
      const bool v2 = callable->global == G::kRebuildTensorV2;
      if (v2 ? (a.size() != 6 && a.size() != 7) : a.size() != 4) {
        fail(callable->s + " called with " + std::to_string(a.size()) + " arguments");
      }
      if (a[0]->kind != K::kStorage) fail(callable->s + ": first argument is not a storage");
      if (a[1]->kind != K::kInt || a[1]->i < 0) fail(callable->s + ": bad storage offset");
      if (a[2]->kind != K::kTuple || a[3]->kind != K::kTuple ||
          a[2]->items.size() != a[3]->items.size()) {
        fail(callable->s + ": size and stride are not tuples of equal length");
      }
      auto tensor = std::make_unique<TensorRebuild>();
      tensor->storage = a[0];
      tensor->offset = static_cast<uint64_t>(a[1]->i);
      for (size_t d = 0; d < a[2]->items.size(); ++d) {
        const PickleValue* size = a[2]->items[d];
        const PickleValue* stride = a[3]->items[d];
        if (size->kind != K::kInt || size->i < 0) fail(callable->s + ": bad size");
        if (stride->kind != K::kInt || stride->i < 0) fail(callable->s + ": bad stride");
        tensor->shape.push_back(size->i);
        tensor->stride.push_back(stride->i);
      }
      PickleValue* v = make(K::kTensor);
      v->tensor = std::move(tensor);
      return v;
    }

    case G::kRebuildParameter:           // (data, requires_grad, hooks)
    case G::kRebuildParameterWithState:  // (data, requires_grad, hooks, state)
      if (a.size() < 3 || a.size() > 4 || a[0]->kind != K::kTensor) {
        fail(callable->s + ": expected a tensor and its flags");
      }
      return a[0];

    case G::kRebuildFromTypeV2:  // (func, type, args, state): a Tensor subclass
      if (a.size() != 4 || a[2]->kind != K::kTuple) fail(callable->s + ": bad arguments");
      if (!is_global(a[1], G::kTensorClass) && !is_global(a[1], G::kParameterClass)) {
        unsupported(callable->s + " of a type other than Tensor or Parameter");
      }
      // Only the plain rebuilders may be wrapped, which also keeps this from
      // recursing.
      if (!is_global(a[0], G::kRebuildTensorV2) && !is_global(a[0], G::kRebuildTensor)) {
        unsupported(callable->s + " wrapping something other than a tensor rebuild");
      }
      return reduce(a[0], a[2]);

    default:
      unsupported("calling " + callable->s + " is not supported");
  }
}

PickleValue* PickleVm::new_object(PickleValue* cls, PickleValue* args) {
  if (is_global(cls, G::kOrderedDict) && args->kind == K::kTuple && args->items.empty()) {
    return make(K::kDict);
  }
  unsupported(std::string("NEWOBJ of ") +
              (cls->kind == K::kGlobal ? cls->s : pickle_kind_name(cls->kind)));
}

void PickleVm::build(PickleValue* object, PickleValue* /*state*/) {
  // A state dict's OrderedDict carries `_metadata` (module versions) as its
  // state; tensors may carry Python attributes. Neither matters here.
  if (object->kind == K::kDict || object->kind == K::kTensor) return;
  unsupported(std::string("BUILD on a ") + pickle_kind_name(object->kind));
}

std::vector<PickledTensor> parse_torch_pickle(std::span<const std::byte> bytes,
                                              const std::string& label) {
  PickleVm vm(bytes, label);
  const PickleValue* root = vm.run();
  if (root->kind != K::kDict) {
    throw UnsupportedError(label + ": data.pkl holds a " + pickle_kind_name(root->kind) +
                           ", not a state dict; save model.state_dict()");
  }
  std::vector<PickledTensor> out;
  out.reserve(root->items.size() / 2);
  for (size_t i = 0; i + 1 < root->items.size(); i += 2) {
    const PickleValue* key = root->items[i];
    const PickleValue* value = root->items[i + 1];
    if (key->kind != K::kString) {
      throw UnsupportedError(label + ": state dict key is a " +
                             std::string(pickle_kind_name(key->kind)) + ", not a string");
    }
    if (value->kind != K::kTensor) {
      throw UnsupportedError(label + ": state dict entry " + in_quotes(key->s) + " is a " +
                             pickle_kind_name(value->kind) +
                             ", not a tensor; save model.state_dict()");
    }
    const TensorRebuild& t = *value->tensor;
    PickledTensor p;
    p.name = key->s;
    p.storage_key = t.storage->s;
    p.dtype = t.storage->dtype;
    p.storage_numel = t.storage->numel;
    p.storage_offset = t.offset;
    p.shape = t.shape;
    p.stride = t.stride;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace chrt::detail
