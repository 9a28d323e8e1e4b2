// Prints what a big lexicon costs: compiling the CharsiuG2P train TSVs
// (word<TAB>pronunciation per <lang>.tsv, ~3M entries in 91 languages) with
// the public builder, the compiled size, loading it (map + full check) and
// lookups per second. A benchmark, not a test: it reports figures.
//
//   bench_lexicon [--data DIR] [--langs eng-us,ger,...] [--out FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "charsiug2p/charsiug2p.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// This thread's CPU seconds: on a shared machine wall time includes waiting.
double cpu_now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(CHARSIUG2P_SOURCE_DIR) + "/../shared/data/charsiug2p/train";
  std::string out = (fs::temp_directory_path() / "bench_lexicon.g2plex").string();
  std::string only;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--data")
      data = v;
    else if (a == "--langs")
      only = std::string(",").append(v).append(",");
    else if (a == "--out")
      out = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 1;
    }
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(data)) {
    const std::string key = std::string(",").append(e.path().stem().string()).append(",");
    if (only.empty() || only.find(key) != std::string::npos) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());

  // The train splits repeat some words with other pronunciations: keep the first.
  auto t0 = Clock::now();
  charsiug2p::LexiconBuilder builder(CHARSIUG2P_DUPLICATES_FIRST);
  std::vector<std::pair<std::string, std::string>> probes;  // (lang, word)
  size_t lines = 0;
  for (const auto& f : files) {
    const std::string lang = f.stem().string();
    builder.add_tsv_file(f.string(), lang.c_str());
    std::ifstream in(f);
    for (std::string line; std::getline(in, line); ++lines)
      if (lines % 7 == 0) probes.emplace_back(lang, line.substr(0, line.find('\t')));
  }
  const double add_s = since(t0);
  t0 = Clock::now();
  builder.write(out);
  const double write_s = since(t0);
  std::printf("built %zu entries from %zu lines in %zu files: parse+collect %.2f s, write %.2f s\n",
              builder.size(), lines, files.size(), add_s, write_s);
  std::printf("compiled file: %.1f MiB (%.1f bytes an entry)\n",
              double(fs::file_size(out)) / (1 << 20), double(fs::file_size(out)) / builder.size());

  double best = 1e30, best_cpu = 1e30;
  for (int r = 0; r < 5; ++r) {
    t0 = Clock::now();
    const double c0 = cpu_now();
    const auto lex = charsiug2p::Lexicon::load(out);
    best_cpu = std::min(best_cpu, cpu_now() - c0);
    best = std::min(best, since(t0));
  }
  std::printf(
      "load (map + check of every entry and the checksum): %.1f ms wall, %.1f ms CPU, "
      "best of 5\n",
      best * 1e3, best_cpu * 1e3);

  const auto lex = charsiug2p::Lexicon::load(out);
  for (size_t i = 0; i < probes.size(); i += 2) probes[i].second += "zz";  // misses
  size_t found = 0;
  const double c0 = cpu_now();
  for (const auto& [lang, word] : probes) found += lex.lookup(lang, word).has_value();
  const double look_s = cpu_now() - c0;
  std::printf(
      "lookups: %.2f M/s, %.0f ns CPU each (%zu probes, half of them misses; %zu found, "
      "1 thread)\n",
      probes.size() / look_s / 1e6, look_s / probes.size() * 1e9, probes.size(), found);
  fs::remove(out);
  return 0;
}
