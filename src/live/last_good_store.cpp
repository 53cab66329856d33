#include "live/last_good_store.hpp"

#include "agenda/native_agenda.hpp"
#include "agenda/native_json_writer.hpp"
#include "core/write_file.hpp"

namespace ijlas::live {

LastGoodStore::LastGoodStore(std::filesystem::path folder) : folder_(std::move(folder)) {}

bool LastGoodStore::save(const agenda::Agenda& agenda, std::string& error) {
  // The folder may have been deleted while the kiosk ran: it is made again.
  std::error_code not_made;
  std::filesystem::create_directories(folder_, not_made);
  error = write_whole_file(current_path(), agenda::write_native_json(agenda), hook_);
  return error.empty();
}

void LastGoodStore::remove_leftovers() {
  std::error_code ignored;
  std::filesystem::remove(temporary_path_of(current_path()), ignored);
}

agenda::LoadResult LastGoodStore::load() {
  remove_leftovers();
  return agenda::load_native_agenda_file(current_path());
}

}  // namespace ijlas::live
