/*
 * analysis._scan: the compiled core of counting.  Every function here has a Python
 * definition it must equal, named next to it; tests/test_compiled.py compares the two, and
 * where no C compiler is found the package runs on those definitions (analysis/_compiled.py).
 *
 * Scanner().scan(texts, in_word, not_start) finds the tokens of every text exactly as the
 * regular expression analysis.resources.TOKEN_RE does,
 *
 *     [^\W_<not_start>](?:[^\W_]|[<in_word>])*
 *
 * and gives each distinct token (surface form) an id in order of first appearance, without
 * building a Python string per token: one pass over the characters, a hash of the code
 * points, an open-addressing table.  A Python string is made once per distinct surface.
 *
 * Python's re module defines \w for str patterns as Py_UNICODE_ISALNUM(ch) || ch == '_'
 * (Modules/_sre/sre.c, SRE_UNI_IS_WORD), so the same macro of the same interpreter is used
 * here: the character classes cannot drift from TOKEN_RE's, whatever the Unicode version.
 *
 * The vocabulary lasts from one call to the next (a worker process counting partition after
 * partition).  A call returns (first_new_id, new_surfaces, ids, lengths): the surfaces first
 * seen in this call (ids first_new_id, first_new_id + 1, ...), ids as bytes of int32 (one
 * per token, in text order) and lengths as bytes of int64 (tokens per text).
 *
 * The rest, each documented where it is defined:
 *   Translator(table)(text)   str.translate with the normalizer's table (analysis/normalize.py)
 *   first_in(text, ranges)    a character-class search (presentation forms)
 *   joined_words(text)        " ".join(text.split())
 *   marked_lines(...)         the lines a boilerplate rule may act on (analysis/boilerplate.py)
 *   line_rules(...)           the boilerplate rules that look at one line at a time
 *   pair_overlaps(...)        shared pairs of consecutive words (pull quotes)
 *   doc_counts(...)           per-document counts of a partition (analysis/stream.py)
 *   add_doc_freq(...)         document frequencies without sorting
 *   sorted_find(...)          a word in a sorted blob of words (the lexicon, analysis/lexicon.py)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* str.isspace for one character (Py_UNICODE_ISSPACE), without a function call for the
 * letters of Arabic and most other scripts: the only whitespace between U+0080 and U+167F
 * is U+0085 and U+00A0 (tests/test_compiled.py checks every code point) */
static inline int
is_space(Py_UCS4 ch)
{
    if (ch < 128)
        return Py_UNICODE_ISSPACE(ch);
    if (ch < 0x1680)
        return ch == 0x85 || ch == 0xA0;
    return Py_UNICODE_ISSPACE(ch);
}

/* classes: 0 ends a token, 1 continues one, 2 starts (and continues) one */
static unsigned char bmp_class[0x10000];
static PyObject *table_in_word = NULL, *table_not_start = NULL;

static int
contains(PyObject *chars, Py_UCS4 ch)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(chars);
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyUnicode_READ(kind, data, i) == ch)
            return 1;
    }
    return 0;
}

static unsigned char
classify(Py_UCS4 ch, PyObject *in_word, PyObject *not_start)
{
    int alnum = Py_UNICODE_ISALNUM(ch) && ch != '_';
    if (alnum && !contains(not_start, ch))
        return 2;
    if (alnum || contains(in_word, ch))
        return 1;
    return 0;
}

static int
prepare(PyObject *in_word, PyObject *not_start)
{
    if (table_in_word != NULL
        && PyUnicode_Compare(table_in_word, in_word) == 0
        && PyUnicode_Compare(table_not_start, not_start) == 0)
        return 0;
    if (PyErr_Occurred())
        return -1;
    for (Py_UCS4 ch = 0; ch < 0x10000; ch++)
        bmp_class[ch] = classify(ch, in_word, not_start);
    Py_XDECREF(table_in_word);
    Py_XDECREF(table_not_start);
    Py_INCREF(in_word);
    Py_INCREF(not_start);
    table_in_word = in_word;
    table_not_start = not_start;
    return 0;
}

/* double an array's capacity (or give it `first` items); -1 with MemoryError on failure */
static int
grow(void **items, Py_ssize_t *capacity, Py_ssize_t first, size_t item_size)
{
    Py_ssize_t wanted = *capacity ? *capacity * 2 : first;
    void *grown = PyMem_Realloc(*items, (size_t)wanted * item_size);
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *items = grown;
    *capacity = wanted;
    return 0;
}

typedef struct {
    PyObject *surfaces;     /* list of str, index = id */
    uint64_t *hashes;       /* per id */
    int32_t *slots;         /* open addressing: id or -1 */
    size_t mask;            /* slots - 1 (a power of two minus one) */
    Py_ssize_t count;
    Py_ssize_t capacity;    /* of hashes */
} Vocabulary;

static int
vocabulary_grow(Vocabulary *v)
{
    size_t size = (v->mask + 1) * 2;
    int32_t *slots = PyMem_Malloc(size * sizeof(int32_t));
    if (slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(slots, 0xff, size * sizeof(int32_t));
    for (Py_ssize_t id = 0; id < v->count; id++) {
        size_t at = (size_t)v->hashes[id] & (size - 1);
        while (slots[at] >= 0)
            at = (at + 1) & (size - 1);
        slots[at] = (int32_t)id;
    }
    PyMem_Free(v->slots);
    v->slots = slots;
    v->mask = size - 1;
    return 0;
}

static int
same_chars(PyObject *surface, int kind, const void *data, Py_ssize_t start, Py_ssize_t len)
{
    if (PyUnicode_GET_LENGTH(surface) != len)
        return 0;
    int skind = PyUnicode_KIND(surface);
    const void *sdata = PyUnicode_DATA(surface);
    if (skind == kind)
        return memcmp(sdata, (const char *)data + start * kind, (size_t)len * kind) == 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (PyUnicode_READ(skind, sdata, i) != PyUnicode_READ(kind, data, start + i))
            return 0;
    }
    return 1;
}

/* the id of text[start:end], adding it to the vocabulary when new; -1 on error */
static int32_t
vocabulary_id(Vocabulary *v, PyObject *text, int kind, const void *data,
              Py_ssize_t start, Py_ssize_t end, uint64_t hash)
{
    size_t at = (size_t)hash & v->mask;
    for (;;) {
        int32_t id = v->slots[at];
        if (id < 0)
            break;
        if (v->hashes[id] == hash
            && same_chars(PyList_GET_ITEM(v->surfaces, id), kind, data, start, end - start))
            return id;
        at = (at + 1) & v->mask;
    }
    if (v->count >= INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "more than 2**31 distinct tokens in one call");
        return -1;
    }
    /* room first, so a failure leaves the vocabulary whole */
    if (v->count == v->capacity && grow((void **)&v->hashes, &v->capacity, 1024, sizeof(uint64_t)) < 0)
        return -1;
    PyObject *surface = PyUnicode_Substring(text, start, end);
    if (surface == NULL || PyList_Append(v->surfaces, surface) < 0) {
        Py_XDECREF(surface);
        return -1;
    }
    Py_DECREF(surface);
    int32_t id = (int32_t)v->count++;
    v->hashes[id] = hash;
    v->slots[at] = id;
    if ((size_t)v->count * 2 > v->mask + 1 && vocabulary_grow(v) < 0)
        return -1;
    return id;
}

typedef struct {
    int32_t *data;
    Py_ssize_t size, capacity;
} IdBuffer;

static int
push_id(IdBuffer *b, int32_t id)
{
    if (b->size == b->capacity && grow((void **)&b->data, &b->capacity, 1 << 16, sizeof(int32_t)) < 0)
        return -1;
    b->data[b->size++] = id;
    return 0;
}

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static inline unsigned char
class_of(Py_UCS4 ch)
{
    if (ch < 0x10000)
        return bmp_class[ch];
    return classify(ch, table_in_word, table_not_start);
}

/* tokens of one text; returns how many, or -1 on error.  One loop per storage kind of the
 * text (1, 2 or 4 bytes a character), so the inner loop reads the characters directly. */
#define SCAN_TEXT(T)                                                                  \
    do {                                                                              \
        const T *chars = (const T *)data;                                             \
        while (i < n) {                                                               \
            Py_UCS4 ch = chars[i];                                                    \
            if (class_of(ch) != 2) {                                                  \
                i++;                                                                  \
                continue;                                                             \
            }                                                                         \
            Py_ssize_t start = i;                                                     \
            uint64_t hash = FNV_OFFSET;                                               \
            do {                                                                      \
                hash = (hash ^ ch) * FNV_PRIME;                                       \
                if (++i == n)                                                         \
                    break;                                                            \
                ch = chars[i];                                                        \
            } while (class_of(ch) != 0);                                              \
            hash ^= hash >> 29;                                                       \
            int32_t id = vocabulary_id(v, text, kind, data, start, i, hash);          \
            if (id < 0 || push_id(ids, id) < 0)                                       \
                return -1;                                                            \
            found++;                                                                  \
        }                                                                             \
    } while (0)

static Py_ssize_t
scan_text(Vocabulary *v, IdBuffer *ids, PyObject *text)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, found = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (kind == PyUnicode_1BYTE_KIND)
        SCAN_TEXT(Py_UCS1);
    else if (kind == PyUnicode_2BYTE_KIND)
        SCAN_TEXT(Py_UCS2);
    else
        SCAN_TEXT(Py_UCS4);
    return found;
}

static int
vocabulary_init(Vocabulary *v)
{
    v->surfaces = PyList_New(0);
    v->hashes = PyMem_Malloc(1024 * sizeof(uint64_t));
    v->slots = PyMem_Malloc(2048 * sizeof(int32_t));
    v->mask = 2047;
    v->count = 0;
    v->capacity = 1024;
    if (v->surfaces == NULL || v->hashes == NULL || v->slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(v->slots, 0xff, 2048 * sizeof(int32_t));
    return 0;
}

static void
vocabulary_free(Vocabulary *v)
{
    Py_CLEAR(v->surfaces);
    PyMem_Free(v->hashes);
    PyMem_Free(v->slots);
    v->hashes = NULL;
    v->slots = NULL;
}

/* scan texts into v; returns (ids bytes, lengths bytes) or NULL */
static PyObject *
scan_into(Vocabulary *v, PyObject *texts, PyObject *in_word, PyObject *not_start)
{
    if (prepare(in_word, not_start) < 0)
        return NULL;
    PyObject *seq = PySequence_Fast(texts, "scan() needs a sequence of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n_texts = PySequence_Fast_GET_SIZE(seq);
    PyObject *result = NULL, *lengths = NULL;
    IdBuffer ids = {NULL, 0, 0};
    lengths = PyBytes_FromStringAndSize(NULL, n_texts * (Py_ssize_t)sizeof(int64_t));
    if (lengths == NULL)
        goto done;
    int64_t *length = (int64_t *)PyBytes_AS_STRING(lengths);
    for (Py_ssize_t t = 0; t < n_texts; t++) {
        PyObject *text = PySequence_Fast_GET_ITEM(seq, t);
        if (!PyUnicode_Check(text)) {
            PyErr_Format(PyExc_TypeError, "scan() needs str items, item %zd is %.80s", t, Py_TYPE(text)->tp_name);
            goto done;
        }
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(text) < 0)
            goto done;
#endif
        Py_ssize_t found = scan_text(v, &ids, text);
        if (found < 0)
            goto done;
        length[t] = found;
    }
    PyObject *id_bytes = PyBytes_FromStringAndSize((const char *)ids.data, ids.size * (Py_ssize_t)sizeof(int32_t));
    if (id_bytes == NULL)
        goto done;
    result = PyTuple_Pack(2, id_bytes, lengths);
    Py_DECREF(id_bytes);
done:
    Py_DECREF(seq);
    Py_XDECREF(lengths);
    PyMem_Free(ids.data);
    return result;
}

/* Scanner: a vocabulary kept across calls, so ids stay the same from one call to the next */
typedef struct {
    PyObject_HEAD
    Vocabulary v;
} Scanner;

static PyObject *
Scanner_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) != 0 || (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Scanner() takes no arguments");
        return NULL;
    }
    Scanner *self = (Scanner *)type->tp_alloc(type, 0);
    if (self != NULL && vocabulary_init(&self->v) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void
Scanner_dealloc(Scanner *self)
{
    vocabulary_free(&self->v);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Scanner_scan(Scanner *self, PyObject *args)
{
    PyObject *texts, *in_word, *not_start;
    if (!PyArg_ParseTuple(args, "OUU:scan", &texts, &in_word, &not_start))
        return NULL;
    Py_ssize_t first = self->v.count;
    PyObject *pair = scan_into(&self->v, texts, in_word, not_start);
    if (pair == NULL)
        return NULL;
    PyObject *added = PyList_GetSlice(self->v.surfaces, first, self->v.count);
    PyObject *result = added == NULL ? NULL : Py_BuildValue("nNOO", first, added, PyTuple_GET_ITEM(pair, 0),
                                                            PyTuple_GET_ITEM(pair, 1));
    Py_DECREF(pair);
    return result;
}

static PyObject *
Scanner_surfaces(Scanner *self, void *closure)
{
    return PyList_GetSlice(self->v.surfaces, 0, self->v.count);
}

static PyMethodDef Scanner_methods[] = {
    {"scan", (PyCFunction)Scanner_scan, METH_VARARGS,
     "scan(texts, in_word, not_start) -> (first_new_id, new_surfaces, ids, lengths)\n\n"
     "As the module's scan(), with ids into the vocabulary of every call so far; the surfaces\n"
     "first seen in this call have the ids first_new_id, first_new_id + 1, ..."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Scanner_getset[] = {
    {"surfaces", (getter)Scanner_surfaces, NULL, "every surface seen so far, by id", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject ScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "analysis._scan.Scanner",
    .tp_basicsize = sizeof(Scanner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A token scanner whose surface ids last from one scan() to the next.",
    .tp_new = Scanner_new,
    .tp_dealloc = (destructor)Scanner_dealloc,
    .tp_methods = Scanner_methods,
    .tp_getset = Scanner_getset,
};


/* Translator(mapping): str.translate(mapping) at C speed, for a table whose keys are BMP
 * code points and whose values are one character (an int or a str of length 1) or None
 * (delete).  The normalizer's character steps are such a table (analysis/normalize.py). */
typedef struct {
    PyObject_HEAD
    int32_t *to;            /* 0x10000 entries: -1 keeps the character, -2 deletes it, else the new one */
} Translator;

#define KEEP (-1)
#define DELETE (-2)

static PyObject *
Translator_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *mapping, *key, *value;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "Translator() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "O!:Translator", &PyDict_Type, &mapping))
        return NULL;
    Translator *self = (Translator *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->to = PyMem_Malloc(0x10000 * sizeof(int32_t));
    if (self->to == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    memset(self->to, 0xff, 0x10000 * sizeof(int32_t));        /* every entry KEEP */
    Py_ssize_t pos = 0;
    while (PyDict_Next(mapping, &pos, &key, &value)) {
        long from = PyLong_Check(key) ? PyLong_AsLong(key) : -1;
        if (from < 0 || from >= 0x10000) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "Translator keys must be code points below 0x10000");
            Py_DECREF(self);
            return NULL;
        }
        long to;
        if (value == Py_None)
            to = DELETE;
        else if (PyLong_Check(value))
            to = PyLong_AsLong(value);
        else if (PyUnicode_Check(value) && PyUnicode_GET_LENGTH(value) == 1)
            to = (long)PyUnicode_READ_CHAR(value, 0);
        else
            to = -3;
        if (to == -3 || (to < 0 && to != DELETE) || to > 0x10FFFF) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "Translator values must be one character or None");
            Py_DECREF(self);
            return NULL;
        }
        self->to[from] = (int32_t)to;
    }
    return (PyObject *)self;
}

static void
Translator_dealloc(Translator *self)
{
    PyMem_Free(self->to);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* one pass over the characters of type T: the result's length and widest character, and
 * whether anything changes */
#define TRANSLATE_MEASURE(T)                                                          \
    do {                                                                              \
        const T *chars = (const T *)data;                                             \
        for (i = 0; i < n; i++) {                                                     \
            Py_UCS4 ch = chars[i];                                                    \
            int32_t t = ch < 0x10000 ? to[ch] : KEEP;                                 \
            if (t == KEEP) {                                                          \
                if (ch > maxchar)                                                     \
                    maxchar = ch;                                                     \
                continue;                                                             \
            }                                                                         \
            changed = 1;                                                              \
            if (t == DELETE)                                                          \
                out_len--;                                                            \
            else if ((Py_UCS4)t > maxchar)                                            \
                maxchar = (Py_UCS4)t;                                                 \
        }                                                                             \
    } while (0)

#define TRANSLATE_WRITE(T, U)                                                         \
    do {                                                                              \
        const T *chars = (const T *)data;                                             \
        U *dest = (U *)out_data;                                                      \
        for (i = 0; i < n; i++) {                                                     \
            Py_UCS4 ch = chars[i];                                                    \
            int32_t t = ch < 0x10000 ? to[ch] : KEEP;                                 \
            if (t == KEEP)                                                            \
                *dest++ = (U)ch;                                                      \
            else if (t != DELETE)                                                     \
                *dest++ = (U)t;                                                       \
        }                                                                             \
    } while (0)

#define TRANSLATE_WRITE_TO(T)                                                         \
    do {                                                                              \
        if (out_kind == PyUnicode_1BYTE_KIND)                                         \
            TRANSLATE_WRITE(T, Py_UCS1);                                              \
        else if (out_kind == PyUnicode_2BYTE_KIND)                                    \
            TRANSLATE_WRITE(T, Py_UCS2);                                              \
        else                                                                          \
            TRANSLATE_WRITE(T, Py_UCS4);                                              \
    } while (0)

static PyObject *
Translator_call(Translator *self, PyObject *args, PyObject *kwargs)
{
    PyObject *text;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "a Translator takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "U:Translator", &text))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), out_len = n, i;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const int32_t *to = self->to;
    Py_UCS4 maxchar = 0;
    int changed = 0;
    /* nothing is built when nothing changes; the result has the exact widest character,
     * as every str must (a wider kind than needed would compare unequal) */
    if (kind == PyUnicode_1BYTE_KIND)
        TRANSLATE_MEASURE(Py_UCS1);
    else if (kind == PyUnicode_2BYTE_KIND)
        TRANSLATE_MEASURE(Py_UCS2);
    else
        TRANSLATE_MEASURE(Py_UCS4);
    if (!changed) {
        Py_INCREF(text);
        return text;
    }
    PyObject *out = PyUnicode_New(out_len, maxchar);
    if (out == NULL)
        return NULL;
    int out_kind = PyUnicode_KIND(out);
    void *out_data = PyUnicode_DATA(out);
    if (kind == PyUnicode_1BYTE_KIND)
        TRANSLATE_WRITE_TO(Py_UCS1);
    else if (kind == PyUnicode_2BYTE_KIND)
        TRANSLATE_WRITE_TO(Py_UCS2);
    else
        TRANSLATE_WRITE_TO(Py_UCS4);
    return out;
}

static PyTypeObject TranslatorType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "analysis._scan.Translator",
    .tp_basicsize = sizeof(Translator),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Translator(mapping)(text) == text.translate(mapping), for BMP keys and one-character values.",
    .tp_new = Translator_new,
    .tp_dealloc = (destructor)Translator_dealloc,
    .tp_call = (ternaryfunc)Translator_call,
};

/* first_in(text, ranges) -> the index of the first character of text within one of the
 * inclusive code point ranges ((lo, hi), ...), or -1: a character-class search in one pass */
static PyObject *
first_in(PyObject *module, PyObject *args)
{
    PyObject *text, *ranges;
    if (!PyArg_ParseTuple(args, "UO!:first_in", &text, &PyTuple_Type, &ranges))
        return NULL;
    Py_ssize_t n_ranges = PyTuple_GET_SIZE(ranges);
    if (n_ranges > 16) {
        PyErr_SetString(PyExc_ValueError, "first_in() takes at most 16 ranges");
        return NULL;
    }
    Py_UCS4 lo[16], hi[16], floor = 0x10FFFF;
    for (Py_ssize_t r = 0; r < n_ranges; r++) {
        unsigned int a, b;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(ranges, r), "II:first_in", &a, &b))
            return NULL;
        lo[r] = a;
        hi[r] = b;
        if (a < floor)
            floor = a;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (n_ranges == 0 || PyUnicode_MAX_CHAR_VALUE(text) < floor)
        return PyLong_FromLong(-1);
#define FIRST_IN(T)                                                                   \
    do {                                                                              \
        const T *chars = (const T *)data;                                             \
        for (Py_ssize_t i = 0; i < n; i++) {                                          \
            Py_UCS4 ch = chars[i];                                                    \
            if (ch < floor)                                                           \
                continue;                                                             \
            for (Py_ssize_t r = 0; r < n_ranges; r++) {                               \
                if (ch >= lo[r] && ch <= hi[r])                                       \
                    return PyLong_FromSsize_t(i);                                     \
            }                                                                         \
        }                                                                             \
    } while (0)
    if (kind == PyUnicode_1BYTE_KIND)
        FIRST_IN(Py_UCS1);
    else if (kind == PyUnicode_2BYTE_KIND)
        FIRST_IN(Py_UCS2);
    else
        FIRST_IN(Py_UCS4);
    return PyLong_FromLong(-1);
}

/* the index of the first \n or \r of text at or after start, or n */
#define LINE_END(T)                                                                   \
    do {                                                                              \
        const T *chars = (const T *)data;                                             \
        for (Py_ssize_t i = start; i < n; i++) {                                      \
            if (chars[i] == '\n' || chars[i] == '\r')                                 \
                return i;                                                             \
        }                                                                             \
        return n;                                                                     \
    } while (0)

static Py_ssize_t
line_end(int kind, const void *data, Py_ssize_t start, Py_ssize_t n)
{
    if (kind == PyUnicode_1BYTE_KIND)
        LINE_END(Py_UCS1);
    else if (kind == PyUnicode_2BYTE_KIND)
        LINE_END(Py_UCS2);
    LINE_END(Py_UCS4);
}

/* marked_lines(text, short, max_chars, min_words, closers, stops) -> [(line_no, start, end, flags)]
 *
 * The lines of text (ended by \r\n, \r or \n) that the boilerplate rules may act on, in one
 * pass (analysis/boilerplate.py, _marked_lines, says the same in Python): flag 1 for a line
 * that is not blank (str.isspace) and has at most `short` characters, flag 2 for a line of
 * at most `max_chars` characters with at least `min_words` words (str.split) that does not
 * end, before any trailing `closers`, with one of `stops`. Other lines are left out. */
static PyObject *
marked_lines(PyObject *module, PyObject *args)
{
    PyObject *text, *closers, *stops;
    Py_ssize_t short_chars, max_chars, min_words;
    if (!PyArg_ParseTuple(args, "UnnnUU:marked_lines", &text, &short_chars, &max_chars, &min_words,
                          &closers, &stops))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), start = 0, no = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    while (start <= n) {
        Py_ssize_t end = line_end(kind, data, start, n);
        Py_ssize_t length = end - start, words = 0;
        int in_word = 0, flags = 0;
        if (length > 0 && (length <= short_chars || length <= max_chars)) {
            for (Py_ssize_t i = start; i < end && words < min_words; i++) {
                int space = is_space(PyUnicode_READ(kind, data, i));
                if (!space && !in_word)
                    words++;
                in_word = !space;
            }
            if (words > 0 && length <= short_chars)
                flags |= 1;
            if (words >= min_words && length <= max_chars) {
                Py_ssize_t j = end;
                while (j > start && contains(closers, PyUnicode_READ(kind, data, j - 1)))
                    j--;
                if (!(j > start && contains(stops, PyUnicode_READ(kind, data, j - 1))))
                    flags |= 2;
            }
        }
        if (flags) {
            PyObject *item = Py_BuildValue("nnni", no, start, end, flags);
            if (item == NULL || PyList_Append(out, item) < 0) {
                Py_XDECREF(item);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(item);
        }
        if (end >= n)
            break;
        start = end + ((PyUnicode_READ(kind, data, end) == '\r' && end + 1 < n
                        && PyUnicode_READ(kind, data, end + 1) == '\n') ? 2 : 1);
        no++;
    }
    return out;
}

/* joined_words(text) == " ".join(text.split()): the words of text (split at any run of
 * str.isspace characters) with one space between them, in one pass */
static PyObject *
joined_words(PyObject *module, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "joined_words() needs a str, not %.80s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg), out_len = 0, i;
    int kind = PyUnicode_KIND(arg), pending = 0, same = 1;
    const void *data = PyUnicode_DATA(arg);
    for (i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (is_space(ch)) {
            if (ch != ' ' || pending || out_len == 0)
                same = 0;
            pending = 1;
        }
        else {
            out_len += pending && out_len > 0;
            pending = 0;
            out_len++;
        }
    }
    if (pending)
        same = 0;
    if (same) {                 /* already single spaces between words, none at the ends */
        Py_INCREF(arg);
        return arg;
    }
    /* the words keep their characters, so the widest one is the text's, or narrower */
    Py_UCS4 maxchar = 0;
    for (i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch > maxchar && !is_space(ch))
            maxchar = ch;
    }
    PyObject *out = PyUnicode_New(out_len, out_len ? (maxchar > ' ' ? maxchar : ' ') : 0);
    if (out == NULL)
        return NULL;
    int out_kind = PyUnicode_KIND(out);
    void *out_data = PyUnicode_DATA(out);
    Py_ssize_t j = 0;
    pending = 0;
    for (i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (is_space(ch)) {
            pending = 1;
            continue;
        }
        if (pending && j > 0)
            PyUnicode_WRITE(out_kind, out_data, j++, ' ');
        pending = 0;
        PyUnicode_WRITE(out_kind, out_data, j++, ch);
    }
    return out;
}

/* a C-contiguous buffer of items of `size` bytes, or -1 with TypeError */
static int
items_of(PyObject *obj, Py_buffer *view, Py_ssize_t size, const char *what)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (view->itemsize != size && !(view->itemsize == 1 && view->len % size == 0)) {
        PyErr_Format(PyExc_TypeError, "%s must hold %zd-byte integers", what, size);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* doc_counts(sid, lengths, ptr, flat, n_norms) -> (ids, counts, doc_ptr, doc_tokens,
 *                                                   norm_counts, norm_docs, surface_counts)
 *
 * Counts per document in one pass, without sorting (analysis/stream.py, _doc_counts, says
 * the same with numpy).  sid (int32): the surface id of each token, documents one after the
 * other, lengths (int64) tokens per document; surface s stands for the normalized tokens
 * flat[ptr[s]:ptr[s + 1]] (int64).  Returns bytes: per document, its distinct normalized
 * tokens (int32, in order of first appearance) and their counts (int32), the CSR pointer
 * doc_ptr (int64, n_docs + 1), normalized tokens per document (int64), and over the
 * vocabularies: occurrences and documents of each norm, occurrences of each surface (int64). */
static PyObject *
doc_counts(PyObject *module, PyObject *args)
{
    PyObject *sid_obj, *lengths_obj, *ptr_obj, *flat_obj;
    Py_ssize_t n_norms;
    if (!PyArg_ParseTuple(args, "OOOOn:doc_counts", &sid_obj, &lengths_obj, &ptr_obj, &flat_obj, &n_norms))
        return NULL;
    Py_buffer sid_v, len_v, ptr_v, flat_v;
    if (items_of(sid_obj, &sid_v, 4, "sid") < 0)
        return NULL;
    if (items_of(lengths_obj, &len_v, 8, "lengths") < 0) {
        PyBuffer_Release(&sid_v);
        return NULL;
    }
    if (items_of(ptr_obj, &ptr_v, 8, "ptr") < 0) {
        PyBuffer_Release(&sid_v);
        PyBuffer_Release(&len_v);
        return NULL;
    }
    if (items_of(flat_obj, &flat_v, 8, "flat") < 0) {
        PyBuffer_Release(&sid_v);
        PyBuffer_Release(&len_v);
        PyBuffer_Release(&ptr_v);
        return NULL;
    }
    const int32_t *sid = sid_v.buf;
    const int64_t *lengths = len_v.buf, *ptr = ptr_v.buf, *flat = flat_v.buf;
    Py_ssize_t n_tokens = sid_v.len / 4, n_docs = len_v.len / 8, n_surfaces = ptr_v.len / 8 - 1;
    Py_ssize_t n_flat = flat_v.len / 8, total = 0, k;
    PyObject *result = NULL, *ids = NULL, *cnts = NULL, *doc_ptr = NULL, *doc_tokens = NULL;
    PyObject *norm_counts = NULL, *norm_docs = NULL, *surface_counts = NULL;
    int64_t *last = NULL, *slot = NULL;

    Py_ssize_t sum = 0;
    for (Py_ssize_t d = 0; d < n_docs; d++) {
        if (lengths[d] < 0)
            break;
        sum += lengths[d];
    }
    if (n_surfaces < 0 || n_norms < 0 || sum != n_tokens) {
        PyErr_SetString(PyExc_ValueError, "doc_counts(): lengths must add up to the tokens, and ptr be non-empty");
        goto done;
    }
    for (k = 0; k < n_tokens; k++) {            /* check every id before counting with it */
        int32_t s = sid[k];
        if (s < 0 || s >= n_surfaces || ptr[s] < 0 || ptr[s] > ptr[s + 1] || ptr[s + 1] > n_flat) {
            PyErr_Format(PyExc_ValueError, "doc_counts(): surface id %d has no normalized tokens", (int)s);
            goto done;
        }
        total += ptr[s + 1] - ptr[s];
    }
    for (k = 0; k < n_flat; k++) {
        if (flat[k] < 0 || flat[k] >= n_norms) {
            PyErr_Format(PyExc_ValueError, "doc_counts(): norm id %lld is not below n_norms", (long long)flat[k]);
            goto done;
        }
    }
    ids = PyBytes_FromStringAndSize(NULL, total * 4);
    cnts = PyBytes_FromStringAndSize(NULL, total * 4);
    doc_ptr = PyBytes_FromStringAndSize(NULL, (n_docs + 1) * 8);
    doc_tokens = PyBytes_FromStringAndSize(NULL, n_docs * 8);
    norm_counts = PyBytes_FromStringAndSize(NULL, n_norms * 8);
    norm_docs = PyBytes_FromStringAndSize(NULL, n_norms * 8);
    surface_counts = PyBytes_FromStringAndSize(NULL, n_surfaces * 8);
    last = PyMem_Malloc((n_norms ? n_norms : 1) * sizeof(int64_t));
    slot = PyMem_Malloc((n_norms ? n_norms : 1) * sizeof(int64_t));
    if (!ids || !cnts || !doc_ptr || !doc_tokens || !norm_counts || !norm_docs || !surface_counts
        || !last || !slot) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    int32_t *id_out = (int32_t *)PyBytes_AS_STRING(ids), *cnt_out = (int32_t *)PyBytes_AS_STRING(cnts);
    int64_t *dp = (int64_t *)PyBytes_AS_STRING(doc_ptr), *dt = (int64_t *)PyBytes_AS_STRING(doc_tokens);
    int64_t *nc = (int64_t *)PyBytes_AS_STRING(norm_counts), *nd = (int64_t *)PyBytes_AS_STRING(norm_docs);
    int64_t *sc = (int64_t *)PyBytes_AS_STRING(surface_counts);
    memset(nc, 0, n_norms * 8);
    memset(nd, 0, n_norms * 8);
    memset(sc, 0, n_surfaces * 8);
    for (Py_ssize_t i = 0; i < n_norms; i++)
        last[i] = -1;
    Py_ssize_t used = 0;
    k = 0;
    for (Py_ssize_t d = 0; d < n_docs; d++) {
        dp[d] = used;
        int64_t tokens = 0;
        for (int64_t t = 0; t < lengths[d]; t++, k++) {
            int32_t s = sid[k];
            sc[s]++;
            for (int64_t j = ptr[s]; j < ptr[s + 1]; j++) {
                int64_t nid = flat[j];
                tokens++;
                nc[nid]++;
                if (last[nid] != d) {
                    last[nid] = d;
                    slot[nid] = used;
                    id_out[used] = (int32_t)nid;
                    cnt_out[used] = 1;
                    used++;
                    nd[nid]++;
                }
                else
                    cnt_out[slot[nid]]++;
            }
        }
        dt[d] = tokens;
    }
    dp[n_docs] = used;
    if (_PyBytes_Resize(&ids, used * 4) < 0 || _PyBytes_Resize(&cnts, used * 4) < 0)
        goto done;
    result = PyTuple_Pack(7, ids, cnts, doc_ptr, doc_tokens, norm_counts, norm_docs, surface_counts);
done:
    Py_XDECREF(ids);
    Py_XDECREF(cnts);
    Py_XDECREF(doc_ptr);
    Py_XDECREF(doc_tokens);
    Py_XDECREF(norm_counts);
    Py_XDECREF(norm_docs);
    Py_XDECREF(surface_counts);
    PyMem_Free(last);
    PyMem_Free(slot);
    PyBuffer_Release(&sid_v);
    PyBuffer_Release(&len_v);
    PyBuffer_Release(&ptr_v);
    PyBuffer_Release(&flat_v);
    return result;
}

/* add_doc_freq(terms, doc_ptr, doc_freq): for each document d (entries doc_ptr[d] to
 * doc_ptr[d + 1] of terms, int64, -1 for none), add 1 to doc_freq[t] (int64, writable) for
 * each distinct term t >= 0 among them: document frequencies without sorting
 * (analysis/stream.py, _add_doc_freq, says the same with numpy). */
static PyObject *
add_doc_freq(PyObject *module, PyObject *args)
{
    PyObject *terms_obj, *ptr_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OOO:add_doc_freq", &terms_obj, &ptr_obj, &out_obj))
        return NULL;
    Py_buffer terms_v, ptr_v, out_v;
    if (items_of(terms_obj, &terms_v, 8, "terms") < 0)
        return NULL;
    if (items_of(ptr_obj, &ptr_v, 8, "doc_ptr") < 0) {
        PyBuffer_Release(&terms_v);
        return NULL;
    }
    if (PyObject_GetBuffer(out_obj, &out_v, PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE) < 0) {
        PyBuffer_Release(&terms_v);
        PyBuffer_Release(&ptr_v);
        return NULL;
    }
    PyObject *result = NULL;
    const int64_t *terms = terms_v.buf, *ptr = ptr_v.buf;
    int64_t *out = out_v.buf, *last = NULL;
    Py_ssize_t n = terms_v.len / 8, n_docs = ptr_v.len / 8 - 1, n_terms = out_v.len / 8;
    if (out_v.itemsize != 8) {
        PyErr_SetString(PyExc_TypeError, "add_doc_freq(): doc_freq must hold 8-byte integers");
        goto done;
    }
    if (n_docs < 0 || ptr[0] != 0 || ptr[n_docs] != n) {
        PyErr_SetString(PyExc_ValueError, "add_doc_freq(): doc_ptr must run from 0 to len(terms)");
        goto done;
    }
    for (Py_ssize_t d = 0; d < n_docs; d++) {
        if (ptr[d] > ptr[d + 1]) {
            PyErr_SetString(PyExc_ValueError, "add_doc_freq(): doc_ptr must not decrease");
            goto done;
        }
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        if (terms[k] < -1 || terms[k] >= n_terms) {
            PyErr_Format(PyExc_ValueError, "add_doc_freq(): term %lld is out of range", (long long)terms[k]);
            goto done;
        }
    }
    last = PyMem_Malloc((n_terms ? n_terms : 1) * sizeof(int64_t));
    if (last == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t t = 0; t < n_terms; t++)
        last[t] = -1;
    for (Py_ssize_t d = 0; d < n_docs; d++) {
        for (int64_t k = ptr[d]; k < ptr[d + 1]; k++) {
            int64_t t = terms[k];
            if (t >= 0 && last[t] != d) {
                last[t] = d;
                out[t]++;
            }
        }
    }
    result = Py_None;
    Py_INCREF(result);
done:
    PyMem_Free(last);
    PyBuffer_Release(&terms_v);
    PyBuffer_Release(&ptr_v);
    PyBuffer_Release(&out_v);
    return result;
}

/* pair_overlaps(candidate, paragraphs) -> (n_pairs, [overlap, ...])
 *
 * The distinct pairs of consecutive words of candidate (words: str.split()), and for each
 * paragraph how many of them are also pairs of consecutive words there; what
 *     pairs = set(zip(w, w[1:])); [len(pairs & set(zip(v, v[1:]))) for v in ...]
 * gives (analysis/boilerplate.py, _pair_overlaps), without building the tuples. */
typedef struct {
    Py_ssize_t a, a_len, b, b_len;  /* the two words: start and length in the candidate */
    uint64_t hash;
    Py_ssize_t stamp;               /* the last paragraph that had this pair, plus one */
} Pair;

typedef struct {
    Py_ssize_t start, len;
    uint64_t hash;
} Word;

static uint64_t
word_hash(int kind, const void *data, Py_ssize_t start, Py_ssize_t len)
{
    uint64_t hash = FNV_OFFSET;
    for (Py_ssize_t i = 0; i < len; i++)
        hash = (hash ^ PyUnicode_READ(kind, data, start + i)) * FNV_PRIME;
    return hash;
}

static inline uint64_t
pair_hash(uint64_t first, uint64_t second)
{
    uint64_t hash = (first ^ (first >> 31)) * 0x9E3779B97F4A7C15ULL ^ second;
    return hash ^ (hash >> 29);
}

static int
same_span(int kind1, const void *data1, Py_ssize_t start1, int kind2, const void *data2, Py_ssize_t start2,
          Py_ssize_t len)
{
    for (Py_ssize_t i = 0; i < len; i++) {
        if (PyUnicode_READ(kind1, data1, start1 + i) != PyUnicode_READ(kind2, data2, start2 + i))
            return 0;
    }
    return 1;
}

/* the next word of text at or after *at: 1 with its span and hash, or 0 at the end */
static int
next_word(int kind, const void *data, Py_ssize_t n, Py_ssize_t *at, Word *word)
{
    Py_ssize_t i = *at;
    while (i < n && is_space(PyUnicode_READ(kind, data, i)))
        i++;
    if (i >= n) {
        *at = n;
        return 0;
    }
    Py_ssize_t start = i;
    while (i < n && !is_space(PyUnicode_READ(kind, data, i)))
        i++;
    word->start = start;
    word->len = i - start;
    word->hash = word_hash(kind, data, start, i - start);
    *at = i;
    return 1;
}

static PyObject *
pair_overlaps(PyObject *module, PyObject *args)
{
    PyObject *candidate, *paragraphs;
    if (!PyArg_ParseTuple(args, "UO:pair_overlaps", &candidate, &paragraphs))
        return NULL;
    PyObject *seq = PySequence_Fast(paragraphs, "pair_overlaps() needs a sequence of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(candidate), at = 0, n_pairs = 0, capacity = 0;
    int kind = PyUnicode_KIND(candidate);
    const void *data = PyUnicode_DATA(candidate);
    Pair *pairs = NULL;
    Py_ssize_t *slots = NULL;
    size_t mask = 0;
    PyObject *overlaps = NULL, *result = NULL;
    Word previous, word;
    int have_previous = next_word(kind, data, n, &at, &previous);
    /* the candidate's distinct pairs, in an open-addressing table of indices into pairs */
    while (have_previous && next_word(kind, data, n, &at, &word)) {
        uint64_t hash = pair_hash(previous.hash, word.hash);
        if ((size_t)(n_pairs + 1) * 2 > mask + 1) {
            size_t size = mask ? (mask + 1) * 2 : 64;
            Py_ssize_t *grown = PyMem_Malloc(size * sizeof(Py_ssize_t));
            if (grown == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            for (size_t i = 0; i < size; i++)
                grown[i] = -1;
            for (Py_ssize_t p = 0; p < n_pairs; p++) {
                size_t slot = (size_t)pairs[p].hash & (size - 1);
                while (grown[slot] >= 0)
                    slot = (slot + 1) & (size - 1);
                grown[slot] = p;
            }
            PyMem_Free(slots);
            slots = grown;
            mask = size - 1;
        }
        size_t slot = (size_t)hash & mask;
        int known = 0;
        for (; slots[slot] >= 0; slot = (slot + 1) & mask) {
            Pair *pair = &pairs[slots[slot]];
            if (pair->hash == hash && pair->a_len == previous.len && pair->b_len == word.len
                && same_span(kind, data, pair->a, kind, data, previous.start, previous.len)
                && same_span(kind, data, pair->b, kind, data, word.start, word.len)) {
                known = 1;
                break;
            }
        }
        if (!known) {
            if (n_pairs == capacity && grow((void **)&pairs, &capacity, 64, sizeof(Pair)) < 0)
                goto done;
            pairs[n_pairs] = (Pair){previous.start, previous.len, word.start, word.len, hash, 0};
            slots[slot] = n_pairs++;
        }
        previous = word;
    }
    Py_ssize_t n_paragraphs = PySequence_Fast_GET_SIZE(seq);
    overlaps = PyList_New(n_paragraphs);
    if (overlaps == NULL)
        goto done;
    for (Py_ssize_t p = 0; p < n_paragraphs; p++) {
        PyObject *text = PySequence_Fast_GET_ITEM(seq, p);
        if (!PyUnicode_Check(text)) {
            PyErr_Format(PyExc_TypeError, "pair_overlaps() needs str paragraphs, item %zd is %.80s", p,
                         Py_TYPE(text)->tp_name);
            goto done;
        }
        Py_ssize_t found = 0, m = PyUnicode_GET_LENGTH(text), pos = 0;
        int pkind = PyUnicode_KIND(text);
        const void *pdata = PyUnicode_DATA(text);
        if (n_pairs > 0 && next_word(pkind, pdata, m, &pos, &previous)) {
            while (next_word(pkind, pdata, m, &pos, &word)) {
                uint64_t hash = pair_hash(previous.hash, word.hash);
                for (size_t slot = (size_t)hash & mask; slots[slot] >= 0; slot = (slot + 1) & mask) {
                    Pair *pair = &pairs[slots[slot]];
                    if (pair->hash == hash && pair->a_len == previous.len && pair->b_len == word.len
                        && same_span(kind, data, pair->a, pkind, pdata, previous.start, previous.len)
                        && same_span(kind, data, pair->b, pkind, pdata, word.start, word.len)) {
                        if (pair->stamp != p + 1) {
                            pair->stamp = p + 1;
                            found++;
                        }
                        break;
                    }
                }
                previous = word;
            }
        }
        PyObject *count = PyLong_FromSsize_t(found);
        if (count == NULL)
            goto done;
        PyList_SET_ITEM(overlaps, p, count);
    }
    result = Py_BuildValue("nO", n_pairs, overlaps);
done:
    Py_XDECREF(overlaps);
    Py_DECREF(seq);
    PyMem_Free(pairs);
    PyMem_Free(slots);
    return result;
}

/* text[i:j] with the characters that are not letters or digits (str.isalnum) cut off both
 * ends: analysis/boilerplate.py, _trim */
static PyObject *
trimmed(PyObject *text)
{
    Py_ssize_t i = 0, j = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    while (i < j && !Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, i)))
        i++;
    while (j > i && !Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, j - 1)))
        j--;
    return PyUnicode_Substring(text, i, j);
}

/* the key of a normalized line: its words joined by single spaces, trimmed; with the joined
 * words in *joined (a new reference) */
static PyObject *
line_key(PyObject *normalized, PyObject **joined)
{
    *joined = joined_words(NULL, normalized);
    return *joined == NULL ? NULL : trimmed(*joined);
}

/* normalize(...) of each of the lines (a list of str without line breaks), in one call on
 * the lines joined by "\n" (analysis/boilerplate.py, _normalized): a new list, or NULL */
static PyObject *
normalized_lines(PyObject *normalize, PyObject *lines)
{
    PyObject *newline = PyUnicode_FromString("\n"), *joined = NULL, *normalized = NULL, *pieces = NULL;
    joined = newline == NULL ? NULL : PyUnicode_Join(newline, lines);
    normalized = joined == NULL ? NULL : PyObject_CallOneArg(normalize, joined);
    if (normalized != NULL && !PyUnicode_Check(normalized))
        PyErr_SetString(PyExc_TypeError, "line_rules(): normalize must return a str");
    else if (normalized != NULL)
        pieces = PyUnicode_Split(normalized, newline, -1);
    if (pieces != NULL && PyList_GET_SIZE(pieces) != PyList_GET_SIZE(lines)) {
        PyErr_SetString(PyExc_ValueError, "line_rules(): normalize made or removed a line break");
        Py_CLEAR(pieces);
    }
    Py_XDECREF(newline);
    Py_XDECREF(joined);
    Py_XDECREF(normalized);
    return pieces;
}

/* The pull quotes among the candidates ((line_no, start, end), in line order) of text: the
 * paragraphs are its lines with words, other than the rows' lines; each candidate, and each
 * paragraph longer than it, normalized (one call of normalize); a candidate with at least
 * min_words - 1 distinct word pairs whose key is not the title's is a pull quote when
 * `overlap` of its pairs are pairs of one longer paragraph (analysis/boilerplate.py,
 * _pull_quotes).  Returns a list of (line_no, start, end, 4). */
static PyObject *
pull_quotes(PyObject *module, PyObject *text, PyObject *rows, PyObject *candidates, PyObject *title_key,
            PyObject *normalize, Py_ssize_t min_words, double overlap)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), n_rows = PyList_GET_SIZE(rows), start = 0, no = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *result = NULL, *raw = PyList_New(0), *norms = NULL;
    Py_ssize_t *para_no = NULL, *para_len = NULL, n_paras = 0, capacity = 0, cap_len = 0;
    if (raw == NULL)
        return NULL;
    /* the paragraphs, as _line_texts cuts lines */
    while (start <= n) {
        Py_ssize_t end = line_end(kind, data, start, n), i;
        for (i = start; i < end && is_space(PyUnicode_READ(kind, data, i)); i++)
            ;
        int is_row = 0;
        for (Py_ssize_t r = 0; r < n_rows && !is_row; r++)
            is_row = PyLong_AsSsize_t(PyTuple_GET_ITEM(PyList_GET_ITEM(rows, r), 0)) == no;
        if (i < end && !is_row) {
            PyObject *line = PyUnicode_Substring(text, start, end);
            if (line == NULL || PyList_Append(raw, line) < 0) {
                Py_XDECREF(line);
                goto done;
            }
            Py_DECREF(line);
            if ((n_paras == capacity && grow((void **)&para_no, &capacity, 16, sizeof(Py_ssize_t)) < 0)
                || (n_paras == cap_len && grow((void **)&para_len, &cap_len, 16, sizeof(Py_ssize_t)) < 0))
                goto done;
            para_no[n_paras] = no;
            para_len[n_paras++] = end - start;
        }
        if (end >= n)
            break;
        start = end + ((PyUnicode_READ(kind, data, end) == '\r' && end + 1 < n
                        && PyUnicode_READ(kind, data, end + 1) == '\n') ? 2 : 1);
        no++;
    }
    result = PyList_New(0);
    if (result == NULL || n_paras == 0)
        goto done;
    norms = normalized_lines(normalize, raw);
    if (norms == NULL) {
        Py_CLEAR(result);
        goto done;
    }
    for (Py_ssize_t c = 0; c < PyList_GET_SIZE(candidates); c++) {
        PyObject *candidate = PyList_GET_ITEM(candidates, c);
        Py_ssize_t cand_no = PyLong_AsSsize_t(PyTuple_GET_ITEM(candidate, 0)), k = 0;
        while (k < n_paras && para_no[k] != cand_no)
            k++;
        if (k == n_paras)
            continue;                            /* a candidate always has words; kept safe */
        PyObject *longer = PyList_New(0), *args = NULL, *found = NULL, *key = NULL, *words = NULL;
        int quote = 0;
        if (longer == NULL)
            goto fail;
        for (Py_ssize_t j = 0; j < n_paras; j++) {
            if (j != k && para_len[j] > para_len[k] && PyList_Append(longer, PyList_GET_ITEM(norms, j)) < 0)
                goto fail;
        }
        args = PyTuple_Pack(2, PyList_GET_ITEM(norms, k), longer);
        found = args == NULL ? NULL : pair_overlaps(module, args);
        if (found == NULL)
            goto fail;
        Py_ssize_t n_pairs = PyLong_AsSsize_t(PyTuple_GET_ITEM(found, 0));
        if (n_pairs >= min_words - 1) {
            key = line_key(PyList_GET_ITEM(norms, k), &words);
            if (key == NULL)
                goto fail;
            if (PyUnicode_Compare(key, title_key) != 0) {
                PyObject *overlaps = PyTuple_GET_ITEM(found, 1);
                for (Py_ssize_t j = 0; j < PyList_GET_SIZE(overlaps) && !quote; j++)
                    quote = (double)PyLong_AsSsize_t(PyList_GET_ITEM(overlaps, j)) >= overlap * (double)n_pairs;
            }
        }
        if (quote) {
            PyObject *entry = Py_BuildValue("(OOOi)", PyTuple_GET_ITEM(candidate, 0), PyTuple_GET_ITEM(candidate, 1),
                                            PyTuple_GET_ITEM(candidate, 2), 4);
            if (entry == NULL || PyList_Append(result, entry) < 0) {
                Py_XDECREF(entry);
                goto fail;
            }
            Py_DECREF(entry);
        }
        Py_DECREF(longer);
        Py_DECREF(args);
        Py_DECREF(found);
        Py_XDECREF(key);
        Py_XDECREF(words);
        continue;
    fail:
        Py_XDECREF(longer);
        Py_XDECREF(args);
        Py_XDECREF(found);
        Py_XDECREF(key);
        Py_XDECREF(words);
        Py_CLEAR(result);
        goto done;
    }
done:
    Py_DECREF(raw);
    Py_XDECREF(norms);
    PyMem_Free(para_no);
    PyMem_Free(para_len);
    return result;
}

/* line_rules(text, title, short, max_chars, min_words, overlap, closers, stops, normalize,
 *            exact, prefixes, date_match, is_label) -> rows
 *
 * The boilerplate rules that look at one line at a time, as analysis/boilerplate.py,
 * _line_rules, applies them (it is the reference, and the tests compare the two): the lines
 * marked_lines() marks; the short ones normalized in one call of normalize on the lines
 * joined by "\n"; a line whose key is empty, in the set exact or starts with one of the
 * prefixes is navigation (rule 0), else one whose words date_match matches, with a key under
 * 60 characters, a date (1); then the title's key again (2), and a label (is_label) above the
 * title's first line (3); last, the pull quotes among the candidates left (4, pull_quotes).
 * rows: (line_no, start, end, rule), in line order. */
static PyObject *
line_rules(PyObject *module, PyObject *args)
{
    PyObject *text, *title, *closers, *stops, *normalize, *exact, *prefixes, *date_match, *is_label;
    Py_ssize_t short_chars, max_chars, min_words;
    double overlap;
    if (!PyArg_ParseTuple(args, "UUnnndUUOO!O!OO:line_rules", &text, &title, &short_chars, &max_chars, &min_words,
                          &overlap, &closers, &stops, &normalize, &PyFrozenSet_Type, &exact, &PyTuple_Type, &prefixes,
                          &date_match, &is_label))
        return NULL;
    PyObject *marked_args = Py_BuildValue("(OnnnOO)", text, short_chars, max_chars, min_words, closers, stops);
    if (marked_args == NULL)
        return NULL;
    PyObject *marked = marked_lines(module, marked_args);
    Py_DECREF(marked_args);
    if (marked == NULL)
        return NULL;
    Py_ssize_t n_marked = PyList_GET_SIZE(marked), n_keyed = 0, i;
    PyObject *result = NULL, *raw = NULL, *pieces = NULL;
    PyObject *rows = NULL, *candidates = NULL, *title_key = NULL;
    /* per keyed line: its index in marked, raw text, joined words, key, rule (-1: none) */
    Py_ssize_t *at = NULL;
    PyObject **texts = NULL, **joined = NULL, **keys = NULL;
    int *rule = NULL;

    at = PyMem_Calloc(n_marked + 1, sizeof(Py_ssize_t));
    texts = PyMem_Calloc(n_marked + 1, sizeof(PyObject *));
    joined = PyMem_Calloc(n_marked + 1, sizeof(PyObject *));
    keys = PyMem_Calloc(n_marked + 1, sizeof(PyObject *));
    rule = PyMem_Calloc(n_marked + 1, sizeof(int));
    raw = PyList_New(0);
    if (!at || !texts || !joined || !keys || !rule || !raw) {
        PyErr_NoMemory();
        goto done;
    }
    for (i = 0; i < n_marked; i++) {
        PyObject *item = PyList_GET_ITEM(marked, i);
        if (!(PyLong_AsLong(PyTuple_GET_ITEM(item, 3)) & 1))
            continue;
        PyObject *line = PyUnicode_Substring(text, PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 1)),
                                             PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 2)));
        if (line == NULL || PyList_Append(raw, line) < 0) {
            Py_XDECREF(line);
            goto done;
        }
        at[n_keyed] = i;
        texts[n_keyed] = line;                          /* the reference moves here */
        rule[n_keyed++] = -1;
    }
    if (n_keyed > 0) {
        pieces = normalized_lines(normalize, raw);
        if (pieces == NULL)
            goto done;
        for (i = 0; i < n_keyed; i++) {
            keys[i] = line_key(PyList_GET_ITEM(pieces, i), &joined[i]);
            if (keys[i] == NULL)
                goto done;
        }
    }
    /* navigation and dates */
    Py_ssize_t n_prefixes = PyTuple_GET_SIZE(prefixes);
    for (i = 0; i < n_keyed; i++) {
        int nav = PyUnicode_GET_LENGTH(keys[i]) == 0;
        if (!nav) {
            nav = PySet_Contains(exact, keys[i]);
            if (nav < 0)
                goto done;
        }
        for (Py_ssize_t p = 0; !nav && p < n_prefixes; p++) {
            Py_ssize_t match = PyUnicode_Tailmatch(keys[i], PyTuple_GET_ITEM(prefixes, p), 0, PY_SSIZE_T_MAX, -1);
            if (match < 0)
                goto done;
            nav = (int)match;
        }
        if (nav) {
            rule[i] = 0;
            continue;
        }
        if (PyUnicode_GET_LENGTH(keys[i]) < 60) {
            PyObject *match = PyObject_CallOneArg(date_match, joined[i]);
            if (match == NULL)
                goto done;
            int date = match != Py_None;
            Py_DECREF(match);
            if (date)
                rule[i] = 1;
        }
    }
    /* the title's key: a line's, when the title is one of the lines, else the title's own */
    if (PyUnicode_GET_LENGTH(title) == 0)
        title_key = PyUnicode_FromString("");
    else {
        for (i = 0; i < n_keyed && title_key == NULL; i++) {
            int same = PyUnicode_Compare(texts[i], title);
            if (same == -1 && PyErr_Occurred())
                goto done;
            if (same == 0) {
                title_key = keys[i];
                Py_INCREF(title_key);
            }
        }
        if (title_key == NULL) {
            PyObject *norm_title = PyObject_CallOneArg(normalize, title), *joined_title = NULL;
            if (norm_title == NULL)
                goto done;
            title_key = PyUnicode_Check(norm_title) ? line_key(norm_title, &joined_title) : NULL;
            if (title_key == NULL && !PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "line_rules(): normalize must return a str");
            Py_DECREF(norm_title);
            Py_XDECREF(joined_title);
            if (title_key == NULL)
                goto done;
        }
    }
    int have_title = PyUnicode_GET_LENGTH(title_key) > 0, title_seen = 0;
    for (i = 0; have_title && i < n_keyed; i++) {
        if (rule[i] >= 0)
            continue;
        int is_title = PyUnicode_Compare(keys[i], title_key) == 0;
        if (is_title) {
            if (title_seen)
                rule[i] = 2;
            title_seen = 1;
        }
        else if (!title_seen) {
            PyObject *label = PyObject_CallOneArg(is_label, texts[i]);
            if (label == NULL)
                goto done;
            int yes = PyObject_IsTrue(label);
            Py_DECREF(label);
            if (yes < 0)
                goto done;
            for (Py_ssize_t later = i + 1; yes && later < n_keyed; later++) {
                if (PyUnicode_Compare(keys[later], title_key) == 0) {
                    rule[i] = 3;
                    break;
                }
            }
        }
    }
    /* the rows, and the candidates left (not a row, not the title's line) */
    rows = PyList_New(0);
    candidates = PyList_New(0);
    if (rows == NULL || candidates == NULL)
        goto done;
    Py_ssize_t k = 0;
    for (i = 0; i < n_marked; i++) {
        PyObject *item = PyList_GET_ITEM(marked, i);
        long flags = PyLong_AsLong(PyTuple_GET_ITEM(item, 3));
        int keyed = k < n_keyed && at[k] == i, this_rule = keyed ? rule[k] : -1;
        int is_title = keyed && have_title && PyUnicode_Compare(keys[k], title_key) == 0;
        k += keyed;
        PyObject *entry = NULL;
        if (this_rule >= 0)
            entry = Py_BuildValue("(OOOi)", PyTuple_GET_ITEM(item, 0), PyTuple_GET_ITEM(item, 1),
                                  PyTuple_GET_ITEM(item, 2), this_rule);
        else if ((flags & 2) && !is_title)
            entry = PyTuple_GetSlice(item, 0, 3);
        else
            continue;
        if (entry == NULL || PyList_Append(this_rule >= 0 ? rows : candidates, entry) < 0) {
            Py_XDECREF(entry);
            goto done;
        }
        Py_DECREF(entry);
    }
    if (PyList_GET_SIZE(candidates) == 0) {
        result = rows;
        Py_INCREF(result);
        goto done;
    }
    PyObject *quotes = pull_quotes(module, text, rows, candidates, title_key, normalize, min_words, overlap);
    if (quotes == NULL)
        goto done;
    /* both in line order: merged, the rows sorted by line */
    result = PyList_New(0);
    Py_ssize_t a = 0, b = 0, n_rows = PyList_GET_SIZE(rows), n_quotes = PyList_GET_SIZE(quotes);
    while (result != NULL && (a < n_rows || b < n_quotes)) {
        PyObject *next;
        if (b == n_quotes || (a < n_rows && PyLong_AsSsize_t(PyTuple_GET_ITEM(PyList_GET_ITEM(rows, a), 0))
                                               < PyLong_AsSsize_t(PyTuple_GET_ITEM(PyList_GET_ITEM(quotes, b), 0))))
            next = PyList_GET_ITEM(rows, a++);
        else
            next = PyList_GET_ITEM(quotes, b++);
        if (PyList_Append(result, next) < 0)
            Py_CLEAR(result);
    }
    Py_DECREF(quotes);
done:
    for (i = 0; i < n_keyed; i++) {
        Py_XDECREF(texts[i]);
        Py_XDECREF(joined[i]);
        Py_XDECREF(keys[i]);
    }
    PyMem_Free(at);
    PyMem_Free(texts);
    PyMem_Free(joined);
    PyMem_Free(keys);
    PyMem_Free(rule);
    Py_DECREF(marked);
    Py_XDECREF(raw);
    Py_XDECREF(pieces);
    Py_XDECREF(rows);
    Py_XDECREF(candidates);
    Py_XDECREF(title_key);
    return result;
}

/* sorted_find(blob, starts, word) -> index or -1
 *
 * blob holds words in code-point order, word i at blob[starts[i]:starts[i + 1] - 1] (each
 * followed by one separator); starts (int64) has one entry more than there are words.  A
 * binary search comparing code points, as str comparison does (analysis/lexicon.py,
 * _SortedWords, keeps the folded lexicon this way: 8 MB where a dict takes 34). */
static PyObject *
sorted_find(PyObject *module, PyObject *args)
{
    PyObject *blob, *starts_obj, *word;
    if (!PyArg_ParseTuple(args, "UOU:sorted_find", &blob, &starts_obj, &word))
        return NULL;
    Py_buffer view;
    if (items_of(starts_obj, &view, 8, "starts") < 0)
        return NULL;
    const int64_t *starts = view.buf;
    Py_ssize_t n_words = view.len / 8 - 1, n_blob = PyUnicode_GET_LENGTH(blob), lo = 0, hi = n_words;
    Py_ssize_t m = PyUnicode_GET_LENGTH(word), found = -1;
    int bkind = PyUnicode_KIND(blob), wkind = PyUnicode_KIND(word);
    const void *bdata = PyUnicode_DATA(blob), *wdata = PyUnicode_DATA(word);
    if (n_words < 0 || (n_words > 0 && (starts[0] != 0 || starts[n_words] != n_blob + 1))) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "sorted_find(): starts must run from 0 to len(blob) + 1");
        return NULL;
    }
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2, a = starts[mid], len = starts[mid + 1] - 1 - a, i = 0;
        if (a < 0 || len < 0 || a + len > n_blob) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_ValueError, "sorted_find(): starts out of order");
            return NULL;
        }
        int order = 0;
        for (; i < len && i < m && order == 0; i++) {
            Py_UCS4 x = PyUnicode_READ(bkind, bdata, a + i), y = PyUnicode_READ(wkind, wdata, i);
            order = x < y ? -1 : x > y;
        }
        if (order == 0)
            order = len < m ? -1 : len > m;
        if (order == 0) {
            found = mid;
            break;
        }
        if (order < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(found);
}

static PyMethodDef methods[] = {
    {"marked_lines", marked_lines, METH_VARARGS,
     "marked_lines(text, short, max_chars, min_words, closers, stops) -> [(line_no, start, end, flags)]"},
    {"joined_words", joined_words, METH_O, "joined_words(text) -> \" \".join(text.split())"},
    {"doc_counts", doc_counts, METH_VARARGS,
     "doc_counts(sid, lengths, ptr, flat, n_norms) -> (ids, counts, doc_ptr, doc_tokens, norm_counts, "
     "norm_docs, surface_counts)"},
    {"add_doc_freq", add_doc_freq, METH_VARARGS,
     "add_doc_freq(terms, doc_ptr, doc_freq): add each document's distinct terms to doc_freq"},
    {"pair_overlaps", pair_overlaps, METH_VARARGS,
     "pair_overlaps(candidate, paragraphs) -> (distinct word pairs of candidate, [how many are in each paragraph])"},
    {"line_rules", line_rules, METH_VARARGS,
     "line_rules(text, title, short, max_chars, min_words, overlap, closers, stops, normalize, exact, prefixes, "
     "date_match, is_label) -> rows"},
    {"sorted_find", sorted_find, METH_VARARGS, "sorted_find(blob, starts, word) -> index of word, or -1"},
    {"first_in", first_in, METH_VARARGS,
     "first_in(text, ((lo, hi), ...)) -> index of the first character in one of the ranges, or -1"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan",
                                    "The compiled core of counting (see analysis/_scan.c).", -1,
                                    methods};

PyMODINIT_FUNC
PyInit__scan(void)
{
    if (PyType_Ready(&ScannerType) < 0 || PyType_Ready(&TranslatorType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&ScannerType);
    if (PyModule_AddObject(m, "Scanner", (PyObject *)&ScannerType) < 0) {
        Py_DECREF(&ScannerType);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&TranslatorType);
    if (PyModule_AddObject(m, "Translator", (PyObject *)&TranslatorType) < 0) {
        Py_DECREF(&TranslatorType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
