#include "agenda/native_agenda.hpp"

#include "agenda/agenda_finishing.hpp"
#include "agenda/native_json_loader.hpp"

namespace ijlas::agenda {

LoadResult load_native_agenda(const std::string& name, std::string_view bytes,
                              const LoadOptions& options) {
  return load_draft(name, bytes.size(), AgendaFormat::kNative, options,
                    [&](const TimeZone*, DiagnosticList& diagnostics) {
                      return load_native_json(bytes, name, diagnostics);
                    });
}

LoadResult load_native_agenda_file(const std::filesystem::path& path, const LoadOptions& options) {
  return load_file_with(
      path, options, [](const std::string& name, std::string_view bytes, const LoadOptions& given) {
        return load_native_agenda(name, bytes, given);
      });
}

}  // namespace ijlas::agenda
