// What Swift cannot reach in ncursesw by itself: macros, and globals Swift 6 refuses as shared
// mutable state. Wide-character calls need _XOPEN_SOURCE_EXTENDED before curses.h.
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_key_f0(void) { return KEY_F0; }
static inline int cn_err(void) { return ERR; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline void cn_set_locale(void) { setlocale(LC_ALL, ""); }
/* The character set of the locale now in force ("UTF-8", "ANSI_X3.4-1968" for C/POSIX). */
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }
/* Reads keys as UTF-8 under a locale that is not (the terminal almost always sends UTF-8);
   answers whether a UTF-8 character set could be set. */
static inline int cn_read_keys_as_utf8(void) {
    return setlocale(LC_CTYPE, "C.UTF-8") != NULL || setlocale(LC_CTYPE, "C.utf8") != NULL
        || setlocale(LC_CTYPE, "en_US.UTF-8") != NULL;
}
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }
/* Whether the terminal TERM names can move the cursor (terminfo's `cup`): without it (dumb
   terminals, some CI consoles, an unknown TERM) the wizard runs in plain mode. */
extern int setupterm(const char *, int, int *);
static inline int cn_has_cursor_addressing(void) {
    int error = 0;
    if (setupterm(NULL, 1, &error) != 0) return 0;
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}
/* A resize wakes the wizard's wait: SIGWINCH, after ncurses' own handler has noted the new
   size, writes a byte to `fd` (a pipe the loop polls). The handler is chained, never replaced,
   and a signal may land on any thread, so the byte is what wakes the loop, not EINTR. */
static inline int *cn_resize_wake_fd(void) { static int fd = -1; return &fd; }
static inline struct sigaction *cn_previous_winch(void) { static struct sigaction previous; return &previous; }
static void cn_on_winch(int signal_number, siginfo_t *info, void *context) {
    int saved = errno;
    struct sigaction *previous = cn_previous_winch();
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction) previous->sa_sigaction(signal_number, info, context);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN && previous->sa_handler) {
        previous->sa_handler(signal_number);
    }
    if (*cn_resize_wake_fd() >= 0) { ssize_t ignored = write(*cn_resize_wake_fd(), "r", 1); (void)ignored; }
    errno = saved;
}
static inline int cn_wake_on_resize(int fd) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = cn_on_winch;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    *cn_resize_wake_fd() = fd;
    return sigaction(SIGWINCH, &action, cn_previous_winch());
}
#endif
