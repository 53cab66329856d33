// frab and pretalx abstracts are HTML; the kiosk shows plain paragraphs.
#pragma once

#include <string>
#include <string_view>

namespace ijlas::agenda {

// Drops tags, turns <p>, <br> and <li> boundaries into line breaks, decodes the common named
// and all numeric character references, and collapses runs of spaces. Text without '<' or '&'
// comes back unchanged.
std::string html_to_text(std::string_view html);

}  // namespace ijlas::agenda
