/*
 * http_internal: what http_server.c and http_client.c share — the
 * functions of libmicrohttpd and libcurl they call, loaded at run time
 * (http_lib.c) the first time a server or client is made.
 *
 * Why not linked: both libraries pull in TLS stacks whose constructors
 * run at start-up (GnuTLS for libmicrohttpd, OpenSSL for libcurl) and
 * about thirty other libraries, which made every smsdesk process — a desk
 * on one modem, `smsdesk check` — 6 to 7 MiB larger. Only a daemon with a
 * Kannel bearer pays for them now. The headers still give every type and
 * constant, and each pointer has the type of the function it stands for.
 */
#ifndef SMSDESK_HTTP_INTERNAL_H
#define SMSDESK_HTTP_INTERNAL_H

/* curl's type-checking wrappers are macros named like the functions: they
 * would swallow the calls through the pointers below. */
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <microhttpd.h>

#include <stddef.h>

#define HTTP_MHD_FUNCS(X)                                                      \
	X(MHD_start_daemon)                                                    \
	X(MHD_stop_daemon)                                                     \
	X(MHD_get_daemon_info)                                                 \
	X(MHD_get_timeout)                                                     \
	X(MHD_run)                                                             \
	X(MHD_is_feature_supported)                                            \
	X(MHD_create_response_from_buffer)                                     \
	X(MHD_add_response_header)                                             \
	X(MHD_queue_response)                                                  \
	X(MHD_destroy_response)                                                \
	X(MHD_lookup_connection_value)                                         \
	X(MHD_basic_auth_get_username_password)                                \
	X(MHD_get_connection_info)                                             \
	X(MHD_free)

#define HTTP_CURL_FUNCS(X)                                                     \
	X(curl_global_init)                                                    \
	X(curl_easy_init)                                                      \
	X(curl_easy_setopt)                                                    \
	X(curl_easy_getinfo)                                                   \
	X(curl_easy_cleanup)                                                   \
	X(curl_easy_strerror)                                                  \
	X(curl_multi_init)                                                     \
	X(curl_multi_setopt)                                                   \
	X(curl_multi_add_handle)                                               \
	X(curl_multi_remove_handle)                                            \
	X(curl_multi_socket_action)                                            \
	X(curl_multi_info_read)                                                \
	X(curl_multi_cleanup)

#define HTTP_LIB_FIELD(f) __typeof__(&f) f;

struct http_lib {
	HTTP_MHD_FUNCS(HTTP_LIB_FIELD)
	HTTP_CURL_FUNCS(HTTP_LIB_FIELD)
};

/* Filled by http_lib_load; read only after it returned 0. */
extern struct http_lib http_lib;

/*
 * Load both libraries and every function above, once per process (later
 * calls return at once). 0, or -1 with a sentence in err naming the
 * Debian packages to install.
 */
int http_lib_load(char *err, size_t errlen);

#endif
