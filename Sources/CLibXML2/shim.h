#ifndef VERDANT_CLIBXML2_SHIM_H
#define VERDANT_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU support, and its headers then include the system ICU,
   which clashes with the ICU that Foundation ships ('UErrorCode' has different definitions) in
   any module importing both. The ICU-dependent declarations are never used from Swift. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

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
