// Version-independent entry points into the system ICU.
//
// ICU renames every C function with its major version (`ubrk_open` is `ubrk_open_72`) through
// macros that Swift cannot see. These inline wrappers are compiled by Clang, where the macros do
// apply, so Swift code calls `zk_ubrk_open` and links against whichever ICU the machine has.
#ifndef ZHKIT_CICU_SHIM_H
#define ZHKIT_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

static inline UBreakIterator *zk_ubrk_open(UBreakIteratorType type, const char *locale,
                                           UErrorCode *status) {
    return ubrk_open(type, locale, NULL, 0, status);
}
static inline UBreakIterator *zk_ubrk_clone(const UBreakIterator *bi, UErrorCode *status) {
    return ubrk_clone(bi, status);
}
static inline void zk_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline void zk_ubrk_setUText(UBreakIterator *bi, UText *text, UErrorCode *status) {
    ubrk_setUText(bi, text, status);
}
static inline int32_t zk_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t zk_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t zk_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }

static inline UText *zk_utext_openUTF8(UText *ut, const char *s, int64_t length,
                                       UErrorCode *status) {
    return utext_openUTF8(ut, s, length, status);
}
static inline UText *zk_utext_close(UText *ut) { return utext_close(ut); }

static inline void zk_u_getVersion(uint8_t *versionArray) { u_getVersion(versionArray); }

#endif
