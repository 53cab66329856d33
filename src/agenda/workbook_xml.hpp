// One XML member of a workbook (.xlsx sheet, shared strings, styles; .ods content.xml), streamed
// with libxml2's reader: no entity expansion, no DTD, no network, and libxml2's own messages
// caught and kept for an ijlas diagnostic instead of being printed.
#pragma once

#include <libxml/xmlreader.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ijlas::agenda {

class WorkbookXml {
 public:
  explicit WorkbookXml(std::string_view bytes);
  WorkbookXml(const WorkbookXml&) = delete;
  WorkbookXml& operator=(const WorkbookXml&) = delete;

  bool next();  // false at the end or at the first error
  bool is_start(std::string_view local_name) const;
  bool is_end(std::string_view local_name) const;  // also true for an empty element's start
  bool is_text() const;                            // text, CDATA or significant white space
  int depth() const;
  std::string value() const;  // of a text node
  // An attribute by local name, in `ns` (namespace URI) or without a namespace.
  std::optional<std::string> attribute(const char* local_name, const char* ns = nullptr) const;

  // "line 12: Opening and ending tag mismatch" after next() failed on malformed XML.
  const std::optional<std::string>& error() const { return error_; }

 private:
  static void on_error(void* self, xmlErrorPtr error);
  struct ReaderDeleter {
    void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
  };
  std::unique_ptr<xmlTextReader, ReaderDeleter> reader_;
  std::optional<std::string> error_;
};

}  // namespace ijlas::agenda
