// A file that someone else wrote: one at the limit is read, one byte more is refused unread.
#include "live/untrusted_file.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/write_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas::live {
namespace {

TEST(UntrustedFile, AFileAtTheLimitIsReadAndOneByteMoreIsRefusedUnread) {
  const TemporaryFolder dir("untrusted-file");
  ASSERT_EQ(write_whole_file(dir / "at.json", std::string(100, 'x')), "");
  ASSERT_EQ(write_whole_file(dir / "over.json", std::string(101, 'x')), "");
  const UntrustedFile at = read_untrusted_file(dir / "at.json", 100);
  EXPECT_EQ(at.error, "");
  EXPECT_EQ(at.bytes, std::string(100, 'x'));
  EXPECT_EQ(at.size, 100);
  const UntrustedFile over = read_untrusted_file(dir / "over.json", 100);
  EXPECT_EQ(over.error, "larger than 100 bytes: refused unread");
  EXPECT_EQ(over.bytes, "");
}

}  // namespace
}  // namespace ijlas::live
