// The part of the system ICU that ZhKit uses, behind a header that names no ICU type.
//
// ICU renames its C functions per version (`ubrk_open` is `ubrk_open_72`) through macros Swift
// cannot see, and its headers clash with the copy of ICU inside Foundation. Compiled here in C,
// the macros apply and no ICU declaration reaches a Swift module. Status codes are ICU's
// `UErrorCode` values: positive is a failure, negative a warning.
#ifndef ZHKIT_CZHKITICU_H
#define ZHKIT_CZHKITICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU word break iterator and the UText it reads, owned together.
typedef struct zk_word_breaker zk_word_breaker;

/// Opens a word break iterator for `locale`. Returns NULL and sets `status` on failure.
zk_word_breaker *zk_word_breaker_open(const char *locale, int32_t *status);

/// A new iterator with the same rules as `template`; cheaper than opening one.
zk_word_breaker *zk_word_breaker_clone(const zk_word_breaker *template_breaker, int32_t *status);

void zk_word_breaker_close(zk_word_breaker *breaker);

/// Points the iterator at `length` bytes of UTF-8 at `text`, which must outlive the iteration,
/// and moves it to the start.
void zk_word_breaker_set_utf8(zk_word_breaker *breaker, const uint8_t *text, int64_t length, int32_t *status);

/// The next boundary as a UTF-8 offset, or -1 at the end.
int32_t zk_word_breaker_next(zk_word_breaker *breaker);

/// The status of the rule that made the last boundary (0 none, 100 number, 200 letter,
/// 300 kana, 400 ideograph).
int32_t zk_word_breaker_rule_status(const zk_word_breaker *breaker);

/// A converter from a legacy or UTF-16/32 encoding to UTF-8, stateful across chunks.
typedef struct zk_decoder zk_decoder;

/// Opens a decoder for ICU's converter `name` (`GB18030`, `Big5-HKSCS`, `UTF-16`, …) that stops
/// at the first byte sequence the encoding does not allow. NULL and `status` on failure (an
/// unknown name).
zk_decoder *zk_decoder_open(const char *name, int32_t *status);

void zk_decoder_close(zk_decoder *decoder);

/// ICU's canonical name of the decoder's encoding (for messages).
const char *zk_decoder_name(const zk_decoder *decoder, int32_t *status);

/// Decodes `length` bytes at `source` to UTF-8 into `target` (room for `capacity` bytes; four
/// times the source plus 64 is always enough). `flush` says the source ends here. Returns the
/// UTF-8 length written. On a byte sequence the encoding does not allow, sets `status` to a
/// failure and `*bad_offset` to its offset in this call's source; earlier output is written.
int64_t zk_decoder_decode(zk_decoder *decoder, const uint8_t *source, int64_t length, int flush,
    uint8_t *target, int64_t capacity, int64_t *bad_offset, int32_t *status);

/// The room for one charset name in `zk_detect_charsets`'s `names`.
#define ZK_CHARSET_NAME_SIZE 32

/// ICU's charset detector on `length` bytes: its matches, best first, at most `capacity` of them:
/// match i's name NUL-terminated at `names + i * ZK_CHARSET_NAME_SIZE` and its confidence (0 to
/// 100) in `confidences[i]`. Returns how many it wrote, or -1 if the detector failed.
int32_t zk_detect_charsets(const uint8_t *text, int32_t length, char *names, int32_t *confidences, int32_t capacity);

/// The run-time ICU version: major, minor, milli, micro.
void zk_icu_version(uint8_t version[4]);

#ifdef __cplusplus
}
#endif

#endif
