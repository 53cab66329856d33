#include "platform/photo_decoder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <utility>

#include "core/diagnostic.hpp"

namespace ijlas::platform {

float circle_coverage(int x, int y, float cx, float cy, float radius) {
  const float d = std::hypot(static_cast<float>(x) + 0.5f - cx, static_cast<float>(y) + 0.5f - cy);
  return std::clamp(radius - d + 0.5f, 0.0f, 1.0f);
}

std::size_t PhotoRequestHash::operator()(const PhotoRequest& request) const {
  std::size_t hash = std::hash<std::string>()(request.path);
  hash = hash * 31 + static_cast<std::size_t>(request.width);
  hash = hash * 31 + static_cast<std::size_t>(request.height);
  return hash * 2 + (request.circle ? 1 : 0);
}

PhotoDecoder::PhotoDecoder(PhotoLoading loading) : loading_(std::move(loading)) {
  failed_.insert(loading_.refused.begin(), loading_.refused.end());
}

PhotoDecoder::~PhotoDecoder() {
  // Stopped from outside while decoding: the photo is not to blame.
  if (running_ && loading_.record) loading_.record->end();
  running_.reset();
}

void PhotoDecoder::ask(const PhotoRequest& request) {
  if (loading_.executable.empty() || failed(request.path)) return;
  if ((running_ && running_request_ == request) ||
      std::find(queue_.begin(), queue_.end(), request) != queue_.end())
    return;
  queue_.push_back(request);
  advance();
}

std::vector<DecodedPhoto> PhotoDecoder::take_decoded() {
  advance();
  return std::exchange(ready_, {});
}

void PhotoDecoder::wait_until_idle() {
  while (busy()) {
    if (running_) running_->wait();
    advance();
  }
}

void PhotoDecoder::advance() {
  if (running_ && running_->finished()) {
    running_->wait();
    running_.reset();
    if (loading_.record) loading_.record->end();
    const PhotoRequest& request = running_request_;
    std::string why = outcome_.failure;
    const std::string& answer = outcome_.answer;
    const std::size_t line = answer.find('\n');
    const std::size_t bytes = static_cast<std::size_t>(request.width) * request.height * 4;
    if (why.empty() && answer.starts_with(kPhotoRefusal) && line != std::string::npos) {
      why = answer.substr(kPhotoRefusal.size(), line - kPhotoRefusal.size());
    } else if (why.empty()) {
      const std::string expected = std::string(kPhotoAnswer) + std::to_string(request.width) + " " +
                                   std::to_string(request.height) + "\n";
      if (answer.size() != expected.size() + bytes || !answer.starts_with(expected)) {
        why = "the decoder gave an answer that cannot be used: refused";
      } else {
        DecodedPhoto photo{request, std::vector<std::uint32_t>(bytes / 4)};
        std::memcpy(photo.pixels.data(), answer.data() + expected.size(), bytes);
        ready_.push_back(std::move(photo));
      }
    }
    if (!why.empty() && failed_.insert(request.path).second)
      std::fprintf(stderr, "ijlas: cannot show the photo %s: %s\n", quoted(request.path).c_str(),
                   why.c_str());
    outcome_ = {};
  }
  while (!running_ && !queue_.empty()) {
    running_request_ = queue_.front();
    queue_.pop_front();
    if (failed(running_request_.path)) continue;
    const PhotoRequest& request = running_request_;
    std::vector<std::string> argv = {loading_.executable,
                                     kPhotoDecoderMode,
                                     request.path,
                                     std::to_string(request.width),
                                     std::to_string(request.height),
                                     request.circle ? "1" : "0"};
    for (const std::filesystem::path& folder : loading_.folders)
      argv.push_back(folder.string());
    if (loading_.record) loading_.record->begin(request.path);
    ++decodes_;
    const std::size_t answer_bytes =
        64 + static_cast<std::size_t>(request.width) * request.height * 4;
    running_ = std::make_unique<live::LimitedChild>(
        argv, std::string_view(), loading_.limits, answer_bytes,
        live::ChildRole{"decoder", "decode"},
        [this](live::ChildOutcome outcome) { outcome_ = std::move(outcome); });
  }
}

}  // namespace ijlas::platform
