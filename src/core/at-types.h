#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AtStore      AtStore;
typedef struct _AtRecord     AtRecord;
typedef struct _AtRecordList AtRecordList;

G_END_DECLS
