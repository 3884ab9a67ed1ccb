#pragma once

#include <gtk/gtk.h>

#include "at-core.h"

G_BEGIN_DECLS

/* AT_BENCH=1: the time to the Sessions page's first frame with its rows,
 * and the worst frame while the list scrolls from top to bottom. */
typedef struct _AtSessionsBench AtSessionsBench;

AtSessionsBench *at_sessions_bench_new        (GtkScrolledWindow *scrolled_window);
void             at_sessions_bench_list_shown (AtSessionsBench   *self,
                                               AtSessionList     *sessions);
void             at_sessions_bench_free       (AtSessionsBench   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtSessionsBench, at_sessions_bench_free)

G_END_DECLS
