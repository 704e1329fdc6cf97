#ifndef VERDANT_CLIBXML2_SHIM_H
#define VERDANT_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 rejects as shared mutable
/// state; call it through this function instead.
static inline void clibxml2_free(void *ptr) { xmlFree(ptr); }

#endif
