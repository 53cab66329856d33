#include "venue/mosquitto_library.hpp"

#include <dlfcn.h>

namespace ijlas::venue {
namespace {

// Debian's libmosquitto1, the package the board's image and tools/dev install.
constexpr const char* kLibraryName = "libmosquitto.so.1";

template <typename Function>
void bind(void* library, const char* name, Function& function, std::string& error) {
  function = reinterpret_cast<Function>(::dlsym(library, name));
  if (function == nullptr && error.empty())
    error = std::string("cannot use ") + kLibraryName + ": it has no " + name;
}

MosquittoLibrary load() {
  MosquittoLibrary calls;
  // Never unloaded: its network threads may outlive any one client.
  void* library = ::dlopen(kLibraryName, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = ::dlerror();
    calls.error = std::string("cannot load ") + kLibraryName + ": " +
                  (why ? why : "unknown error") + " (is the package libmosquitto1 installed?)";
    return calls;
  }
  bind(library, "mosquitto_lib_init", calls.lib_init, calls.error);
  bind(library, "mosquitto_new", calls.create, calls.error);
  bind(library, "mosquitto_int_option", calls.int_option, calls.error);
  bind(library, "mosquitto_connect_v5_callback_set", calls.connect_v5_callback_set, calls.error);
  bind(library, "mosquitto_publish_v5_callback_set", calls.publish_v5_callback_set, calls.error);
  bind(library, "mosquitto_message_v5_callback_set", calls.message_v5_callback_set, calls.error);
  bind(library, "mosquitto_disconnect_callback_set", calls.disconnect_callback_set, calls.error);
  bind(library, "mosquitto_property_read_string_pair", calls.property_read_string_pair,
       calls.error);
  bind(library, "mosquitto_username_pw_set", calls.username_pw_set, calls.error);
  bind(library, "mosquitto_tls_set", calls.tls_set, calls.error);
  bind(library, "mosquitto_disconnect", calls.disconnect, calls.error);
  bind(library, "mosquitto_disconnect_v5", calls.disconnect_v5, calls.error);
  bind(library, "mosquitto_loop", calls.loop, calls.error);
  bind(library, "mosquitto_destroy", calls.destroy, calls.error);
  bind(library, "mosquitto_strerror", calls.strerror, calls.error);
  bind(library, "mosquitto_reason_string", calls.reason_string, calls.error);
  bind(library, "mosquitto_connect", calls.connect, calls.error);
  bind(library, "mosquitto_connect_async", calls.connect_async, calls.error);
  bind(library, "mosquitto_property_add_string_pair", calls.property_add_string_pair, calls.error);
  bind(library, "mosquitto_publish_v5", calls.publish_v5, calls.error);
  bind(library, "mosquitto_property_free_all", calls.property_free_all, calls.error);
  bind(library, "mosquitto_subscribe_v5", calls.subscribe_v5, calls.error);
  bind(library, "mosquitto_unsubscribe", calls.unsubscribe, calls.error);
  bind(library, "mosquitto_will_set_v5", calls.will_set_v5, calls.error);
  bind(library, "mosquitto_loop_start", calls.loop_start, calls.error);
  bind(library, "mosquitto_loop_stop", calls.loop_stop, calls.error);
  bind(library, "mosquitto_reconnect_delay_set", calls.reconnect_delay_set, calls.error);
  if (!calls.error.empty()) return MosquittoLibrary{calls.error};
  calls.lib_init();
  return calls;
}

}  // namespace

const MosquittoLibrary& libmosquitto() {
  static const MosquittoLibrary calls = load();  // thread-safe, before any thread of ours
  return calls;
}

}  // namespace ijlas::venue
