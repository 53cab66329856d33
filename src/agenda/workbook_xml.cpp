#include "agenda/workbook_xml.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <mutex>

#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

// libxml2 prints some faults (encoding conversion, I/O) through its generic handler, outside
// the reader's own: those reach the reader's error as well, so the print is dropped.
void drop_generic_message(void*, const char*, ...) {}

}  // namespace

WorkbookXml::WorkbookXml(std::string_view bytes) {
  static std::once_flag initialized;
  std::call_once(initialized, [] { xmlInitParser(); });
  xmlSetGenericErrorFunc(nullptr, &drop_generic_message);  // per thread in libxml2
  // NONET: never fetch; no NOENT/DTDLOAD: entities stay unexpanded, DTDs unread.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                      XML_PARSE_COMPACT | XML_PARSE_BIG_LINES;
  reader_.reset(
      xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, options));
  if (reader_) {
    xmlTextReaderSetStructuredErrorHandler(reader_.get(), &WorkbookXml::on_error, this);
  } else {
    error_ = "the XML parser could not be started";
  }
}

void WorkbookXml::on_error(void* self, xmlErrorPtr error) {
  auto* xml = static_cast<WorkbookXml*>(self);
  if (xml->error_ || error == nullptr || error->level < XML_ERR_ERROR) return;
  std::string message = utf8::trimmed(error->message ? error->message : "malformed XML");
  xml->error_ = "line " + std::to_string(error->line) + ": " + message;
}

bool WorkbookXml::next() {
  if (!reader_ || error_) return false;
  const int status = xmlTextReaderRead(reader_.get());
  if (status < 0 && !error_) error_ = "malformed XML";
  return status == 1 && !error_;
}

bool WorkbookXml::is_start(std::string_view local_name) const {
  if (xmlTextReaderNodeType(reader_.get()) != XML_READER_TYPE_ELEMENT) return false;
  const xmlChar* name = xmlTextReaderConstLocalName(reader_.get());
  return name && local_name == reinterpret_cast<const char*>(name);
}

bool WorkbookXml::is_end(std::string_view local_name) const {
  const int type = xmlTextReaderNodeType(reader_.get());
  const bool ends = type == XML_READER_TYPE_END_ELEMENT ||
                    (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(reader_.get()));
  if (!ends) return false;
  const xmlChar* name = xmlTextReaderConstLocalName(reader_.get());
  return name && local_name == reinterpret_cast<const char*>(name);
}

bool WorkbookXml::is_text() const {
  const int type = xmlTextReaderNodeType(reader_.get());
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

int WorkbookXml::depth() const {
  return xmlTextReaderDepth(reader_.get());
}

std::string WorkbookXml::value() const {
  const xmlChar* text = xmlTextReaderConstValue(reader_.get());
  return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
}

std::optional<std::string> WorkbookXml::attribute(const char* local_name, const char* ns) const {
  xmlChar* value =
      ns ? xmlTextReaderGetAttributeNs(reader_.get(), reinterpret_cast<const xmlChar*>(local_name),
                                       reinterpret_cast<const xmlChar*>(ns))
         : xmlTextReaderGetAttribute(reader_.get(), reinterpret_cast<const xmlChar*>(local_name));
  if (!value) return std::nullopt;
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

}  // namespace ijlas::agenda
