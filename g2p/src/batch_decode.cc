#include "batch_decode.h"

#include <algorithm>

#include "t5_forward.h"
#include "tokenizer.h"

namespace charsiug2p::detail {

namespace {

struct Job {
  const T5Model* model;
  std::vector<DecodeItem>* items;
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
  for (size_t i = begin; i < end; ++i) {
    const DecodeItem& item = (*job.items)[i];
    batch.add(item.ids, item.max_new, item.drafts);
  }
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

void decode_items(const T5Model& model, std::vector<DecodeItem>& items, int batch_size,
                  int num_threads, std::vector<WordOutcome>& out) {
  // Similar lengths together: less wasted attention, and rows of a batch
  // finish at similar steps.
  std::stable_sort(items.begin(), items.end(), [](const DecodeItem& a, const DecodeItem& b) {
    return a.ids.size() < b.ids.size();
  });
  Job job{&model, &items, {}, nullptr, &out};
  for (size_t b = 0; b < items.size(); b += batch_size)
    job.batches.emplace_back(b, std::min(items.size(), b + static_cast<size_t>(batch_size)));
  const int threads = std::max(1, std::min<int>(num_threads, static_cast<int>(job.batches.size())));
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
}

}  // namespace charsiug2p::detail
