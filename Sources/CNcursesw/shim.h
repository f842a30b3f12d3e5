#ifndef VMTUI_CNCURSESW_SHIM_H
#define VMTUI_CNCURSESW_SHIM_H
// Without NCURSES_WIDECHAR the wide-character API (wget_wch, mvwaddnwstr, setcchar) is hidden.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
// glibc only declares wcwidth under _XOPEN_SOURCE, which SwiftPM refuses as a flag.
extern int wcwidth(wchar_t c);

// Function-like macros and mutable globals do not import into Swift 6 (strict concurrency
// rejects the globals); these accessors expose exactly what the terminal layer needs.
static inline attr_t vmtui_attr_bold(void) { return A_BOLD; }
static inline attr_t vmtui_attr_reverse(void) { return A_REVERSE; }
static inline attr_t vmtui_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t vmtui_attr_dim(void) { return A_DIM; }
static inline attr_t vmtui_attr_italic(void) { return A_ITALIC; }
static inline int vmtui_key_f0(void) { return KEY_F0; }
static inline mmask_t vmtui_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t vmtui_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t vmtui_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t vmtui_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int vmtui_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *vmtui_stdscr(void) { return stdscr; }
#endif
