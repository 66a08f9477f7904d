// prctl is variadic in C, which Swift does not import: this fixes its arguments.
#ifndef CPROCESSGUARD_SHIM_H
#define CPROCESSGUARD_SHIM_H
#ifdef __linux__
#include <sys/prctl.h>
static inline int cpg_set_not_dumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }
static inline int cpg_is_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }
#else
static inline int cpg_set_not_dumpable(void) { return 0; }
static inline int cpg_is_dumpable(void) { return 0; }
#endif
#include <stdio.h>
// Whether everything written to stdout so far reached it: flushes, then reads its error flag
// (C's `stdout` is a global Swift 6 will not read from concurrent code).
static inline int cpg_stdout_flushed(void) { return fflush(stdout) == 0 && !ferror(stdout); }
#endif
