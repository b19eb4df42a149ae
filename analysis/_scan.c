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
 * Translator(table)(text) is str.translate with the normalizer's table (analysis/normalize.py).
 *
 * Interner() keeps distinct strings compactly by id (analysis/interner.py: the merged vocabulary of a
 * large corpus).
 *
 * Nothing else is compiled: every rule a researcher may tune (boilerplate, pull quotes,
 * clitics, stopwords) lives in Python only.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

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

/* a new open-addressing table of `size` slots (a power of two) holding ids 0..count-1 by
 * their hashes; NULL (MemoryError set) if it cannot be allocated.  For 64-bit hashes (the
 * scanner's vocabulary) and 32-bit ones (the Interner's). */
#define DEFINE_SLOTS_FOR(name, hash_t)                                                \
    static int32_t *                                                                  \
    name(const hash_t *hashes, Py_ssize_t count, size_t size)                         \
    {                                                                                 \
        int32_t *slots = PyMem_Malloc(size * sizeof(int32_t));                        \
        if (slots == NULL) {                                                          \
            PyErr_NoMemory();                                                         \
            return NULL;                                                              \
        }                                                                             \
        memset(slots, 0xff, size * sizeof(int32_t));                                  \
        for (Py_ssize_t id = 0; id < count; id++) {                                   \
            size_t at = (size_t)hashes[id] & (size - 1);                              \
            while (slots[at] >= 0)                                                    \
                at = (at + 1) & (size - 1);                                           \
            slots[at] = (int32_t)id;                                                  \
        }                                                                             \
        return slots;                                                                 \
    }
DEFINE_SLOTS_FOR(slots_for, uint64_t)
DEFINE_SLOTS_FOR(slots_for32, uint32_t)

static int
vocabulary_grow(Vocabulary *v)
{
    size_t size = (v->mask + 1) * 2;
    int32_t *slots = slots_for(v->hashes, v->count, size);
    if (slots == NULL)
        return -1;
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


/* Interner: distinct strings, each given an id in order of first appearance, kept as UTF-8
 * one after another in one buffer (with an offset per id) and found through an open-
 * addressing table of their hashes: about 35 bytes a short Arabic word, where a Python str
 * in a dict and a list takes well over 100.  The reference definition is
 * analysis.interner.PyInterner (a dict and a list); tests/test_interner.py compares them.
 * UTF-8 bytes order as code points do, so order() sorts as Python sorts str. */
typedef struct {
    PyObject_HEAD
    char *chars;            /* UTF-8 of every string, one after another */
    size_t n_chars, chars_capacity;
    uint32_t *offsets;      /* string id: chars[offsets[id]:offsets[id + 1]] (under 4 GB in all) */
    uint32_t *hashes;       /* per id: the low half of its hash (the table has at most 2**32 slots) */
    int32_t *slots;         /* open addressing: id or -1; NULL once the index is dropped */
    size_t mask;
    Py_ssize_t count, capacity;
} Interner;

static uint64_t
bytes_hash(const char *s, Py_ssize_t n)
{
    uint64_t hash = FNV_OFFSET;
    for (Py_ssize_t i = 0; i < n; i++)
        hash = (hash ^ (unsigned char)s[i]) * FNV_PRIME;
    return hash ^ (hash >> 29);
}

/* A scratch buffer for the UTF-8 of one key at a time. */
typedef struct {
    char *data;
    size_t capacity;
} Scratch;

/* The UTF-8 of key, surrogates encoded as "surrogatepass" does: the str's own bytes when it
 * is ASCII, else encoded into the scratch buffer from the str's code points.  Nothing is
 * cached on the key (PyUnicode_AsUTF8AndSize would keep a UTF-8 copy on every str looked up)
 * and nothing is allocated per key. */
static const char *
utf8_of(PyObject *key, Py_ssize_t *size, Scratch *scratch)
{
    if (!PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "Interner keys must be str, not %.80s", Py_TYPE(key)->tp_name);
        return NULL;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(key) < 0)
        return NULL;
#endif
    Py_ssize_t n = PyUnicode_GET_LENGTH(key);
    if (PyUnicode_IS_ASCII(key)) {
        *size = n;
        return (const char *)PyUnicode_DATA(key);
    }
    if ((size_t)n * 4 > scratch->capacity) {
        size_t wanted = (size_t)n * 4 < 256 ? 256 : (size_t)n * 4;
        char *data = PyMem_Realloc(scratch->data, wanted);
        if (data == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        scratch->data = data;
        scratch->capacity = wanted;
    }
    int kind = PyUnicode_KIND(key);
    const void *chars = PyUnicode_DATA(key);
    unsigned char *out = (unsigned char *)scratch->data;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, chars, i);
        if (ch < 0x80) {
            *out++ = (unsigned char)ch;
        } else if (ch < 0x800) {
            *out++ = (unsigned char)(0xC0 | (ch >> 6));
            *out++ = (unsigned char)(0x80 | (ch & 0x3F));
        } else if (ch < 0x10000) {
            *out++ = (unsigned char)(0xE0 | (ch >> 12));
            *out++ = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
            *out++ = (unsigned char)(0x80 | (ch & 0x3F));
        } else {
            *out++ = (unsigned char)(0xF0 | (ch >> 18));
            *out++ = (unsigned char)(0x80 | ((ch >> 12) & 0x3F));
            *out++ = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
            *out++ = (unsigned char)(0x80 | (ch & 0x3F));
        }
    }
    *size = (Py_ssize_t)(out - (unsigned char *)scratch->data);
    return scratch->data;
}

static int
interner_rehash(Interner *self, size_t size)
{
    int32_t *slots = slots_for32(self->hashes, self->count, size);
    if (slots == NULL)
        return -1;
    PyMem_Free(self->slots);
    self->slots = slots;
    self->mask = size - 1;
    return 0;
}

/* the id of s (-1 if absent); *at is the free slot where it would go */
static int64_t
interner_find(Interner *self, const char *s, Py_ssize_t n, uint32_t hash, size_t *at)
{
    size_t i = (size_t)hash & self->mask;
    for (;;) {
        int32_t id = self->slots[i];
        if (id < 0)
            break;
        if (self->hashes[id] == hash && (Py_ssize_t)(self->offsets[id + 1] - self->offsets[id]) == n
            && memcmp(self->chars + self->offsets[id], s, (size_t)n) == 0)
            return id;
        i = (i + 1) & self->mask;
    }
    *at = i;
    return -1;
}

static int64_t
interner_add(Interner *self, const char *s, Py_ssize_t n, uint32_t hash, size_t at)
{
    if (self->count >= INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "more than 2**31 distinct strings");
        return -1;
    }
    if (self->count + 1 >= self->capacity) {
        Py_ssize_t capacity = self->capacity;
        if (grow((void **)&self->hashes, &capacity, 1024, sizeof(uint32_t)) < 0)
            return -1;
        capacity = self->capacity;
        if (grow((void **)&self->offsets, &capacity, 1024, sizeof(uint32_t)) < 0)
            return -1;
        self->capacity = capacity;
    }
    if (self->n_chars + (size_t)n > UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "more than 4 GB of distinct strings");
        return -1;
    }
    if (self->n_chars + (size_t)n > self->chars_capacity) {
        size_t wanted = self->chars_capacity * 2;
        while (wanted < self->n_chars + (size_t)n)
            wanted *= 2;
        char *chars = PyMem_Realloc(self->chars, wanted);
        if (chars == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        self->chars = chars;
        self->chars_capacity = wanted;
    }
    memcpy(self->chars + self->n_chars, s, (size_t)n);
    self->n_chars += (size_t)n;
    int64_t id = self->count++;
    self->offsets[id + 1] = (uint32_t)self->n_chars;
    self->hashes[id] = hash;
    self->slots[at] = (int32_t)id;
    if ((size_t)self->count * 2 > self->mask + 1 && interner_rehash(self, (self->mask + 1) * 2) < 0)
        return -1;
    return id;
}

static PyObject *
Interner_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) != 0 || (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Interner() takes no arguments");
        return NULL;
    }
    Interner *self = (Interner *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->capacity = 1024;
    self->hashes = PyMem_Malloc(1024 * sizeof(uint32_t));
    self->offsets = PyMem_Malloc(1024 * sizeof(uint32_t));
    self->slots = PyMem_Malloc(2048 * sizeof(int32_t));
    self->chars = PyMem_Malloc(1 << 12);
    self->chars_capacity = 1 << 12;
    if (self->hashes == NULL || self->offsets == NULL || self->slots == NULL || self->chars == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    self->offsets[0] = 0;
    self->mask = 2047;
    memset(self->slots, 0xff, 2048 * sizeof(int32_t));
    return (PyObject *)self;
}

static void
Interner_dealloc(Interner *self)
{
    PyMem_Free(self->chars);
    PyMem_Free(self->offsets);
    PyMem_Free(self->hashes);
    PyMem_Free(self->slots);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* ids of keys as bytes of int64, adding the new ones (add) or giving -1 for them */
static PyObject *
interner_ids(Interner *self, PyObject *keys, int add)
{
    if (self->slots == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "this Interner's index was dropped: it can no longer look strings up");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(keys, "Interner needs a sequence of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *out = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int64_t));
    if (out == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    int64_t *ids = (int64_t *)PyBytes_AS_STRING(out);
    Scratch scratch = {NULL, 0};
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t size;
        const char *s = utf8_of(PySequence_Fast_GET_ITEM(seq, k), &size, &scratch);
        if (s == NULL)
            goto error;
        uint32_t hash = (uint32_t)bytes_hash(s, size);
        size_t at;
        int64_t id = interner_find(self, s, size, hash, &at);
        if (id < 0 && add)
            id = interner_add(self, s, size, hash, at);
        if (id < 0 && PyErr_Occurred())
            goto error;
        ids[k] = id;
    }
    PyMem_Free(scratch.data);
    Py_DECREF(seq);
    return out;
error:
    PyMem_Free(scratch.data);
    Py_DECREF(seq);
    Py_DECREF(out);
    return NULL;
}

static PyObject *
Interner_add(Interner *self, PyObject *keys)
{
    return interner_ids(self, keys, 1);
}

static PyObject *
Interner_find(Interner *self, PyObject *keys)
{
    return interner_ids(self, keys, 0);
}

static PyObject *
interner_string(Interner *self, int64_t id)
{
    return PyUnicode_DecodeUTF8(self->chars + self->offsets[id], (Py_ssize_t)(self->offsets[id + 1] - self->offsets[id]),
                                "surrogatepass");
}

static PyObject *
Interner_strings(Interner *self, PyObject *args)
{
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (!PyArg_ParseTuple(args, "|nn:strings", &start, &stop))
        return NULL;
    if (start < 0 || stop < 0) {
        PyErr_SetString(PyExc_ValueError, "strings(): start and stop are ids, not negative");
        return NULL;
    }
    if (start > self->count)
        start = self->count;
    if (stop > self->count)
        stop = self->count;
    if (stop < start)
        stop = start;
    PyObject *list = PyList_New(stop - start);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t id = start; id < stop; id++) {
        PyObject *s = interner_string(self, id);
        if (s == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, id - start, s);
    }
    return list;
}

static PyObject *
Interner_take(Interner *self, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return NULL;
    if (view.itemsize != sizeof(int64_t)
        || (view.format != NULL && (view.format[0] == '\0' || strchr("ql", view.format[0]) == NULL))) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_TypeError, "take() needs a contiguous buffer of int64 ids");
        return NULL;
    }
    Py_ssize_t n = view.len / (Py_ssize_t)sizeof(int64_t);
    const int64_t *ids = (const int64_t *)view.buf;
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        if (ids[k] < 0 || ids[k] >= self->count) {
            PyErr_Format(PyExc_IndexError, "string id %lld out of range (%zd strings)", (long long)ids[k], self->count);
            goto error;
        }
        PyObject *s = interner_string(self, ids[k]);
        if (s == NULL)
            goto error;
        PyList_SET_ITEM(list, k, s);
    }
    PyBuffer_Release(&view);
    return list;
error:
    PyBuffer_Release(&view);
    Py_DECREF(list);
    return NULL;
}

static const Interner *sorting;     /* qsort has no context argument; the GIL is held throughout */

static int
compare_ids(const void *a, const void *b)
{
    int64_t i = *(const int64_t *)a, j = *(const int64_t *)b;
    uint32_t ni = sorting->offsets[i + 1] - sorting->offsets[i], nj = sorting->offsets[j + 1] - sorting->offsets[j];
    int c = memcmp(sorting->chars + sorting->offsets[i], sorting->chars + sorting->offsets[j],
                   (size_t)(ni < nj ? ni : nj));
    if (c != 0)
        return c;
    return ni < nj ? -1 : ni > nj;
}

static PyObject *
Interner_order(Interner *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *out = PyBytes_FromStringAndSize(NULL, self->count * (Py_ssize_t)sizeof(int64_t));
    if (out == NULL)
        return NULL;
    int64_t *ids = (int64_t *)PyBytes_AS_STRING(out);
    for (Py_ssize_t k = 0; k < self->count; k++)
        ids[k] = k;
    sorting = self;
    qsort(ids, (size_t)self->count, sizeof(int64_t), compare_ids);
    sorting = NULL;
    return out;
}

static PyObject *
Interner_drop_index(Interner *self, PyObject *Py_UNUSED(ignored))
{
    PyMem_Free(self->slots);
    PyMem_Free(self->hashes);
    self->slots = NULL;
    self->hashes = NULL;
    Py_RETURN_NONE;
}

static Py_ssize_t
Interner_len(Interner *self)
{
    return self->count;
}

static PyObject *
Interner_nbytes(Interner *self, void *closure)
{
    size_t n = self->chars_capacity + (size_t)self->capacity * sizeof(uint32_t);
    if (self->slots != NULL)
        n += (size_t)self->capacity * sizeof(uint32_t) + (self->mask + 1) * sizeof(int32_t);
    return PyLong_FromSize_t(n);
}

static PyMethodDef Interner_methods[] = {
    {"add", (PyCFunction)Interner_add, METH_O,
     "add(keys) -> bytes of int64: the id of each str, new ones added in order of first appearance"},
    {"find", (PyCFunction)Interner_find, METH_O, "find(keys) -> bytes of int64: the id of each str, -1 if absent"},
    {"strings", (PyCFunction)Interner_strings, METH_VARARGS, "strings([start[, stop]]) -> the strings of those ids"},
    {"take", (PyCFunction)Interner_take, METH_O, "take(ids) -> the strings of a buffer of int64 ids"},
    {"order", (PyCFunction)Interner_order, METH_NOARGS,
     "order() -> bytes of int64: the ids sorted by their strings (code-point order)"},
    {"drop_index", (PyCFunction)Interner_drop_index, METH_NOARGS,
     "free the hash table: the strings stay, add() and find() raise"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Interner_getset[] = {
    {"nbytes", (getter)Interner_nbytes, NULL, "bytes allocated", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods Interner_as_sequence = {.sq_length = (lenfunc)Interner_len};

static PyTypeObject InternerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "analysis._scan.Interner",
    .tp_basicsize = sizeof(Interner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Distinct strings by id, stored as UTF-8 in one buffer (see analysis/interner.py).",
    .tp_new = Interner_new,
    .tp_dealloc = (destructor)Interner_dealloc,
    .tp_methods = Interner_methods,
    .tp_getset = Interner_getset,
    .tp_as_sequence = &Interner_as_sequence,
};

static PyMethodDef methods[] = {
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan",
                                    "The compiled core of counting (see analysis/_scan.c).", -1,
                                    methods};

PyMODINIT_FUNC
PyInit__scan(void)
{
    if (PyType_Ready(&ScannerType) < 0 || PyType_Ready(&TranslatorType) < 0 || PyType_Ready(&InternerType) < 0)
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
    Py_INCREF(&InternerType);
    if (PyModule_AddObject(m, "Interner", (PyObject *)&InternerType) < 0) {
        Py_DECREF(&InternerType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
