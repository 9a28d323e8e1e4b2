// Loading: config.json + weights from a folder or from memory.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine.h"
#include "errors.h"
#include "t5_config.h"

namespace charsiug2p::detail {

namespace fs = std::filesystem;

Engine::Engine(std::unique_ptr<T5Model> model, std::string description)
    : model_(std::move(model)), description_(std::move(description)) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1, std::memory_order_relaxed);
}

std::unique_ptr<Engine> Engine::build(std::string_view config_json, chrt::Weights weights,
                                      const std::string& source) {
  if (chrt_check_version(CHRT_VERSION_MAJOR, CHRT_VERSION_MINOR) != CHRT_OK)
    throw ModelError(CHARSIUG2P_ERR_RUNTIME_VERSION, chrt_last_error());
  const T5Config config = parse_t5_config(config_json, source + "/config.json");
  auto model = std::make_unique<T5Model>(config, weights.get(), source);
  std::string description = config.describe() + ", " + std::to_string(model->weight_bytes >> 10) +
                            " KiB of weights (" + chrt_weights_format(weights.get()) +
                            ", kernels " + chrt_kernel_isa() + ")";
  return std::unique_ptr<Engine>(new Engine(std::move(model), std::move(description)));
}

std::unique_ptr<Engine> Engine::load_directory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw ModelError(CHARSIUG2P_ERR_IO,
                     "model folder '" + dir + "' does not exist or is not a folder");
  const fs::path config_path = fs::path(dir) / "config.json";
  std::ifstream in(config_path, std::ios::binary);
  if (!in) throw ModelError(CHARSIUG2P_ERR_IO, "cannot read '" + config_path.string() + "'");
  std::stringstream text;
  text << in.rdbuf();
  std::string weights_path;
  for (const char* name : {"model.safetensors", "pytorch_model.bin"}) {
    if (fs::is_regular_file(fs::path(dir) / name, ec)) {
      weights_path = (fs::path(dir) / name).string();
      break;
    }
  }
  if (weights_path.empty()) {
    if (fs::exists(fs::path(dir) / "model.safetensors.index.json", ec))
      throw ModelError(
          CHARSIUG2P_ERR_UNSUPPORTED,
          "'" + dir + "' holds a sharded checkpoint; merge it into one model.safetensors");
    throw ModelError(CHARSIUG2P_ERR_IO,
                     "'" + dir + "' has neither model.safetensors nor pytorch_model.bin");
  }
  chrt_weights* w = nullptr;
  chrt::check(chrt_weights_open(weights_path.c_str(), &w));
  return build(text.str(), chrt::Weights(w), dir);
}

std::unique_ptr<Engine> Engine::load_memory(std::string_view config_json, const void* weights,
                                            size_t weights_size) {
  chrt_weights* w = nullptr;
  chrt::check(chrt_weights_open_memory(weights, weights_size, &w));
  return build(config_json, chrt::Weights(w), "<memory>");
}

}  // namespace charsiug2p::detail
