#include "CZhKitICU.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
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
