/*
 * chrt: the charsiu runtime. Tensors, kernels, a thread pool and weight files,
 * shared by every model library (charsiug2p today, others later). It knows
 * nothing about G2P.
 *
 * Why a C API: model libraries are separate shared libraries (or static
 * archives force-loaded into one iOS binary). Exporting only prefixed C
 * symbols keeps two plugins from colliding and lets one runtime copy serve
 * all of them. C++ conveniences live in header-only inline wrappers
 * (runtime.hpp), compiled into each model library with hidden visibility.
 *
 * Ownership: every object made by a chrt_*_create/open function is owned by
 * the caller and released with the matching chrt_*_free, which accepts NULL.
 * Pointers handed out by an object (tensor data, names) stay valid until that
 * object is freed.
 *
 * Threading: weights and matrices are immutable after creation and may be
 * used by any number of threads at once. A pool runs one job at a time;
 * concurrent chrt_pool_run calls on the same pool are serialized. Kernels
 * are pure functions of their arguments. chrt_last_error is thread-local.
 *
 * Errors: functions returning int return CHRT_OK (0) or a chrt_status; the
 * detail message of the last failure on the calling thread is available
 * from chrt_last_error(). Nothing here throws, exits or aborts.
 *
 * Normal sequence for a model library:
 *   chrt_check_version(...)             refuse an incompatible runtime
 *   chrt_weights_open(path, &w)         mmap + parse the checkpoint
 *   chrt_weights_find(w, name, &info)   look tensors up
 *   chrt_matrix_create(&info, 1, &m)    repack a linear layer for the kernels
 *   chrt_weights_free(w)                matrices keep their own copies
 *   chrt_matmul(m, x, rows, ...)        at inference time, from any thread
 */
#ifndef CHRT_RUNTIME_H
#define CHRT_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#define CHRT_VERSION_MAJOR 1
#define CHRT_VERSION_MINOR 1
#define CHRT_VERSION_PATCH 0
#define CHRT_VERSION_NUMBER \
  ((CHRT_VERSION_MAJOR << 16) | (CHRT_VERSION_MINOR << 8) | CHRT_VERSION_PATCH)

#if defined(_WIN32)
#define CHRT_API __declspec(dllexport)
#else
#define CHRT_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Numbered status codes; values never change once released. */
typedef enum chrt_status {
  CHRT_OK = 0,
  CHRT_ERR_INVALID_ARGUMENT = 1, /* NULL where an object is needed, bad size */
  CHRT_ERR_IO = 2,               /* file missing, unreadable, not mappable */
  CHRT_ERR_FORMAT = 3,           /* file parsed but malformed or lying */
  CHRT_ERR_UNSUPPORTED = 4,      /* valid file using a feature we lack */
  CHRT_ERR_OUT_OF_MEMORY = 5,
  CHRT_ERR_NOT_FOUND = 6, /* tensor name absent */
  CHRT_ERR_VERSION = 7,   /* incompatible runtime version */
  CHRT_ERR_INTERNAL = 8
} chrt_status;

/* Static string naming a status ("CHRT_ERR_FORMAT"); never NULL. */
CHRT_API const char* chrt_status_name(int status);

/* Detail message of the last failing chrt call on this thread ("" if none).
 * Valid until the next failing chrt call on the same thread. */
CHRT_API const char* chrt_last_error(void);

/* ------------------------------------------------------------------ version */

/* CHRT_VERSION_NUMBER of the runtime actually loaded (may differ from the
 * header a model library was compiled with). */
CHRT_API uint32_t chrt_version(void);
CHRT_API const char* chrt_version_string(void);

/* CHRT_OK if the loaded runtime can serve a library compiled against
 * (major, minor): same major, loaded minor >= required minor. Otherwise
 * CHRT_ERR_VERSION with both versions in chrt_last_error(). */
CHRT_API int chrt_check_version(uint32_t required_major, uint32_t required_minor);

/* Address unique to this loaded copy of the runtime: two model libraries
 * that report the same value share one runtime instance. */
CHRT_API const void* chrt_instance(void);

/* Instruction set the kernels dispatched to: "avx512", "avx2", "neon" or
 * "scalar". Static string. */
CHRT_API const char* chrt_kernel_isa(void);

/* -------------------------------------------------------------------- text */

/* Length (1..4) of the well-formed UTF-8 sequence at the start of s (size
 * bytes available); or, when it is malformed, -(bytes of its maximal invalid
 * subpart), the unit CPython's decoder skips with errors="ignore" (so the
 * next scan starts after it); 0 when size is 0. Rejects overlongs,
 * surrogates and code points past U+10FFFF. */
CHRT_API int32_t chrt_utf8_sequence(const char* s, size_t size);

/* ------------------------------------------------------------ mapped files */

/* A whole regular file mapped read-only (since 1.1): the same mapping the
 * weight loader uses, for model libraries' own file formats (lexicons...).
 * Immutable; any number of threads may read it. */
typedef struct chrt_file chrt_file;

/* Maps the file at path. CHRT_ERR_IO (with path and reason) if it is
 * missing, unreadable, a directory or other non-regular file, empty, or
 * cannot be mapped. On success *out owns the mapping; chrt_file_free
 * releases it. The file must not be truncated while mapped. */
CHRT_API int chrt_file_map(const char* path, chrt_file** out);
CHRT_API void chrt_file_free(chrt_file* file);
/* The mapped bytes (valid until chrt_file_free) and their count; NULL and 0
 * for a NULL file. */
CHRT_API const void* chrt_file_data(const chrt_file* file);
CHRT_API uint64_t chrt_file_size(const chrt_file* file);

/* ------------------------------------------------------------------ tensors */

typedef enum chrt_dtype {
  CHRT_DTYPE_F32 = 0,
  CHRT_DTYPE_F16 = 1,
  CHRT_DTYPE_BF16 = 2,
  CHRT_DTYPE_F64 = 3,
  CHRT_DTYPE_I64 = 4,
  CHRT_DTYPE_I32 = 5,
  CHRT_DTYPE_I16 = 6,
  CHRT_DTYPE_I8 = 7,
  CHRT_DTYPE_U8 = 8,
  CHRT_DTYPE_BOOL = 9
} chrt_dtype;

#define CHRT_MAX_DIMS 8

/* Read-only view of one tensor: contiguous, row-major, little-endian.
 * name and data point into the object that produced the view. */
typedef struct chrt_tensor_info {
  const char* name;
  int32_t dtype; /* chrt_dtype */
  int32_t ndim;
  int64_t shape[CHRT_MAX_DIMS];
  const void* data;
  uint64_t nbytes;
} chrt_tensor_info;

/* Bytes per element of dtype, 0 for an unknown value. */
CHRT_API size_t chrt_dtype_size(int32_t dtype);
/* Static lowercase name ("f16"); "unknown" for an unknown value. */
CHRT_API const char* chrt_dtype_name(int32_t dtype);

/* Converts a floating-point tensor (F32, F16, BF16, F64) to float32.
 * count must equal the tensor's element count. */
CHRT_API int chrt_tensor_to_f32(const chrt_tensor_info* tensor, float* dst, uint64_t count);

/* ------------------------------------------------------------- weight files */

typedef struct chrt_weights chrt_weights;

/* Opens a safetensors file or a PyTorch state dict (zip + pickle, as
 * written by torch.save), detected by content. Memory-maps the file where
 * the layout allows; tensors stored as strided views are copied.
 * On success *out owns the file; free it with chrt_weights_free. */
CHRT_API int chrt_weights_open(const char* path, chrt_weights** out);
/* Same, from a caller-owned buffer that must outlive the weights object
 * (used for embedded models and fuzzing). */
CHRT_API int chrt_weights_open_memory(const void* data, uint64_t size, chrt_weights** out);
CHRT_API void chrt_weights_free(chrt_weights* weights);

/* "safetensors" or "pytorch"; static string. */
CHRT_API const char* chrt_weights_format(const chrt_weights* weights);
CHRT_API uint64_t chrt_weights_count(const chrt_weights* weights);
/* Tensors in a stable order (sorted by name). */
CHRT_API int chrt_weights_get(const chrt_weights* weights, uint64_t index, chrt_tensor_info* out);
/* CHRT_ERR_NOT_FOUND (with the name in chrt_last_error) if absent. */
CHRT_API int chrt_weights_find(const chrt_weights* weights, const char* name,
                               chrt_tensor_info* out);

/* ----------------------------------------------------------------- matrices */

/* A linear layer repacked for the kernels: y = x * W^T, where W is the
 * [n, k] weight as PyTorch stores it. F16 sources stay F16 (half the memory
 * traffic, arithmetic in float32); F32 and BF16 sources become F32. */
typedef struct chrt_matrix chrt_matrix;

/* Builds one matrix from `count` 2-D tensors of equal k stacked along n
 * (e.g. q, k and v projections fused into one product). Copies the data:
 * the sources may be freed afterwards. */
CHRT_API int chrt_matrix_create(const chrt_tensor_info* parts, uint32_t count, chrt_matrix** out);
CHRT_API void chrt_matrix_free(chrt_matrix* matrix);
CHRT_API int64_t chrt_matrix_n(const chrt_matrix* matrix);
CHRT_API int64_t chrt_matrix_k(const chrt_matrix* matrix);
/* Bytes held by the packed weights. */
CHRT_API uint64_t chrt_matrix_bytes(const chrt_matrix* matrix);

/* y[i, :] (+)= x[i, :] * W^T for i < m. x rows are k floats at stride ldx,
 * y rows n floats at stride ldy; accumulate != 0 adds to y. x and y must
 * not overlap. Single-threaded; safe to call concurrently. */
CHRT_API void chrt_matmul(const chrt_matrix* w, const float* x, int64_t m, int64_t ldx, float* y,
                          int64_t ldy, int accumulate);

/* ------------------------------------------------------------------ kernels */

/* T5 layer norm: y = x / sqrt(mean(x^2) + eps) * weight, per row. */
CHRT_API void chrt_rms_norm(const float* x, int64_t rows, int64_t dim, int64_t ldx,
                            const float* weight, float eps, float* y, int64_t ldy);
/* out[i] = gelu_new(gate[i]) * up[i] (tanh approximation); out may alias. */
CHRT_API void chrt_gelu_new_mul(const float* gate, const float* up, int64_t n, float* out);
/* out[i] = gelu_new(x[i]); out may alias x. */
CHRT_API void chrt_gelu_new(const float* x, int64_t n, float* out);
/* out[i] = max(x[i], 0); out may alias x. */
CHRT_API void chrt_relu(const float* x, int64_t n, float* out);
/* In-place numerically stable softmax of n values. */
CHRT_API void chrt_softmax(float* x, int64_t n);
/* Index of the first maximum of n values (ties keep the lowest index). */
CHRT_API int64_t chrt_argmax(const float* x, int64_t n);
CHRT_API float chrt_dot(const float* a, const float* b, int64_t n);
/* y += a * x */
CHRT_API void chrt_axpy(float a, const float* x, float* y, int64_t n);
/* Attention of one query over n keys: out[0..d) = sum_j p_j v_j with
 * p = softmax(q . k_j + bias_j) (no 1/sqrt(d) scaling; bias may be NULL).
 * Key j is at k + j * k_stride, value j at v + j * v_stride. scores is
 * caller scratch of n floats. */
CHRT_API void chrt_attend(const float* q, const float* k, int64_t k_stride, const float* v,
                          int64_t v_stride, int64_t n, const float* bias, int64_t d, float* scores,
                          float* out);

/* --------------------------------------------------------------------- pool */

typedef struct chrt_pool chrt_pool;
/* fn(ctx, task_index, worker_index): worker_index < chrt_pool_size(). */
typedef void (*chrt_task_fn)(void* ctx, int64_t task, int32_t worker);

/* n_threads >= 1 workers in all, the caller of chrt_pool_run counted. */
CHRT_API int chrt_pool_create(int32_t n_threads, chrt_pool** out);
CHRT_API void chrt_pool_free(chrt_pool* pool);
CHRT_API int32_t chrt_pool_size(const chrt_pool* pool);
/* Runs fn for every task index in [0, n_tasks), claimed dynamically by the
 * workers and the calling thread, and returns when all are done. fn must
 * not throw (C++ exceptions are caught and reported as CHRT_ERR_INTERNAL). */
CHRT_API int chrt_pool_run(chrt_pool* pool, int64_t n_tasks, chrt_task_fn fn, void* ctx);

#ifdef __cplusplus
}
#endif
#endif /* CHRT_RUNTIME_H */
