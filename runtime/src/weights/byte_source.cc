#include "byte_source.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <system_error>

#include "common/errors.h"

namespace chrt::detail {

namespace {

// std::system_category().message is thread-safe, unlike strerror().
std::string errno_text(int err) { return std::system_category().message(err); }

[[noreturn]] void throw_io(const std::string& path, const std::string& problem) {
  throw IoError(path + ": " + problem);
}

// Closes the descriptor on every exit path; the mapping survives the close.
struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

}  // namespace

std::shared_ptr<ByteSource> ByteSource::map_file(const std::string& path) {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer; for a
  // regular file it changes nothing.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw_io(path, "cannot open: " + errno_text(errno));
  FdCloser closer{fd};

  struct stat st;
  if (::fstat(fd, &st) != 0) throw_io(path, "cannot stat: " + errno_text(errno));
  if (S_ISDIR(st.st_mode)) throw_io(path, "cannot map: " + errno_text(EISDIR));
  // FIFOs and devices report sizes that do not describe their contents.
  if (!S_ISREG(st.st_mode)) throw_io(path, "cannot map: not a regular file");
  if (st.st_size <= 0) throw_io(path, "cannot map: empty file");
  if (static_cast<uint64_t>(st.st_size) > std::numeric_limits<size_t>::max()) {
    throw_io(path, "cannot map: file too large for this address space");
  }
  const auto size = static_cast<size_t>(st.st_size);

  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) throw_io(path, "cannot map: " + errno_text(errno));
  // Note: truncating the file while it is mapped makes later reads fault
  // (SIGBUS); nothing portable prevents that, as with any mmap reader.
  return std::shared_ptr<ByteSource>(
      new ByteSource(static_cast<const std::byte*>(p), size, /*mapped=*/true));
}

std::shared_ptr<ByteSource> ByteSource::wrap(const void* data, uint64_t size) {
  if (data == nullptr && size != 0) throw InvalidArgument("NULL data with nonzero size");
  if (size > std::numeric_limits<size_t>::max()) throw InvalidArgument("buffer size too large");
  return std::shared_ptr<ByteSource>(
      new ByteSource(static_cast<const std::byte*>(data), size, /*mapped=*/false));
}

ByteSource::~ByteSource() {
  if (mapped_) ::munmap(const_cast<std::byte*>(data_), static_cast<size_t>(size_));
}

}  // namespace chrt::detail
