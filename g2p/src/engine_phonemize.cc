// The word pipeline: validate, prefix, group by length, decode in batches on
// worker threads, map ids back to text in input order.
#include <algorithm>
#include <numeric>

#include "engine.h"
#include "errors.h"
#include "languages.h"
#include "t5_forward.h"
#include "tokenizer.h"

namespace charsiug2p::detail {

void validate_options(const CallOptions& o) {
  auto bad = [](const std::string& what) {
    throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT, "invalid option: " + what);
  };
  if (o.max_output_len < 0 || o.max_output_len > kMaxOutputLimit)
    bad("max_output_len must be 0 (automatic) or 1.." + std::to_string(kMaxOutputLimit));
  if (o.num_threads < 1 || o.num_threads > 256) bad("num_threads must be in 1..256");
  if (o.batch_size < 1 || o.batch_size > 4096) bad("batch_size must be in 1..4096");
  if (o.max_input_bytes < 8 || o.max_input_bytes > 65536)
    bad("max_input_bytes must be in 8..65536");
}

namespace {

struct Item {
  size_t index;
  std::vector<int32_t> ids;
  int32_t max_new;
};

struct Job {
  const T5Model* model;
  std::vector<Item>* items;
  std::vector<std::pair<size_t, size_t>> batches;  // [begin, end) into items
  std::vector<Workspace>* workspaces;
  std::vector<WordOutcome>* out;
};

void run_batch(void* ctx, int64_t task, int32_t worker) {
  Job& job = *static_cast<Job*>(ctx);
  // Longest words first: the costliest batches start early, so threads
  // finish together instead of one waiting on a long last batch.
  const auto [begin, end] = job.batches[job.batches.size() - 1 - static_cast<size_t>(task)];
  TokenBatch batch;
  for (size_t i = begin; i < end; ++i) batch.add((*job.items)[i].ids, (*job.items)[i].max_new);
  try {
    const auto ids = greedy_decode(*job.model, batch, (*job.workspaces)[worker]);
    for (size_t i = begin; i < end; ++i)
      (*job.out)[(*job.items)[i].index].text = decode_ids(ids[i - begin]);
  } catch (const std::exception& e) {
    // Out of memory for a huge batch, say: these words fail, others don't.
    for (size_t i = begin; i < end; ++i) {
      WordOutcome& o = (*job.out)[(*job.items)[i].index];
      o.code = dynamic_cast<const std::bad_alloc*>(&e) ? CHARSIUG2P_ERR_OUT_OF_MEMORY
                                                       : CHARSIUG2P_ERR_INTERNAL;
      o.message = std::string("decoding failed: ") + e.what();
    }
  }
}

}  // namespace

std::vector<WordOutcome> Engine::phonemize(std::span<const std::string_view> words,
                                           std::span<const std::string_view> langs,
                                           const CallOptions& o) const {
  validate_options(o);
  if (langs.size() != 1 && langs.size() != words.size())
    throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT,
                     "give one language for all words or one per word");
  std::vector<WordOutcome> out(words.size());
  std::vector<Item> items;
  items.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    const std::string_view lang = langs.size() == 1 ? langs[0] : langs[i];
    WordOutcome& r = out[i];
    if (word.empty()) {
      r = {CHARSIUG2P_ERR_EMPTY_WORD, "", "empty word"};
    } else if (!is_valid_utf8(word)) {
      r = {CHARSIUG2P_ERR_INVALID_UTF8, "", "word is not valid UTF-8"};
    } else if (!is_known_language(lang)) {
      r = {CHARSIUG2P_ERR_UNKNOWN_LANGUAGE, "",
           "unknown language code '" +
               (is_valid_utf8(lang) ? std::string(lang) : "<invalid UTF-8>") +
               "' (use 'unk' when the language is unknown)"};
    } else {
      const std::string input = prefixed_input(lang, word, o.space_after_colon);
      if (input.size() > static_cast<size_t>(o.max_input_bytes)) {
        r = {CHARSIUG2P_ERR_WORD_TOO_LONG, "",
             "word is " + std::to_string(input.size()) + " bytes with its prefix; the limit is " +
                 std::to_string(o.max_input_bytes) + " (max_input_bytes)"};
      } else {
        const int auto_len = std::min<int>(4 * static_cast<int>(word.size()) + 16, kMaxAutoOutput);
        items.push_back(
            {i, encode_bytes(input), o.max_output_len > 0 ? o.max_output_len : auto_len});
      }
    }
  }
  // Similar lengths together: less wasted attention, and rows of a batch
  // finish at similar steps.
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.ids.size() < b.ids.size(); });
  Job job{model_.get(), &items, {}, nullptr, &out};
  for (size_t b = 0; b < items.size(); b += o.batch_size)
    job.batches.emplace_back(b, std::min(items.size(), b + static_cast<size_t>(o.batch_size)));
  const int threads =
      std::max(1, std::min<int>(o.num_threads, static_cast<int>(job.batches.size())));
  std::vector<Workspace> workspaces(threads);
  job.workspaces = &workspaces;
  if (threads == 1) {
    for (size_t t = 0; t < job.batches.size(); ++t) run_batch(&job, static_cast<int64_t>(t), 0);
  } else {
    chrt_pool* pool = nullptr;
    chrt::check(chrt_pool_create(threads, &pool));
    chrt::Pool guard(pool);
    chrt::check(chrt_pool_run(pool, static_cast<int64_t>(job.batches.size()), run_batch, &job));
  }
  return out;
}

}  // namespace charsiug2p::detail
