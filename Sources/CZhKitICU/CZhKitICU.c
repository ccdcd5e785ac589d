#include "CZhKitICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct zk_word_breaker {
    UBreakIterator *iterator;
    UText *text;
};

static zk_word_breaker *zk_wrap(UBreakIterator *iterator, int32_t *status) {
    if (iterator == NULL) return NULL;
    zk_word_breaker *breaker = malloc(sizeof *breaker);
    if (breaker == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    breaker->text = NULL;
    return breaker;
}

zk_word_breaker *zk_word_breaker_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &error);
    *status = error;
    if (U_FAILURE(error)) {
        if (iterator != NULL) ubrk_close(iterator);
        return NULL;
    }
    return zk_wrap(iterator, status);
}

zk_word_breaker *zk_word_breaker_clone(const zk_word_breaker *template_breaker, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_clone(template_breaker->iterator, &error);
    *status = error;
    if (U_FAILURE(error)) {
        if (iterator != NULL) ubrk_close(iterator);
        return NULL;
    }
    return zk_wrap(iterator, status);
}

void zk_word_breaker_close(zk_word_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    if (breaker->text != NULL) utext_close(breaker->text);
    free(breaker);
}

void zk_word_breaker_set_utf8(zk_word_breaker *breaker, const uint8_t *text, int64_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    // Reuse the UText: utext_openUTF8 fills an existing one in place.
    breaker->text = utext_openUTF8(breaker->text, (const char *)text, length, &error);
    if (U_SUCCESS(error)) ubrk_setUText(breaker->iterator, breaker->text, &error);
    if (U_SUCCESS(error)) ubrk_first(breaker->iterator);
    *status = error;
}

int32_t zk_word_breaker_next(zk_word_breaker *breaker) {
    int32_t boundary = ubrk_next(breaker->iterator);
    return boundary == UBRK_DONE ? -1 : boundary;
}

int32_t zk_word_breaker_rule_status(const zk_word_breaker *breaker) {
    return ubrk_getRuleStatus((UBreakIterator *)breaker->iterator);
}

void zk_icu_version(uint8_t version[4]) {
    u_getVersion(version);
}

struct zk_decoder {
    UConverter *converter;
    UChar *buffer;
    int32_t buffer_capacity;
};

zk_decoder *zk_decoder_open(const char *name, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(name, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return NULL;
    }
    // Stop at an illegal or unassigned sequence instead of writing U+FFFD: nothing is lost quietly.
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    zk_decoder *decoder = calloc(1, sizeof(zk_decoder));
    if (decoder == NULL || U_FAILURE(error)) {
        ucnv_close(converter);
        free(decoder);
        *status = U_FAILURE(error) ? error : U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    decoder->converter = converter;
    *status = error;
    return decoder;
}

void zk_decoder_close(zk_decoder *decoder) {
    if (decoder == NULL) return;
    ucnv_close(decoder->converter);
    free(decoder->buffer);
    free(decoder);
}

const char *zk_decoder_name(const zk_decoder *decoder, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const char *name = ucnv_getName(decoder->converter, &error);
    *status = error;
    return name;
}

int64_t zk_decoder_decode(zk_decoder *decoder, const uint8_t *source, int64_t length, int flush,
    uint8_t *target, int64_t capacity, int64_t *bad_offset, int32_t *status) {
    *status = U_ZERO_ERROR;
    *bad_offset = -1;
    // UTF-16 first: at most one unit per source byte, plus what the converter holds back.
    int64_t needed = length + 16;
    if (needed > INT32_MAX) {
        *status = U_INDEX_OUTOFBOUNDS_ERROR;
        return 0;
    }
    if (decoder->buffer_capacity < needed) {
        UChar *grown = realloc(decoder->buffer, (size_t)needed * sizeof(UChar));
        if (grown == NULL) {
            *status = U_MEMORY_ALLOCATION_ERROR;
            return 0;
        }
        decoder->buffer = grown;
        decoder->buffer_capacity = (int32_t)needed;
    }
    UErrorCode error = U_ZERO_ERROR;
    const char *in = (const char *)source;
    UChar *out = decoder->buffer;
    ucnv_toUnicode(decoder->converter, &out, decoder->buffer + decoder->buffer_capacity, &in, in + length, NULL, flush, &error);
    if (U_FAILURE(error)) {
        // `in` stops just past the bad sequence; ICU keeps that sequence's bytes.
        char bad[32];
        int8_t bad_length = sizeof(bad);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(decoder->converter, bad, &bad_length, &ignored);
        *bad_offset = (int64_t)(in - (const char *)source) - (U_SUCCESS(ignored) ? bad_length : 0);
        if (*bad_offset < 0) *bad_offset = 0;
        *status = error;
    }
    int32_t written = 0;
    UErrorCode utf8_error = U_ZERO_ERROR;
    if (capacity > INT32_MAX) capacity = INT32_MAX;
    u_strToUTF8((char *)target, (int32_t)capacity, &written, decoder->buffer, (int32_t)(out - decoder->buffer), &utf8_error);
    if (U_FAILURE(utf8_error) && U_SUCCESS(error)) *status = utf8_error;
    return written;
}

int32_t zk_detect_charsets(const uint8_t *text, int32_t length, char *names, int32_t *confidences, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&error);
    if (U_FAILURE(error)) return -1;
    ucsdet_setText(detector, (const char *)text, length, &error);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &error);
    int32_t written = 0;
    if (U_SUCCESS(error) && matches != NULL) {
        for (int32_t index = 0; index < found && written < capacity; index++) {
            UErrorCode match_error = U_ZERO_ERROR;
            const char *name = ucsdet_getName(matches[index], &match_error);
            int32_t confidence = ucsdet_getConfidence(matches[index], &match_error);
            if (U_FAILURE(match_error) || name == NULL) continue;
            strncpy(names + written * ZK_CHARSET_NAME_SIZE, name, ZK_CHARSET_NAME_SIZE - 1);
            names[written * ZK_CHARSET_NAME_SIZE + ZK_CHARSET_NAME_SIZE - 1] = 0;
            confidences[written] = confidence;
            written++;
        }
    } else {
        written = -1;
    }
    ucsdet_close(detector);
    return written;
}
