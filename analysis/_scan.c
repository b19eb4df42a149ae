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

static PyMethodDef methods[] = {
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
