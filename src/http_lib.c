/*
 * http_lib: libmicrohttpd and libcurl, loaded with dlopen() when the http
 * module is first used (http_internal.h says why).
 */
#include "http_internal.h"

#include <dlfcn.h>
#include <stdio.h>

struct http_lib http_lib;

static int loaded;

/* The soname Debian 12's runtime package installs, then the development
 * link, for a build against another version. */
static void *open_lib(const char *soname, const char *devname)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);

	return h != NULL ? h : dlopen(devname, RTLD_NOW | RTLD_LOCAL);
}

int http_lib_load(char *err, size_t errlen)
{
	void *mhd, *curl;
	const char *missing = NULL;

	if (loaded)
		return 0;
	mhd = open_lib("libmicrohttpd.so.12", "libmicrohttpd.so");
	curl = open_lib("libcurl.so.4", "libcurl.so");
	if (mhd == NULL || curl == NULL) {
		snprintf(err, errlen,
			 "Kannel bearers need libmicrohttpd and libcurl "
			 "(Debian: apt-get install libmicrohttpd12 libcurl4): "
			 "%s",
			 dlerror());
		return -1;
	}
	/* POSIX's way to store what dlsym returns in a function pointer. */
#define LOAD(lib, f)                                                           \
	if ((*(void **)&http_lib.f = dlsym(lib, #f)) == NULL &&                \
	    missing == NULL)                                                   \
		missing = #f;
#define LOAD_MHD(f)  LOAD(mhd, f)
#define LOAD_CURL(f) LOAD(curl, f)
	HTTP_MHD_FUNCS(LOAD_MHD)
	HTTP_CURL_FUNCS(LOAD_CURL)
#undef LOAD_CURL
#undef LOAD_MHD
#undef LOAD
	if (missing != NULL) {
		snprintf(err, errlen,
			 "this libmicrohttpd or libcurl lacks %s (too old?)",
			 missing);
		return -1;
	}
	loaded = 1;
	return 0;
}
