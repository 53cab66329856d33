// No crash loop: an input recorded as being handled when the kiosk died is moved aside at the
// next start, with a reason file; a record that was cleared moves nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "live/input_quarantine.hpp"
#include "temporary_folder.hpp"

namespace ijlas::live {
namespace {

namespace fs = std::filesystem;

std::string text_of(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(InputQuarantine, AnInputLeftRecordedIsMovedAsideWithAReason) {
  const TemporaryFolder dir("quarantine-left");
  fs::create_directories(dir / "inbox");
  std::ofstream(dir / "inbox" / "agenda.xml") << "<schedule/>";
  {
    InputQuarantine dying(dir / "state", dir / "quarantine");
    ASSERT_TRUE(dying.begin(dir / "inbox" / "agenda.xml"));
  }  // killed here: no end()
  InputQuarantine next(dir / "state", dir / "quarantine");
  const auto aside = next.recover();
  ASSERT_TRUE(aside);
  EXPECT_EQ(aside->moved_to, dir / "quarantine" / "agenda.xml");
  EXPECT_FALSE(fs::exists(dir / "inbox" / "agenda.xml"));
  EXPECT_EQ(text_of(dir / "quarantine" / "agenda.xml"), "<schedule/>");
  const std::string reason = text_of(dir / "quarantine" / "agenda.xml.reason.txt");
  EXPECT_NE(reason.find("What: " + (dir / "inbox" / "agenda.xml").string()), std::string::npos);
  EXPECT_NE(reason.find("When: "), std::string::npos);
  EXPECT_NE(reason.find("Why: the kiosk stopped"), std::string::npos) << reason;
  EXPECT_FALSE(next.recover()) << "the record is gone once it was acted on";

  // The same name again does not overwrite the first.
  std::ofstream(dir / "inbox" / "agenda.xml") << "<schedule>2</schedule>";
  EXPECT_EQ(next.set_aside(dir / "inbox" / "agenda.xml", "test").moved_to,
            dir / "quarantine" / "agenda-2.xml");
}

TEST(InputQuarantine, AnInputWhoseHandlingEndedIsLeftAlone) {
  const TemporaryFolder dir("quarantine-ended");
  fs::create_directories(dir / "inbox");
  std::ofstream(dir / "inbox" / "news.json") << "{}";
  InputQuarantine quarantine(dir / "state", dir / "quarantine");
  ASSERT_TRUE(quarantine.begin(dir / "inbox" / "news.json"));
  quarantine.end();
  EXPECT_FALSE(quarantine.recover());
  EXPECT_TRUE(fs::exists(dir / "inbox" / "news.json"));
}

}  // namespace
}  // namespace ijlas::live
