// An agenda far larger than any venue's, built in memory (the model limits would refuse it as a
// file): the bundled agenda plus `sessions` more on its first morning and `speakers` more people,
// for the tests and benchmarks of frames that must not grow with the agenda.
#pragma once

#include <memory>
#include <string>

#include "agenda/agenda.hpp"

namespace ijlas::ui {

inline std::shared_ptr<const agenda::Agenda> large_agenda(const agenda::Agenda& base, int sessions,
                                                          int speakers) {
  agenda::AgendaData data = base.data();
  const time::Instant first = data.sessions.front().start;
  for (int i = 0; i < speakers; ++i) {
    agenda::Speaker speaker;
    speaker.id = "generated-speaker-" + std::to_string(i);
    speaker.name = {"مقرر " + std::to_string(i), "Speaker " + std::to_string(i)};
    speaker.organization = {"", "Organization " + std::to_string(i % 97)};
    data.speakers.push_back(speaker);
  }
  for (int i = 0; i < sessions; ++i) {
    agenda::Session session;
    session.id = "generated-" + std::to_string(i);
    session.title = {"اجلاس نمبر " + std::to_string(i), "Generated session " + std::to_string(i)};
    // Spread over the first two hours of the first day, in every room.
    session.start = {first.utc_seconds + (i * 7200LL / sessions) / 60 * 60, first.offset_seconds};
    session.end = {session.start.utc_seconds + 1800, first.offset_seconds};
    session.room = data.rooms[i % data.rooms.size()].id;
    if (speakers > 0) session.speakers = {"generated-speaker-" + std::to_string(i % speakers)};
    data.sessions.push_back(session);
  }
  return std::make_shared<const agenda::Agenda>(std::move(data));
}

}  // namespace ijlas::ui
