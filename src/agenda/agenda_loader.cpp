#include "agenda/agenda_loader.hpp"

#include "agenda/agenda_finishing.hpp"
#include "agenda/csv_loader.hpp"
#include "agenda/frab_schedule.hpp"
#include "agenda/ical_loader.hpp"
#include "agenda/indico_loader.hpp"
#include "agenda/json_fields.hpp"
#include "agenda/native_json_loader.hpp"
#include "agenda/opass_loader.hpp"
#include "agenda/sessionize_loader.hpp"
#include "agenda/time_zone.hpp"
#include "agenda/workbook_loader.hpp"

namespace ijlas::agenda {
namespace {

// The JSON formats read from a whole tree; the native one is read member by member, from its
// bytes (load_native_json), so that its tree never exists whole.
bool is_json_tree(AgendaFormat format) {
  return format == AgendaFormat::kFrabJson || format == AgendaFormat::kSessionize ||
         format == AgendaFormat::kIndico || format == AgendaFormat::kOpass;
}

std::optional<AgendaDraft> read_json(AgendaFormat format, const json::Value& root,
                                     const std::string& name, const TimeZone* venue_zone,
                                     DiagnosticList& diagnostics) {
  switch (format) {
    case AgendaFormat::kFrabJson:
      return load_frab_json(root, name, diagnostics, venue_zone);
    case AgendaFormat::kSessionize:
      return load_sessionize(root, name, venue_zone ? venue_zone->name() : "UTC", diagnostics);
    case AgendaFormat::kIndico:
      return load_indico(root, name, diagnostics);
    case AgendaFormat::kOpass:
      return load_opass(root, name, diagnostics);
    default:
      return std::nullopt;
  }
}

// `owned`, when given, holds `bytes`: they are freed once parsed (a JSON agenda's as soon as its
// tree is built, a native one's once its draft is).
std::optional<AgendaDraft> parse(AgendaFormat format, std::string_view bytes, std::string* owned,
                                 const std::string& name, const TimeZone* venue_zone,
                                 DiagnosticList& diagnostics) {
  if (is_json_tree(format)) {
    const std::optional<json::Value> root = parse_json_document(bytes, name, diagnostics);
    if (owned != nullptr) std::string().swap(*owned);
    if (!root) return std::nullopt;
    return read_json(format, *root, name, venue_zone, diagnostics);
  }
  std::optional<AgendaDraft> draft;
  switch (format) {
    case AgendaFormat::kNative:
      draft = load_native_json(bytes, name, diagnostics);
      break;
    case AgendaFormat::kFrabXml:
      draft = load_frab_xml(bytes, name, diagnostics, venue_zone);
      break;
    case AgendaFormat::kICal:
      draft = load_ical(bytes, name, diagnostics, venue_zone);
      break;
    case AgendaFormat::kCsv:
      draft = load_csv(bytes, name, diagnostics, venue_zone);
      break;
    case AgendaFormat::kXlsx:
      draft = load_workbook(bytes, WorkbookKind::kXlsx, name, diagnostics, venue_zone);
      break;
    case AgendaFormat::kOds:
      draft = load_workbook(bytes, WorkbookKind::kOds, name, diagnostics, venue_zone);
      break;
    default:
      break;
  }
  // The draft holds copies of all it read: the input is let go before the draft is checked and
  // frozen into the agenda, where the peak is.
  if (owned != nullptr) std::string().swap(*owned);
  return draft;
}

LoadResult load(const std::string& name, std::string_view bytes, std::string* owned,
                AgendaFormat format, const LoadOptions& options) {
  return load_draft(name, bytes.size(), format, options,
                    [&](const TimeZone* venue, DiagnosticList& diagnostics) {
                      return parse(format, bytes, owned, name, venue, diagnostics);
                    });
}

LoadResult unknown_format(const std::string& name, std::string_view bytes) {
  LoadResult result;
  result.status = LoadStatus::kInvalid;
  const std::string expected = "expected " + std::string(kReadableFormats);
  result.diagnostics.error({name, 1, 1}, bytes.empty() ? std::string("the file is empty")
                                         : looks_like_json(bytes)
                                             ? "this JSON file is none of the agenda "
                                               "formats ijlas reads: " +
                                                   expected
                                             : "this is not an agenda ijlas reads: " + expected);
  return result;
}

}  // namespace

LoadResult load_agenda_bytes(const std::string& name, std::string_view bytes, AgendaFormat format,
                             const LoadOptions& options) {
  return load(name, bytes, nullptr, format, options);
}

LoadResult load_agenda_bytes(const std::string& name, std::string_view bytes,
                             const LoadOptions& options) {
  if (bytes.size() > kMaxAgendaFileBytes) return refuse_size(name);
  const std::optional<AgendaFormat> format = detect_format(bytes);
  if (!format) return unknown_format(name, bytes);
  return load(name, bytes, nullptr, *format, options);
}

LoadResult load_agenda_taking_bytes(const std::string& name, std::string&& bytes,
                                    const LoadOptions& options) {
  std::string owned = std::move(bytes);
  if (owned.size() > kMaxAgendaFileBytes) return refuse_size(name);
  const std::optional<AgendaFormat> format = detect_format(owned);
  if (!format) return unknown_format(name, owned);
  return load(name, owned, &owned, *format, options);
}

LoadResult load_agenda_file(const std::filesystem::path& path, const LoadOptions& options) {
  return load_file_with(
      path, options, [](const std::string& name, std::string_view bytes, const LoadOptions& given) {
        return load_agenda_bytes(name, bytes, given);
      });
}

}  // namespace ijlas::agenda
