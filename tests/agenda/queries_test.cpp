// The kiosk's questions, asked of the bundled agenda (times are Asia/Karachi, +05:00).
#include "agenda/agenda_queries.hpp"

#include <gtest/gtest.h>

#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

std::vector<std::string> ids(const std::vector<const Session*>& sessions) {
  std::vector<std::string> out;
  for (const Session* session : sessions)
    out.push_back(session->id);
  return out;
}

class AgendaQueries : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = load_agenda_file(testing::default_agenda_path());
    ASSERT_TRUE(result_.ok()) << testing::messages(result_);
  }
  const Agenda& agenda() const { return *result_.agenda; }
  LoadResult result_;
};

TEST_F(AgendaQueries, SessionsOfADayInTimeOrder) {
  EXPECT_EQ(ids(sessions_of_day(agenda(), 1)),
            (std::vector<std::string>{"protection-and-pathways", "tea-day-2", "border-risks",
                                      "global-alliance", "lunch-day-2", "outcomes", "commitments",
                                      "closing"}));
}

TEST_F(AgendaQueries, SessionsInARoom) {
  EXPECT_EQ(
      ids(sessions_in_room(agenda(), "committee-room-2")),
      (std::vector<std::string>{"fraudulent-documents", "digital-smuggling", "global-alliance"}));
}

TEST_F(AgendaQueries, WhatRunsAtAnInstant) {
  // 2025-11-26T14:00:00+05:00 = 1764147600: the two parallel afternoon sessions.
  EXPECT_EQ(ids(sessions_running_at(agenda(), 1764147600)),
            (std::vector<std::string>{"criminal-networks", "fraudulent-documents"}));
  // A session's end is not part of it: at 10:30 the opening is over and tea has begun.
  EXPECT_EQ(ids(sessions_running_at(agenda(), 1764131400 + 3600)),
            (std::vector<std::string>{"tea-day-1"}));
}

TEST_F(AgendaQueries, WhatComesNextInARoom) {
  const Session* next = next_session_in_room(agenda(), "main-hall", 1764131400);  // 09:30
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->id, "tea-day-1");
  EXPECT_EQ(next_session_in_room(agenda(), "main-hall", 1764241200), nullptr);  // closing, 27th
}

TEST_F(AgendaQueries, ASpeakersSessions) {
  EXPECT_EQ(ids(sessions_of_speaker(agenda(), "philip-oliver-gross")),
            (std::vector<std::string>{"opening", "global-alliance"}));
  EXPECT_TRUE(sessions_of_speaker(agenda(), "nobody").empty());
}

}  // namespace
}  // namespace ijlas::agenda
