// libmosquitto, loaded on first use rather than linked: it brings OpenSSL, whose loading alone
// would cost every kiosk, venue or not, a tenth of its first frame. The functions are those of
// <mosquitto.h>, by the same names without their prefix (`create` for mosquitto_new).
#pragma once

#include <mosquitto.h>

#include <string>

namespace ijlas::venue {

struct MosquittoLibrary {
  std::string error;  // why the library could not be loaded; the functions are then null
  decltype(&::mosquitto_lib_init) lib_init = nullptr;
  decltype(&::mosquitto_new) create = nullptr;
  decltype(&::mosquitto_int_option) int_option = nullptr;
  decltype(&::mosquitto_connect_v5_callback_set) connect_v5_callback_set = nullptr;
  decltype(&::mosquitto_publish_v5_callback_set) publish_v5_callback_set = nullptr;
  decltype(&::mosquitto_message_v5_callback_set) message_v5_callback_set = nullptr;
  decltype(&::mosquitto_disconnect_callback_set) disconnect_callback_set = nullptr;
  decltype(&::mosquitto_property_read_string_pair) property_read_string_pair = nullptr;
  decltype(&::mosquitto_username_pw_set) username_pw_set = nullptr;
  decltype(&::mosquitto_tls_set) tls_set = nullptr;
  decltype(&::mosquitto_disconnect) disconnect = nullptr;
  decltype(&::mosquitto_disconnect_v5) disconnect_v5 = nullptr;
  decltype(&::mosquitto_loop) loop = nullptr;
  decltype(&::mosquitto_destroy) destroy = nullptr;
  decltype(&::mosquitto_strerror) strerror = nullptr;
  decltype(&::mosquitto_reason_string) reason_string = nullptr;
  decltype(&::mosquitto_connect) connect = nullptr;
  decltype(&::mosquitto_connect_async) connect_async = nullptr;
  decltype(&::mosquitto_property_add_string_pair) property_add_string_pair = nullptr;
  decltype(&::mosquitto_publish_v5) publish_v5 = nullptr;
  decltype(&::mosquitto_property_free_all) property_free_all = nullptr;
  decltype(&::mosquitto_subscribe_v5) subscribe_v5 = nullptr;
  decltype(&::mosquitto_unsubscribe) unsubscribe = nullptr;
  decltype(&::mosquitto_will_set_v5) will_set_v5 = nullptr;
  decltype(&::mosquitto_loop_start) loop_start = nullptr;
  decltype(&::mosquitto_loop_stop) loop_stop = nullptr;
  decltype(&::mosquitto_reconnect_delay_set) reconnect_delay_set = nullptr;
};

// The library, loaded and initialized (mosquitto_lib_init) once, on the first call.
const MosquittoLibrary& libmosquitto();

}  // namespace ijlas::venue
