// The CharsiuG2P dev words the benchmarks run on: every <lang>.tsv of a
// folder, in file-name order, the word column only.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace charsiug2p::bench {

struct DevWords {
  std::vector<std::string> words, langs;  // langs[i]: the file stem of words[i]
};

inline DevWords load_dev_words(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  DevWords d;
  for (const auto& f : files) {
    std::ifstream in(f);
    for (std::string line; std::getline(in, line);) {
      d.words.push_back(line.substr(0, line.find('\t')));
      d.langs.push_back(f.stem().string());
    }
  }
  return d;
}

}  // namespace charsiug2p::bench
