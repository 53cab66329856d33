#include "platform/display_power.hpp"

#include <SDL_syswm.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace ijlas::platform {
namespace {

bool exists(const std::string& path) {
  std::error_code error;
  return !path.empty() && std::filesystem::exists(path, error);
}

// The connector's "DPMS" property id, 0 when it has none.
std::uint32_t dpms_property(int fd, std::uint32_t connector_id) {
  drmModeObjectProperties* properties =
      drmModeObjectGetProperties(fd, connector_id, DRM_MODE_OBJECT_CONNECTOR);
  if (!properties) return 0;
  std::uint32_t found = 0;
  for (std::uint32_t i = 0; i < properties->count_props && !found; ++i) {
    drmModePropertyRes* property = drmModeGetProperty(fd, properties->props[i]);
    if (property && std::strcmp(property->name, "DPMS") == 0) found = property->prop_id;
    drmModeFreeProperty(property);
  }
  drmModeFreeObjectProperties(properties);
  return found;
}

}  // namespace

DisplayPower DisplayPower::for_window(SDL_Window* window, std::string cec_ctl) {
  int fd = -1;
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (window && SDL_GetWindowWMInfo(window, &info) == SDL_TRUE &&
      info.subsystem == SDL_SYSWM_KMSDRM) {
    fd = info.info.kmsdrm.drm_fd;
  }
  return DisplayPower(fd, std::move(cec_ctl), "/dev/cec0");
}

DisplayPower::DisplayPower(int drm_fd, std::string cec_ctl, std::string cec_device)
    : drm_fd_(drm_fd), cec_ctl_(std::move(cec_ctl)), cec_device_(std::move(cec_device)) {}

bool DisplayPower::set_on(bool on, std::string& error) {
  // The TV wakes before the picture comes back, and sleeps after it went dark.
  if (on) run_cec(true, error);
  const bool switched = drm_fd_ >= 0 && set_dpms(on, error);
  if (drm_fd_ < 0) error = "no DRM connection (not KMSDRM): showing a black frame instead";
  if (!on) run_cec(false, error);
  return switched;
}

bool DisplayPower::set_dpms(bool on, std::string& error) {
  drmModeRes* resources = drmModeGetResources(drm_fd_);
  if (!resources) {
    error = std::string("DPMS: cannot read the display card: ") + std::strerror(errno);
    return false;
  }
  int switched = 0;
  for (int i = 0; i < resources->count_connectors; ++i) {
    drmModeConnector* connector = drmModeGetConnector(drm_fd_, resources->connectors[i]);
    if (!connector) continue;
    const bool connected = connector->connection == DRM_MODE_CONNECTED;
    const std::uint32_t id = connector->connector_id;
    drmModeFreeConnector(connector);
    if (!connected) continue;
    const std::uint32_t property = dpms_property(drm_fd_, id);
    if (property == 0) continue;
    if (drmModeConnectorSetProperty(drm_fd_, id, property,
                                    on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) == 0) {
      ++switched;
    } else {
      error = std::string("DPMS: ") + std::strerror(errno);
    }
  }
  drmModeFreeResources(resources);
  if (switched == 0 && error.empty()) error = "DPMS: no connected screen takes DPMS";
  return switched > 0;
}

std::vector<std::string> DisplayPower::cec_command(bool on) const {
  if (cec_ctl_.empty() || cec_device_.empty()) return {};
  // --playback: present ourselves as a player; --to 0: the TV; then wake it or send it to sleep.
  return {
      cec_ctl_, "-d", cec_device_, "--playback", "--to", "0", on ? "--image-view-on" : "--standby"};
}

void DisplayPower::run_cec(bool on, std::string& error) const {
  const std::vector<std::string> command = cec_command(on);
  if (command.empty() || !exists(cec_ctl_) || !exists(cec_device_)) return;
  std::vector<char*> argv;
  argv.reserve(command.size() + 1);
  for (const std::string& word : command)
    argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  pid_t child = 0;
  if (posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
    error = "cec-ctl did not start";
    return;
  }
  int status = 0;
  if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = "cec-ctl failed (is the TV's HDMI-CEC switched on?)";
  }
}

}  // namespace ijlas::platform
