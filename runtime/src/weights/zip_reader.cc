#include "zip_reader.h"

#include <algorithm>

#include "byte_cursor.h"
#include "checked_math.h"
#include "common/errors.h"
#include "untrusted_text.h"

namespace chrt::detail {

namespace {

constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kCentralSig = 0x02014b50;
constexpr uint32_t kLocalSig = 0x04034b50;
constexpr uint64_t kEndSize = 22;
constexpr uint64_t kZip64LocatorSize = 20;
constexpr uint64_t kZip64EndSize = 56;
constexpr uint64_t kCentralSize = 46;
constexpr uint64_t kLocalSize = 30;
constexpr uint64_t kMaxComment = 0xFFFF;
constexpr uint16_t kZip64ExtraId = 0x0001;
constexpr uint16_t kEncryptedFlag = 0x0001;

}  // namespace

ZipReader::ZipReader(std::span<const std::byte> file, std::string label)
    : file_(file), label_(std::move(label)) {
  read_directory(find_directory());
  by_name_.resize(entries_.size());
  for (size_t i = 0; i < by_name_.size(); ++i) by_name_[i] = i;
  std::sort(by_name_.begin(), by_name_.end(),
            [&](size_t a, size_t b) { return entries_[a].name < entries_[b].name; });
  for (size_t i = 1; i < by_name_.size(); ++i) {
    if (entries_[by_name_[i]].name == entries_[by_name_[i - 1]].name) {
      fail("duplicate entry " + in_quotes(entries_[by_name_[i]].name));
    }
  }
}

void ZipReader::fail(const std::string& problem) const {
  throw FormatError(label_ + ": ZIP archive: " + problem);
}

ZipReader::Directory ZipReader::find_directory() const {
  const uint64_t size = file_.size();
  if (size < kEndSize) fail("too short for an end of central directory record");
  // The end record sits before an optional comment of up to 64 KiB, so scan
  // backwards; requiring the comment to reach exactly the end of the file
  // rejects signature bytes that merely occur inside the comment.
  const uint64_t last = size - kEndSize;
  const uint64_t first = last > kMaxComment ? last - kMaxComment : 0;
  uint64_t pos = last;
  for (;; --pos) {
    const std::byte* p = file_.data() + pos;
    if (load_le(p, 4) == kEndSig && pos + kEndSize + load_le(p + 20, 2) == size) break;
    if (pos == first) fail("no end of central directory record");
  }

  ByteCursor end(file_.subspan(pos, kEndSize), label_, "end of central directory");
  end.skip(4);
  uint64_t disk = end.u16(), directory_disk = end.u16();
  uint64_t disk_entries = end.u16(), entries = end.u16();
  uint64_t dir_size = end.u32(), dir_offset = end.u32();
  uint64_t dir_limit = pos;  // the directory must end before what follows it

  const bool has_locator = pos >= kZip64LocatorSize &&
                           load_le(file_.data() + pos - kZip64LocatorSize, 4) == kZip64LocatorSig;
  if (has_locator) {
    const uint64_t locator_pos = pos - kZip64LocatorSize;
    ByteCursor loc(file_.subspan(locator_pos, kZip64LocatorSize), label_, "ZIP64 locator");
    loc.skip(4);
    const uint32_t record_disk = loc.u32();
    const uint64_t record = loc.u64();
    const uint32_t disks = loc.u32();
    if (record_disk != 0 || disks > 1) {
      throw UnsupportedError(label_ + ": multi-disk ZIP archives are not supported");
    }
    if (record > locator_pos || locator_pos - record < kZip64EndSize) {
      fail("ZIP64 end record at offset " + std::to_string(record) + " outside the file");
    }
    ByteCursor z(file_.subspan(record, locator_pos - record), label_, "ZIP64 end record");
    if (z.u32() != kZip64EndSig) fail("bad ZIP64 end record signature");
    z.skip(8 + 2 + 2);  // record size, versions
    disk = z.u32();
    directory_disk = z.u32();
    disk_entries = z.u64();
    entries = z.u64();
    dir_size = z.u64();
    dir_offset = z.u64();
    dir_limit = record;
  } else if (entries == 0xFFFF || dir_size == 0xFFFFFFFF || dir_offset == 0xFFFFFFFF) {
    fail("ZIP64 values without a ZIP64 end record");
  }

  if (disk != 0 || directory_disk != 0 || disk_entries != entries) {
    throw UnsupportedError(label_ + ": multi-disk ZIP archives are not supported");
  }
  if (!range_within(dir_offset, dir_size, dir_limit)) {
    fail("central directory [" + std::to_string(dir_offset) + ", +" + std::to_string(dir_size) +
         ") outside the file");
  }
  // Each record takes at least 46 bytes, which bounds a lying count.
  if (entries > dir_size / kCentralSize) {
    fail("central directory claims " + std::to_string(entries) + " entries in " +
         std::to_string(dir_size) + " bytes");
  }
  return {entries, dir_offset, dir_size};
}

void ZipReader::read_directory(const Directory& dir) {
  ByteCursor c(file_.subspan(dir.offset, dir.size), label_, "central directory");
  entries_.reserve(dir.entries);
  for (uint64_t i = 0; i < dir.entries; ++i) {
    if (c.u32() != kCentralSig) c.fail("bad central directory record signature");
    ZipEntry e;
    c.skip(2 + 2);  // versions
    e.flags = c.u16();
    e.method = c.u16();
    c.skip(2 + 2 + 4);  // time, date, crc
    e.compressed_size = c.u32();
    e.size = c.u32();
    const uint16_t name_len = c.u16(), extra_len = c.u16(), comment_len = c.u16();
    uint64_t disk = c.u16();
    c.skip(2 + 4);  // attributes
    uint64_t local_header = c.u32();
    e.name = std::string(c.chars(name_len));
    const auto extra = c.bytes(extra_len);
    c.skip(comment_len);

    // A saturated 32-bit field means the real value is in the ZIP64 extra
    // field, which lists only the saturated ones, in this order.
    const bool need_size = e.size == 0xFFFFFFFF, need_compressed = e.compressed_size == 0xFFFFFFFF;
    const bool need_offset = local_header == 0xFFFFFFFF, need_disk = disk == 0xFFFF;
    bool found_zip64 = false;
    const std::string what = "extra field of " + in_quotes(e.name);
    ByteCursor x(extra, label_, what);
    while (x.remaining() >= 4) {
      const uint16_t id = x.u16();
      const auto body = x.bytes(x.u16());
      if (id != kZip64ExtraId || found_zip64) continue;
      found_zip64 = true;
      ByteCursor z(body, label_, what);
      if (need_size) e.size = z.u64();
      if (need_compressed) e.compressed_size = z.u64();
      if (need_offset) local_header = z.u64();
      if (need_disk) disk = z.u32();
    }
    if ((need_size || need_compressed || need_offset || need_disk) && !found_zip64) {
      fail("entry " + in_quotes(e.name) + " lacks its ZIP64 extra field");
    }
    if (disk != 0) throw UnsupportedError(label_ + ": multi-disk ZIP archives are not supported");
    locate_data(e, local_header);
    entries_.push_back(std::move(e));
  }
}

void ZipReader::locate_data(ZipEntry& e, uint64_t local_header) const {
  if (!range_within(local_header, kLocalSize, file_.size())) {
    fail("local header of " + in_quotes(e.name) + " outside the file");
  }
  const std::string what = "local header of " + in_quotes(e.name);
  ByteCursor c(file_.subspan(local_header, kLocalSize), label_, what);
  if (c.u32() != kLocalSig) c.fail("bad signature");
  // Sizes and CRC here may be zero (torch sets the data-descriptor flag);
  // the central directory's values are the ones that count.
  c.skip(22);
  const uint64_t name_len = c.u16(), extra_len = c.u16();
  const uint64_t data = local_header + kLocalSize + name_len + extra_len;  // < 2^64: all small
  if (!range_within(data, e.compressed_size, file_.size())) {
    fail("data of " + in_quotes(e.name) + " (" + std::to_string(e.compressed_size) +
         " bytes at offset " + std::to_string(data) + ") outside the file");
  }
  e.data_offset = data;
}

const ZipEntry* ZipReader::find(std::string_view name) const {
  const auto it =
      std::lower_bound(by_name_.begin(), by_name_.end(), name,
                       [&](size_t i, std::string_view n) { return entries_[i].name < n; });
  if (it == by_name_.end() || entries_[*it].name != name) return nullptr;
  return &entries_[*it];
}

std::span<const std::byte> ZipReader::data(const ZipEntry& e) const {
  // No CRC check: torch's storages are the bulk of the file and hashing them
  // would read every page of the mapping at open time. Every offset and
  // length is bounds-checked instead, and the pickle VM validates data.pkl.
  if (e.flags & kEncryptedFlag) {
    throw UnsupportedError(label_ + ": ZIP entry " + in_quotes(e.name) + " is encrypted");
  }
  if (e.method != 0) {
    throw UnsupportedError(label_ + ": ZIP entry " + in_quotes(e.name) + " is compressed (method " +
                           std::to_string(e.method) +
                           "); only stored entries, as torch.save writes them, are supported");
  }
  if (e.compressed_size != e.size) {
    fail("stored entry " + in_quotes(e.name) + " has different compressed and plain sizes");
  }
  return file_.subspan(static_cast<size_t>(e.data_offset), static_cast<size_t>(e.size));
}

}  // namespace chrt::detail
