// The opcode table of the restricted pickle VM.
#include <cstring>

#include "common/errors.h"
#include "pickle_vm.h"

namespace chrt::detail {

namespace {
constexpr size_t kMaxMarks = size_t{1} << 16;
}  // namespace

void PickleVm::step(uint8_t op) {
  using K = PickleValue::Kind;
  switch (op) {
    case 0x80: {  // PROTO
      const uint8_t version = cur_.u8();
      if (version > 5) unsupported("pickle protocol " + std::to_string(version));
      return;
    }
    case 0x95:  // FRAME: only a read-ahead hint; the framed opcodes follow inline
      cur_.skip(8);
      return;

    case 'c': {  // GLOBAL
      const std::string_view module = line();
      const std::string_view name = line();
      push(make_global(module, name));
      return;
    }
    case 0x93: {  // STACK_GLOBAL
      PickleValue* name = pop();
      PickleValue* module = pop();
      if (module->kind != K::kString || name->kind != K::kString) {
        fail("STACK_GLOBAL needs two strings");
      }
      push(make_global(module->s, name->s));
      return;
    }
    case 'Q':  // BINPERSID
      push(persistent_load(pop()));
      return;
    case 'R': {  // REDUCE
      PickleValue* args = pop();
      PickleValue* callable = pop();
      push(reduce(callable, args));
      return;
    }
    case 0x81: {  // NEWOBJ
      PickleValue* args = pop();
      PickleValue* cls = pop();
      push(new_object(cls, args));
      return;
    }
    case 'b': {  // BUILD
      PickleValue* state = pop();
      build(top(), state);
      return;
    }

    case '(':  // MARK
      if (marks_.size() >= kMaxMarks) fail("more than " + std::to_string(kMaxMarks) + " MARKs");
      marks_.push_back(stack_.size());
      return;
    case '0':  // POP
      pop();
      return;
    case '1':  // POP_MARK
      pop_mark();
      return;
    case '2':  // DUP
      push(top());
      return;

    case ')':
      push(make(K::kTuple));
      return;  // EMPTY_TUPLE
    case ']':
      push(make(K::kList));
      return;  // EMPTY_LIST
    case '}':
      push(make(K::kDict));
      return;  // EMPTY_DICT
    case 0x8f:
      push(make(K::kSet));
      return;  // EMPTY_SET
    case 't':
      push(make_sequence(K::kTuple, pop_mark()));
      return;  // TUPLE
    case 'l':
      push(make_sequence(K::kList, pop_mark()));
      return;  // LIST
    case 'd':
      push(make_sequence(K::kDict, pop_mark()));
      return;  // DICT
    case 0x85:
    case 0x86:
    case 0x87: {  // TUPLE1..3
      std::vector<PickleValue*> items(op - 0x84u);
      for (size_t i = items.size(); i-- > 0;) items[i] = pop();
      push(make_sequence(K::kTuple, std::move(items)));
      return;
    }
    case 'a': {  // APPEND
      PickleValue* v = pop();
      add_items(top(), {v}, K::kList);
      return;
    }
    case 'e': {  // APPENDS
      auto items = pop_mark();
      add_items(top(), std::move(items), K::kList);
      return;
    }
    case 's': {  // SETITEM
      PickleValue* value = pop();
      PickleValue* key = pop();
      add_items(top(), {key, value}, K::kDict);
      return;
    }
    case 'u': {  // SETITEMS
      auto items = pop_mark();
      add_items(top(), std::move(items), K::kDict);
      return;
    }
    case 0x90: {  // ADDITEMS
      auto items = pop_mark();
      add_items(top(), std::move(items), K::kSet);
      return;
    }

    case 'J':
      push(make_int(static_cast<int32_t>(cur_.u32())));
      return;  // BININT
    case 'K':
      push(make_int(cur_.u8()));
      return;  // BININT1
    case 'M':
      push(make_int(cur_.u16()));
      return;  // BININT2
    case 0x8a:
      push(make_long(cur_.u8()));
      return;  // LONG1
    case 0x8b:
      push(make_long(cur_.u32()));
      return;    // LONG4
    case 'G': {  // BINFLOAT: big-endian IEEE double
      const auto b = cur_.bytes(8);
      uint64_t bits = 0;
      for (std::byte x : b) bits = (bits << 8) | static_cast<uint8_t>(x);
      PickleValue* v = make(K::kFloat);
      std::memcpy(&v->f, &bits, sizeof bits);
      push(v);
      return;
    }
    case 'X':
      push(make_string(cur_.u32(), false));
      return;  // BINUNICODE
    case 0x8c:
      push(make_string(cur_.u8(), false));
      return;  // SHORT_BINUNICODE
    case 0x8d:
      push(make_string(cur_.u64(), false));
      return;  // BINUNICODE8
    case 'B':
      push(make_string(cur_.u32(), true));
      return;  // BINBYTES
    case 'C':
      push(make_string(cur_.u8(), true));
      return;  // SHORT_BINBYTES
    case 0x8e:
      push(make_string(cur_.u64(), true));
      return;  // BINBYTES8
    case 'N':
      push(make(K::kNone));
      return;     // NONE
    case 0x88:    // NEWTRUE
    case 0x89: {  // NEWFALSE
      PickleValue* v = make(K::kBool);
      v->i = op == 0x88;
      push(v);
      return;
    }

    case 'q':
      memo_put(cur_.u8());
      return;  // BINPUT
    case 'r':
      memo_put(cur_.u32());
      return;  // LONG_BINPUT
    case 0x94:
      memo_put(memo_.size());
      return;  // MEMOIZE
    case 'h':
      push(memo_get(cur_.u8()));
      return;  // BINGET
    case 'j':
      push(memo_get(cur_.u32()));
      return;  // LONG_BINGET

    case '.':  // STOP
      result_ = pop();
      return;

    // Real opcodes that torch.save never writes: protocol 0/1 text forms,
    // class instantiation, extension registry, out-of-band buffers.
    case 'I':
    case 'L':
    case 'F':
    case 'S':
    case 'T':
    case 'U':
    case 'V':
    case 'P':
    case 'p':
    case 'g':
    case 'i':
    case 'o':
    case 0x82:
    case 0x83:
    case 0x84:
    case 0x91:
    case 0x92:
    case 0x96:
    case 0x97:
    case 0x98: {
      static const char kHex[] = "0123456789abcdef";
      unsupported(std::string("pickle opcode 0x") + kHex[op >> 4] + kHex[op & 15] +
                  " is not used by torch.save");
    }
    default: {
      static const char kHex[] = "0123456789abcdef";
      fail(std::string("unknown pickle opcode 0x") + kHex[op >> 4] + kHex[op & 15]);
    }
  }
}

}  // namespace chrt::detail
