// Debian's system ICU (libicu-dev), as the C code of CZhKitICU uses it.
//
// No Swift module imports this one: Foundation on Linux carries its own ICU, and a Swift module
// that sees both sets of headers fails to compile ("'UErrorCode' has different definitions in
// different modules"). CZhKitICU wraps what ZhKit needs behind a header free of ICU types.
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
