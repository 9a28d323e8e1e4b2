#include <gtest/gtest.h>

#include <string>

#include "errors.h"
#include "t5_config.h"

using namespace charsiug2p::detail;

namespace {

const char* kBase = R"({"d_model": 256, "d_kv": 64, "d_ff": 1024, "num_heads": 6, "num_layers": 8,
  "num_decoder_layers": 4, "vocab_size": 384, "feed_forward_proj": "gated-gelu",
  "tie_word_embeddings": false, "model_type": "t5")";

std::string with(const std::string& extra) { return std::string(kBase) + extra + "}"; }

// The error a config text produces, or "" when it parses.
std::string error_of(const std::string& text) {
  try {
    parse_t5_config(text, "m/config.json");
    return "";
  } catch (const ModelError& e) {
    return e.what();
  }
}

}  // namespace

TEST(T5Config, ReadsTheFieldsInferenceNeeds) {
  const T5Config c = parse_t5_config(with(""), "x");
  EXPECT_EQ(c.inner_dim(), 384);
  EXPECT_EQ(c.num_decoder_layers, 4);
  EXPECT_EQ(c.feed_forward, FeedForward::GatedGelu);
  EXPECT_FALSE(c.scale_decoder_outputs);  // untied, no explicit key
  EXPECT_EQ(c.relative_attention_num_buckets, 32);
}

TEST(T5Config, OutputScalingRule) {
  // transformers 5.x: explicit key wins over tie_word_embeddings.
  auto scaled = [](const std::string& s) {
    return parse_t5_config(std::string(R"({"d_model": 8, "d_kv": 4, "d_ff": 8, "num_heads": 2,
      "num_layers": 1, "vocab_size": 384)") +
                               s + "}",
                           "x")
        .scale_decoder_outputs;
  };
  EXPECT_TRUE(scaled(""));  // T5Config default: tied
  EXPECT_TRUE(scaled(R"(, "tie_word_embeddings": true)"));
  EXPECT_FALSE(scaled(R"(, "tie_word_embeddings": false)"));
  EXPECT_FALSE(scaled(R"(, "tie_word_embeddings": true, "scale_decoder_outputs": false)"));
  EXPECT_TRUE(scaled(R"(, "tie_word_embeddings": false, "scale_decoder_outputs": true)"));
}

TEST(T5Config, ClearErrorsForBadConfigs) {
  EXPECT_NE(error_of("{not json").find("invalid JSON"), std::string::npos);
  EXPECT_NE(error_of("[1, 2]").find("expected a JSON object"), std::string::npos);
  EXPECT_NE(error_of(R"({"d_model": 256})").find("missing field \"d_kv\""), std::string::npos);
  EXPECT_NE(error_of(with(R"(, "d_ff": -5)")).find("\"d_ff\" = -5 is outside"), std::string::npos);
  EXPECT_NE(error_of(with(R"(, "num_layers": 100000000)")).find("num_layers"), std::string::npos);
  EXPECT_NE(error_of(with(R"(, "vocab_size": 100)")).find("vocab_size"), std::string::npos);
  EXPECT_NE(error_of(with(R"(, "d_model": "256")")).find("must be an integer"), std::string::npos);
  const std::string bad_ff = error_of(with(R"(, "feed_forward_proj": "swiglu")"));
  EXPECT_NE(bad_ff.find("swiglu"), std::string::npos);
  EXPECT_NE(error_of(with(R"(, "model_type": "bart")")).find("bart"), std::string::npos);
  EXPECT_NE(error_of(with(R"(, "dense_act_fn": "gelu")")).find("dense_act_fn"), std::string::npos);
  EXPECT_EQ(error_of(with("")), "");
  EXPECT_NE(error_of("{").find("m/config.json"), std::string::npos);  // names the file
}
