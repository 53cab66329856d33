// The VenueFormat of a venue's clock: times and dates in its zone, through live::VenueTime (ICU).
#pragma once

#include <memory>

#include "live/venue_time.hpp"
#include "ui/screen_context.hpp"

namespace ijlas::ui {

// The formatter is shared by the returned functions and lives as long as they do.
VenueFormat venue_format(const std::shared_ptr<const live::VenueTime>& venue);

}  // namespace ijlas::ui
