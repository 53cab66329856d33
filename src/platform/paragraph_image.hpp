// One paragraph drawn on its own picture, sized to its ink plus a margin: what
// `ijlas-text render` writes and what the reference-image tests compare.
#pragma once

#include "platform/image_buffer.hpp"
#include "text/typesetter.hpp"

namespace ijlas::platform {

ImageBuffer render_paragraph(text::Typesetter& typesetter, const text::ParagraphLayout& layout,
                             int margin, text::Color ink, text::Color background);

}  // namespace ijlas::platform
