#ifndef VMTUI_CCURL_H
#define VMTUI_CCURL_H
#include <curl/curl.h>

// libcurl is opened with dlopen, not linked: with its thirty-odd libraries it cost 8 ms of
// every start and 10 MB, which `vmtui --version`, the spool backend and --help never need,
// and a screen that talks HTTP loads it on a thread of its own while it starts.
// Returns NULL once libcurl is loaded and initialised, else why not (one line, static).
// Safe to call from any thread, any number of times; only the first call does the work.
const char *ccurl_load(void);

// These call into the loaded libcurl; call them only after ccurl_load returned NULL.
CURL *ccurl_easy_init(void);
void ccurl_easy_cleanup(CURL *handle);
void ccurl_easy_reset(CURL *handle);
CURLcode ccurl_easy_perform(CURL *handle);
const char *ccurl_easy_strerror(CURLcode code);
struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *line);
void ccurl_slist_free_all(struct curl_slist *list);

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
// One non-variadic wrapper per argument type.
CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_setopt_write_callback(CURL *handle, curl_write_callback callback);
CURLcode ccurl_setopt_header_callback(CURL *handle, curl_write_callback callback);
CURLcode ccurl_setopt_read_callback(CURL *handle, curl_read_callback callback);
CURLcode ccurl_setopt_progress_callback(CURL *handle, curl_xferinfo_callback callback);
CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode ccurl_getinfo_string(CURL *handle, CURLINFO info, char **value);

#endif
