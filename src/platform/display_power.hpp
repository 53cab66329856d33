// Turning the screen dark at night and back on, by the program itself: DPMS on the DRM connection
// SDL's KMSDRM driver already holds (it is the DRM master; a second opener could not switch the
// screen), and, where cec-ctl is installed, standby and wake-up for a TV over HDMI-CEC. When DPMS
// is impossible (no KMSDRM: a desktop, the dummy driver) the caller draws a black frame instead.
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

namespace ijlas::platform {

class DisplayPower {
 public:
  enum class Method {
    kDpms,        // the connectors' DPMS property on SDL's DRM descriptor
    kBlackFrame,  // nothing to switch: the caller shows a black frame and stops drawing
  };

  // The DRM descriptor comes from SDL_GetWindowWMInfo (SDL_SYSWM_KMSDRM: info.kmsdrm.drm_fd, SDL
  // 2.26's SDL_syswm.h); any other video driver gives kBlackFrame. `cec_ctl` is the program run
  // for HDMI-CEC ("" to never use CEC); it is used only when it exists and /dev/cec0 does.
  static DisplayPower for_window(SDL_Window* window, std::string cec_ctl = "/usr/bin/cec-ctl");
  // For tests and other callers: a descriptor of a DRM device (-1: none).
  explicit DisplayPower(int drm_fd, std::string cec_ctl = "", std::string cec_device = "");

  Method method() const { return drm_fd_ >= 0 ? Method::kDpms : Method::kBlackFrame; }
  // Switches every connected connector (and the TV, over CEC). False when DPMS did not take: the
  // caller falls back to a black frame. `error` says why, for the log.
  bool set_on(bool on, std::string& error);

  // The cec-ctl command line for standby (off) or wake-up (on); empty when CEC is not used.
  std::vector<std::string> cec_command(bool on) const;

 private:
  bool set_dpms(bool on, std::string& error);
  void run_cec(bool on, std::string& error) const;

  int drm_fd_ = -1;  // owned by SDL
  std::string cec_ctl_;
  std::string cec_device_;
};

}  // namespace ijlas::platform
