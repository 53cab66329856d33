#include "live/http_transfer.hpp"

#include <curl/curl.h>

#include <cctype>
#include <string_view>

#include "agenda/load_result.hpp"
#include "core/utf8.hpp"

#ifndef IJLAS_VERSION
#define IJLAS_VERSION "dev"
#endif

namespace ijlas::live {
namespace {

struct Transfer {
  std::string body;
  std::string etag;
  std::string last_modified;
  bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  if (transfer->body.size() + bytes > agenda::kMaxAgendaFileBytes) {
    transfer->too_large = true;
    return 0;  // aborts the transfer
  }
  transfer->body.append(data, bytes);
  return bytes;
}

using utf8::trimmed;

bool header_is(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
  }
  return true;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after a redirect): forget the last one's
    transfer->etag.clear();
    transfer->last_modified.clear();
  } else if (header_is(line, "etag")) {
    transfer->etag = trimmed(line.substr(5));
  } else if (header_is(line, "last-modified")) {
    transfer->last_modified = trimmed(line.substr(14));
  }
  return size * count;
}

}  // namespace

FetchResult http_get(const HttpGet& request) {
  curl_global_init(CURL_GLOBAL_DEFAULT);  // once: the child makes one transfer
  FetchResult result;
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    result.error = "libcurl could not start a transfer";
    return result;
  }
  Transfer transfer;
  curl_slist* headers = nullptr;
  if (!request.if_none_match.empty()) {
    headers = curl_slist_append(headers, ("If-None-Match: " + request.if_none_match).c_str());
  }
  if (!request.if_modified_since.empty()) {
    headers =
        curl_slist_append(headers, ("If-Modified-Since: " + request.if_modified_since).c_str());
  }
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "ijlas/" IJLAS_VERSION);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);

  const CURLcode code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.http_status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);

  if (code != CURLE_OK) {
    result.error = transfer.too_large ? "the answer is larger than 64 MiB"
                   : error[0]         ? std::string(error)
                                      : std::string(curl_easy_strerror(code));
    return result;
  }
  if (result.http_status == 304) {
    result.kind = FetchResult::Kind::kNotModified;
  } else if (result.http_status >= 200 && result.http_status < 300) {
    result.kind = FetchResult::Kind::kChanged;
    result.body = std::move(transfer.body);
    result.etag = std::move(transfer.etag);
    result.last_modified = std::move(transfer.last_modified);
  } else {
    result.error = "the server answered HTTP " + std::to_string(result.http_status);
  }
  return result;
}

}  // namespace ijlas::live
