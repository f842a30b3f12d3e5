#include "ccurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// The libcurl functions vmtui uses, found in the library opened at run time.
static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    void (*easy_reset)(CURL *handle);
    CURLcode (*easy_perform)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
    void (*slist_free_all)(struct curl_slist *list);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_problem;
static char problem_text[512];

#define FIND(field, name)                                                                          \
    if (!(*(void **)&api.field = dlsym(library, name))) {                                          \
        snprintf(problem_text, sizeof problem_text, "libcurl.so.4 lacks %s: install libcurl4", name); \
        load_problem = problem_text;                                                               \
        return;                                                                                    \
    }

static void load(void) {
    // VMTUI_LIBCURL names another build of libcurl (a PBX host's own, in an odd place).
    const char *name = getenv("VMTUI_LIBCURL");
    if (!name || !*name) name = "libcurl.so.4";
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(problem_text, sizeof problem_text, "cannot load libcurl (%s): install libcurl4",
                 why ? why : name);
        load_problem = problem_text;
        return;
    }
    FIND(global_init, "curl_global_init")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(easy_reset, "curl_easy_reset")
    FIND(easy_perform, "curl_easy_perform")
    FIND(easy_strerror, "curl_easy_strerror")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_getinfo, "curl_easy_getinfo")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
    // SSL (and, on Windows, sockets): what CURL_GLOBAL_ALL asks, without naming the rest.
    if (api.global_init(CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32) != CURLE_OK) {
        load_problem = "libcurl could not initialise";
    }
}

const char *ccurl_load(void) {
    pthread_once(&load_once, load);
    return load_problem;
}

CURL *ccurl_easy_init(void) { return api.easy_init(); }
void ccurl_easy_cleanup(CURL *h) { api.easy_cleanup(h); }
void ccurl_easy_reset(CURL *h) { api.easy_reset(h); }
CURLcode ccurl_easy_perform(CURL *h) { return api.easy_perform(h); }
const char *ccurl_easy_strerror(CURLcode c) { return api.easy_strerror(c); }
struct curl_slist *ccurl_slist_append(struct curl_slist *l, const char *s) { return api.slist_append(l, s); }
void ccurl_slist_free_all(struct curl_slist *l) { api.slist_free_all(l); }

CURLcode ccurl_setopt_long(CURL *h, CURLoption o, long v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_setopt_string(CURL *h, CURLoption o, const char *v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_setopt_pointer(CURL *h, CURLoption o, void *v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_setopt_write_callback(CURL *h, curl_write_callback cb) {
    return api.easy_setopt(h, CURLOPT_WRITEFUNCTION, cb);
}
CURLcode ccurl_setopt_header_callback(CURL *h, curl_write_callback cb) {
    return api.easy_setopt(h, CURLOPT_HEADERFUNCTION, cb);
}
CURLcode ccurl_setopt_read_callback(CURL *h, curl_read_callback cb) {
    return api.easy_setopt(h, CURLOPT_READFUNCTION, cb);
}
CURLcode ccurl_setopt_progress_callback(CURL *h, curl_xferinfo_callback cb) {
    return api.easy_setopt(h, CURLOPT_XFERINFOFUNCTION, cb);
}
CURLcode ccurl_getinfo_long(CURL *h, CURLINFO i, long *v) { return api.easy_getinfo(h, i, v); }
CURLcode ccurl_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return api.easy_getinfo(h, i, v); }
CURLcode ccurl_getinfo_string(CURL *h, CURLINFO i, char **v) { return api.easy_getinfo(h, i, v); }
