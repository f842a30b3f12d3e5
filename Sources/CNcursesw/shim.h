#ifndef VMTUI_CNCURSESW_SHIM_H
#define VMTUI_CNCURSESW_SHIM_H
// Without NCURSES_WIDECHAR the wide-character API (wget_wch, mvwaddnwstr, setcchar) is hidden.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
// glibc only declares wcwidth under _XOPEN_SOURCE, which SwiftPM refuses as a flag.
extern int wcwidth(wchar_t c);
#endif
