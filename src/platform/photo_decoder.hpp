// Speaker photos are decoded off the drawing loop, by a disposable child process under limits
// (live/limited_child.hpp): the reader program in its decoding mode (`ijlas-read --decode-photo
// PATH WIDTH HEIGHT CIRCLE FOLDER…`, photo_decoding.hpp) checks and opens the file itself
// (photo_file.hpp), decodes it with SDL2_image and answers with the photo prepared for its box:
// cover-cropped, scaled down and cut to a circle, so that what comes back is a box of pixels, never
// a whole bitmap. The kiosk asks for a photo while drawing, shows its placeholder until the pixels
// are there, and remembers a photo that failed (too big, too slow, crashed, outside its folders)
// for the rest of the run.
//
// One photo is decoded at a time; what is being decoded is recorded like agenda files
// (live/input_quarantine.hpp), so that a kiosk that dies meanwhile sets that photo aside.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "live/input_quarantine.hpp"
#include "live/limited_child.hpp"

namespace ijlas::platform {

inline constexpr const char* kPhotoDecoderMode = "--decode-photo";
// The decoder's answer: "ijlas-photo WIDTH HEIGHT\n" and the pixels, or "refused WHY\n".
inline constexpr std::string_view kPhotoAnswer = "ijlas-photo ";
inline constexpr std::string_view kPhotoRefusal = "refused ";

struct PhotoLoading {
  // The program started in its decoding mode (live::reader_program()); empty: no photo is
  // decoded and every placeholder stays (thumbnails, tests of drawing).
  std::string executable;
  std::vector<std::filesystem::path> folders;   // the only folders photos are read from
  live::ReaderLimits limits{256, 5, 10'000};    // MiB, processor seconds, wall-clock ms
  std::optional<live::InputQuarantine> record;  // the photo being decoded, for the next start
  std::vector<std::string> refused;             // photos not to be decoded (set aside at start)
};

struct PhotoRequest {
  std::string path;
  int width = 0, height = 0;  // the box, in pixels
  bool circle = false;
  bool operator==(const PhotoRequest&) const = default;
};

struct PhotoRequestHash {
  std::size_t operator()(const PhotoRequest& request) const;
};

struct DecodedPhoto {
  PhotoRequest request;
  std::vector<std::uint32_t> pixels;  // ARGB8888, width × height, top row first
};

class PhotoDecoder {
 public:
  explicit PhotoDecoder(PhotoLoading loading);
  ~PhotoDecoder();  // a decoder still running is killed; its record cleared
  PhotoDecoder(const PhotoDecoder&) = delete;
  PhotoDecoder& operator=(const PhotoDecoder&) = delete;

  // Queues `request` unless it is queued, being decoded, or its file failed before.
  void ask(const PhotoRequest& request);
  bool failed(const std::string& path) const { return failed_.contains(path); }
  // The photos decoded since the last call; the next one is started. A failure is named on
  // standard error once, with its file, and remembered.
  std::vector<DecodedPhoto> take_decoded();
  bool busy() const { return running_ != nullptr || !queue_.empty(); }
  bool has_decoded() const { return !ready_.empty() || (running_ && running_->finished()); }
  // Blocks until every photo asked for is decoded or failed (each within its deadline): shots.
  void wait_until_idle();
  std::uint64_t decodes() const { return decodes_; }  // children started

 private:
  void advance();  // takes in a finished decode, starts the next

  PhotoLoading loading_;
  std::deque<PhotoRequest> queue_;
  std::unique_ptr<live::LimitedChild> running_;
  PhotoRequest running_request_;
  live::ChildOutcome outcome_;  // set by the child's waiting thread, before finished()
  std::vector<DecodedPhoto> ready_;
  std::unordered_set<std::string> failed_;
  std::uint64_t decodes_ = 0;
};

// How much of the pixel at (x, y) a circle covers, with one pixel of soft edge: photos and the
// renderer's discs alike.
float circle_coverage(int x, int y, float cx, float cy, float radius);

}  // namespace ijlas::platform
