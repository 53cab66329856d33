#include "text/font_face.hpp"

#include <algorithm>
#include <stdexcept>

#include <fcntl.h>
#include <hb-ot.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ijlas::text {

FontFace::FontFace(const std::filesystem::path& path)
    : path_(path), file_name_(path.filename().string()) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat status {};
  if (fd < 0 || ::fstat(fd, &status) != 0 || status.st_size <= 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot read font file " + path.string());
  }
  size_ = static_cast<std::size_t>(status.st_size);
  void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) throw std::runtime_error("cannot read font file " + path.string());
  bytes_ = static_cast<const std::uint8_t*>(mapped);

  blob_ = hb_blob_create(reinterpret_cast<const char*>(bytes_), static_cast<unsigned>(size_),
                         HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_ = hb_face_create(blob_, 0);
  units_per_em_ = static_cast<int>(hb_face_get_upem(hb_face_));
  if (hb_face_get_glyph_count(hb_face_) == 0) {
    hb_face_destroy(hb_face_);
    hb_blob_destroy(blob_);
    ::munmap(const_cast<std::uint8_t*>(bytes_), size_);
    throw std::runtime_error("not a usable font: " + path.string());
  }
  color_ = hb_ot_color_has_png(hb_face_);
  hb_font_ = hb_font_create(hb_face_);
  // Shaping at the font's own units: the result scales to every pixel size without reshaping.
  hb_font_set_scale(hb_font_, units_per_em_, units_per_em_);

  hb_font_extents_t extents{};
  hb_font_get_h_extents(hb_font_, &extents);
  ascender_ = static_cast<float>(extents.ascender);
  descender_ = static_cast<float>(extents.descender);
  line_gap_ = static_cast<float>(extents.line_gap);

  const unsigned glyphs = hb_face_get_glyph_count(hb_face_);
  extents_.resize(glyphs);
  extents_known_.resize(glyphs, false);
}

FontFace::~FontFace() {
  hb_font_destroy(hb_font_);
  hb_face_destroy(hb_face_);
  hb_blob_destroy(blob_);
  ::munmap(const_cast<std::uint8_t*>(bytes_), size_);
}

bool FontFace::covers(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(hb_font_, code_point, &glyph) && glyph != 0;
}

void FontFace::measure_strut(std::u32string_view letters) {
  strut_ascent_ = strut_descent_ = 0;
  for (const char32_t letter : letters) {
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(hb_font_, letter, &glyph)) continue;
    const GlyphExtents& e = extents(glyph);
    strut_ascent_ = std::max(strut_ascent_, e.y_max);
    strut_descent_ = std::max(strut_descent_, -e.y_min);
  }
}

const GlyphExtents& FontFace::extents(std::uint32_t glyph_id) const {
  static const GlyphExtents kNone;
  if (glyph_id >= extents_.size()) return kNone;
  if (!extents_known_[glyph_id]) {
    hb_glyph_extents_t hb{};
    GlyphExtents& e = extents_[glyph_id];
    if (hb_font_get_glyph_extents(hb_font_, glyph_id, &hb)) {
      // HarfBuzz gives the top-left corner and a downward height.
      e.x_min = static_cast<float>(hb.x_bearing);
      e.x_max = static_cast<float>(hb.x_bearing + hb.width);
      e.y_max = static_cast<float>(hb.y_bearing);
      e.y_min = static_cast<float>(hb.y_bearing + hb.height);
    }
    extents_known_[glyph_id] = true;
  }
  return extents_[glyph_id];
}

}  // namespace ijlas::text
