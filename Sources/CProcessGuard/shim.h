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
#endif
