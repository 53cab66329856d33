// libFuzzer target: the workbook readers (.xlsx, .ods). A zip input ("PK…") is read as the file
// it is; any other input is taken as the XML of a workbook's sheet and packed into a workbook
// here first, since a mutated zip mostly fails its checksum before any XML is parsed.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agenda/agenda_loader.hpp"

namespace {

constexpr std::string_view kWorkbook =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Programme\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
constexpr std::string_view kRelationships =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
constexpr std::string_view kSharedStrings =
    "<sst><si><t>Date</t></si><si><t>Start</t></si><si><t>End</t></si><si><t>Room</t></si>"
    "<si><t>Title</t></si><si><r><t>Hall</t></r></si><si><t>Talk</t></si></sst>";
constexpr std::string_view kStyles =
    "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"[h]:mm\"/></numFmts><cellXfs>"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"20\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"22\"/></cellXfs></styleSheet>";

// A stored (uncompressed) zip of the members, written by libzip into memory.
std::string zip_of(const std::vector<std::pair<const char*, std::string_view>>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  std::string bytes;
  if (!buffer) return bytes;
  zip_source_keep(buffer);
  if (zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error)) {
    for (const auto& [name, data] : members) {
      zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
      const zip_int64_t index = source ? zip_file_add(archive, name, source, 0) : -1;
      if (index < 0) {
        zip_source_free(source);
        continue;
      }
      zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(archive) != 0) zip_discard(archive);
  }
  if (zip_source_open(buffer) == 0) {
    char chunk[1 << 14];
    zip_int64_t got = 0;
    while ((got = zip_source_read(buffer, chunk, sizeof chunk)) > 0)
      bytes.append(chunk, static_cast<std::size_t>(got));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string workbook;
  if (bytes.substr(0, 2) == "PK") {
    workbook = std::string(bytes);
  } else if (bytes.find("office:") != std::string_view::npos) {
    workbook = zip_of(
        {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", bytes}});
  } else {
    workbook = zip_of({{"[Content_Types].xml", "<Types/>"},
                       {"xl/workbook.xml", kWorkbook},
                       {"xl/_rels/workbook.xml.rels", kRelationships},
                       {"xl/sharedStrings.xml", kSharedStrings},
                       {"xl/styles.xml", kStyles},
                       {"xl/worksheets/sheet1.xml", bytes}});
  }
  const ijlas::agenda::LoadResult result = ijlas::agenda::load_agenda_bytes("fuzz", workbook);
  if (result.ok() != (result.agenda != nullptr)) __builtin_trap();
  return 0;
}
