// frab, pretalx and Indico abstracts are HTML; the kiosk shows plain paragraphs.
#pragma once

#include <string>
#include <string_view>

namespace ijlas::agenda {

// Read by libxml2's HTML parser (no network, no messages): the text of every node but
// <script> and <style>, with <p>, <br>, <li> and other block boundaries as line breaks, every
// HTML character reference decoded, and runs of spaces collapsed. Linear in the input. Text
// without '<' or '&' comes back unchanged.
std::string html_to_text(std::string_view html);

}  // namespace ijlas::agenda
