#pragma once

#include "at-store.h"

G_BEGIN_DECLS

/* The benchmark workload of shared/bench/WORKLOAD.md, built from a seed
 * through the same store calls the app uses. */
typedef void (*AtGenerateProgress) (guint    users_done,
                                    guint    users_total,
                                    gpointer user_data);

typedef struct
{
  guint              users;
  guint              sessions_per_user;
  guint32            seed;
  AtGenerateProgress progress;
  gpointer           progress_data;
} AtGenerateOptions;

typedef struct
{
  gint64 users;
  gint64 sessions;
  gint64 exercises;
  gint64 sets;
  gint64 metrics;
  gint64 body_metrics;
  gint64 goals;
  gint64 deleted_sessions;
  gint64 newest_session;   /* Unix seconds: the clock of the benchmark */
  double seconds;
} AtGenerateReport;

#define AT_GENERATE_VOCABULARY_SIZE 2000

gboolean     at_generate_workload         (AtStore                 *store,
                                           const AtGenerateOptions *options,
                                           AtGenerateReport        *report,
                                           GError                 **error);
const char  *at_generate_vocabulary_word  (guint                    rank);

G_END_DECLS
