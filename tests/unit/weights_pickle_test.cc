// The restricted pickle VM on hand-written data.pkl streams.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/errors.h"
#include "weights/pickle.h"
#include "weights_test_util.h"

namespace {

using namespace std::string_literals;
using chrt::detail::FormatError;
using chrt::detail::PickledTensor;
using chrt::detail::UnsupportedError;

std::string le32(uint32_t v) {
  std::string s;
  for (int i = 0; i < 4; ++i) s += static_cast<char>(v >> (8 * i));
  return s;
}
// These append instead of writing "X" + ...: GCC 12 at -O3 reports a bogus
// -Wrestrict for operator+(const char*, std::string&&) (GCC bug 105329).
std::string str(const std::string& s) {
  std::string out = "X";
  out += le32(static_cast<uint32_t>(s.size()));
  out += s;
  return out;
}
std::string i32(int32_t v) {
  std::string out = "J";
  out += le32(static_cast<uint32_t>(v));
  return out;
}
std::string ints(const std::vector<int32_t>& v) {
  std::string s = "(";
  for (int32_t x : v) s += i32(x);
  return s + "t";
}
const std::string kRebuild = "ctorch._utils\n_rebuild_tensor_v2\n";
const std::string kHooks = "ccollections\nOrderedDict\n)R";

// _rebuild_tensor_v2 call as torch.save writes it.
std::string tensor(const std::string& cls, const std::string& key, int32_t numel, int32_t offset,
                   const std::vector<int32_t>& size, const std::vector<int32_t>& stride) {
  return kRebuild + "((" + str("storage") + "ctorch\n" + cls + "\n" + str(key) + str("cpu") +
         i32(numel) + "tQ" + i32(offset) + ints(size) + ints(stride) + "\x89" + kHooks + "tR";
}
std::string dict_of(const std::string& items) { return "\x80\x02}(" + items + "u."; }

std::vector<PickledTensor> run(const std::string& pickle) {
  const auto bytes = chrt_test::to_bytes(pickle);
  return chrt::detail::parse_torch_pickle(bytes, "pkl");
}

template <class E>
void expect_error(const std::string& pickle, const std::string& what) {
  try {
    run(pickle);
    ADD_FAILURE() << "no error; wanted " << what;
  } catch (const E& e) {
    const std::string m = e.what();
    EXPECT_EQ(m.rfind("pkl: ", 0), 0u) << m;
    EXPECT_NE(m.find(what), std::string::npos) << m;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "wrong exception type: " << e.what();
  }
}

TEST(Pickle, TorchStyleStateDict) {
  const auto out = run(dict_of(str("w") + tensor("HalfStorage", "3", 12, 2, {2, 5}, {1, 2}) +
                               str("b") + tensor("FloatStorage", "0", 4, 0, {}, {})));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].name, "w");
  EXPECT_EQ(out[0].storage_key, "3");
  EXPECT_EQ(out[0].dtype, CHRT_DTYPE_F16);
  EXPECT_EQ(out[0].storage_numel, 12u);
  EXPECT_EQ(out[0].storage_offset, 2u);
  EXPECT_EQ(out[0].shape, (std::vector<int64_t>{2, 5}));
  EXPECT_EQ(out[0].stride, (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(out[1].shape.empty());
}

TEST(Pickle, OtherContainersAndOpcodes) {
  EXPECT_TRUE(run("\x80\x02}."s).empty());
  EXPECT_TRUE(run("\x80\x05\x95\x02\0\0\0\0\0\0\0}."s).empty());  // protocol 5 + FRAME
  EXPECT_TRUE(run("\x80\x04\x8c\x0b"
                  "collections\x94\x8c\x0bOrderedDict\x93)\x81."s)
                  .empty());
  EXPECT_TRUE(run("(d."s).empty());  // protocol 0 DICT
  // Parameters, a Tensor subclass wrapper, memo round trips, STACK_GLOBAL.
  const std::string param = "ctorch._utils\n_rebuild_parameter\n(" +
                            tensor("FloatStorage", "0", 3, 0, {3}, {1}) + "\x88" + kHooks + "tR";
  const std::string subclass = "ctorch._tensor\n_rebuild_from_type_v2\n(" + kRebuild +
                               "ctorch\nTensor\n((" + str("storage") + "ctorch\nBoolStorage\n" +
                               str("1") + str("cpu") + i32(2) + "tQ" + i32(0) + ints({2}) +
                               ints({1}) + "\x89" + kHooks + "t}tR";
  const auto out = run(dict_of(str("p") + param + str("s") + subclass));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].dtype, CHRT_DTYPE_F32);
  EXPECT_EQ(out[1].dtype, CHRT_DTYPE_BOOL);
  // LONG1: negative values sign-extend (offset -1 is then refused).
  expect_error<FormatError>(
      dict_of(str("x") + kRebuild + "((" + str("storage") + "ctorch\nFloatStorage\n" + str("0") +
              str("cpu") + i32(1) + "tQ\x8a\x01\xff" + ints({1}) + ints({1}) + "\x89" + kHooks +
              "tR"),
      "bad storage offset");
}

TEST(Pickle, SelfReferenceIsHarmless) {
  // l = []; l.append(l); {"x": l}
  expect_error<UnsupportedError>("\x80\x02}(X\x01\0\0\0x]q\0h\0au."s, "is a list, not a tensor");
}

TEST(Pickle, RefusesForeignGlobals) {
  expect_error<UnsupportedError>(
      "\x80\x02"
      "cos\nsystem\nX\x02\0\0\0lsR."s,
      "os.system");
  expect_error<UnsupportedError>(
      "\x80\x04\x8c\x08"
      "builtins\x8c\x04"
      "eval\x93."s,
      "builtins.eval");
  expect_error<UnsupportedError>("ctorch\nComplexFloatStorage\n."s, "torch.ComplexFloatStorage");
  expect_error<FormatError>("c\xff\n\x01\n."s, "UTF-8");  // not even a name
}

TEST(Pickle, RefusesMalformedStreams) {
  expect_error<FormatError>(""s, "truncated");
  expect_error<FormatError>("\x80\x02"s, "truncated");
  expect_error<FormatError>("."s, "stack underflow");
  expect_error<FormatError>("N(0"s, "stack underflow");  // POP crosses a MARK
  expect_error<FormatError>("h\x05"s, "memo key 5");
  expect_error<FormatError>("q\x00"s, "stack underflow");
  expect_error<FormatError>("\xff"s, "unknown pickle opcode 0xff");
  expect_error<FormatError>("NN\xfe"s, "at offset 2");
  expect_error<UnsupportedError>("I1\n."s, "opcode 0x49");
  expect_error<UnsupportedError>("\x80\x06}."s, "protocol 6");
  expect_error<FormatError>(
      "X\x00\x00\x10\x00"
      "abc"s,
      "truncated");
  expect_error<FormatError>("\x8d\0\0\0\0\0\0\0\x80"s, "string of");  // BINUNICODE8 2^63
  expect_error<FormatError>("X\x02\0\0\0\xc3\x28."s, "not valid UTF-8");
  expect_error<FormatError>("X\x03\0\0\0\xed\xa0\x80."s, "not valid UTF-8");  // surrogate
  expect_error<FormatError>("ccollections\nOrderedDict"s, "unterminated");
  expect_error<FormatError>("]N}s."s, "adding items to a list");
  expect_error<FormatError>("}(Nu."s, "odd number");
  expect_error<FormatError>(")Na."s, "adding items to a tuple");
  expect_error<FormatError>("NN)R."s, "REDUCE on a None");
  expect_error<FormatError>("ccollections\nOrderedDict\nNR."s, "not a tuple");
  expect_error<UnsupportedError>("\x8a\x09" + std::string(9, '\x01') + "."s, "wider than 64");
  expect_error<UnsupportedError>("]}b."s, "BUILD on a list");
  expect_error<UnsupportedError>("ctorch._utils\n_rebuild_tensor_v2\n)\x81."s, "NEWOBJ");
  expect_error<UnsupportedError>("\x80\x02]."s, "not a state dict");
  expect_error<UnsupportedError>("}(K\x01Nu."s, "key is a int");
  expect_error<UnsupportedError>(dict_of(str("x") + "NQ"), "not a torch storage reference");
  expect_error<FormatError>(dict_of(str("x") + kRebuild + "(tR"), "called with 0 arguments");
  expect_error<FormatError>(
      dict_of(str("x") + kRebuild + "(N" + i32(0) + ints({1}) + ints({1}) + "\x89NtR"),
      "not a storage");
  expect_error<FormatError>(dict_of(str("x") + tensor("FloatStorage", "0", 4, 0, {2, 2}, {1})),
                            "equal length");
  expect_error<FormatError>(dict_of(str("x") + tensor("FloatStorage", "0", 4, 0, {-2}, {1})),
                            "bad size");
  expect_error<FormatError>(dict_of(str("x") + tensor("FloatStorage", "0", 4, 0, {2}, {-1})),
                            "bad stride");
  expect_error<FormatError>(dict_of(str("x") + tensor("FloatStorage", "", 4, 0, {2}, {1})),
                            "storage key");
}

TEST(Pickle, Limits) {
  expect_error<FormatError>(std::string(70000, '('), "MARKs");
  expect_error<FormatError>("N" + std::string(1100000, '2'), "stack deeper");
  std::string memo;
  for (uint32_t i = 0; i <= (1u << 20); ++i) {
    memo += 'r';
    memo += le32(i);
  }
  expect_error<FormatError>("N" + memo, "memo larger");
  std::string items = "]Nq\0"s;  // append one memoized None over and over
  for (int i = 0; i < (1 << 22) + 1; ++i) items += "h\0a"s;
  expect_error<FormatError>(items, "items");
}

}  // namespace
