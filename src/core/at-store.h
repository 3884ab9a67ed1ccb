#pragma once

#include <gio/gio.h>

#include "at-one-rep-max.h"
#include "at-record.h"
#include "at-types.h"

G_BEGIN_DECLS

#define AT_STORE_ERROR (at_store_error_quark ())

typedef enum
{
  AT_STORE_ERROR_FAILED = 1,
  AT_STORE_ERROR_CANNOT_OPEN,
  AT_STORE_ERROR_NOT_A_DATABASE,
  AT_STORE_ERROR_NOT_OURS,
  AT_STORE_ERROR_CORRUPT,
  AT_STORE_ERROR_READ_ONLY,
  AT_STORE_ERROR_NEWER_FILE,
  AT_STORE_ERROR_MIGRATION,
  AT_STORE_ERROR_CONSTRAINT,
  AT_STORE_ERROR_INVALID,
  AT_STORE_ERROR_NOT_FOUND,
  AT_STORE_ERROR_PERMISSION,
} AtStoreError;

/* What a change-notification is about. */
typedef enum
{
  AT_STORE_CHANGE_INSERT,
  AT_STORE_CHANGE_UPDATE,
  AT_STORE_CHANGE_DELETE,
} AtStoreChange;

#define AT_TYPE_STORE (at_store_get_type ())

G_DECLARE_FINAL_TYPE (AtStore, at_store, AT, STORE, GObject)

GQuark       at_store_error_quark            (void);
GTimeZone   *at_time_zone_lookup             (const char     *identifier);
char        *at_store_get_default_path       (void);
int          at_store_get_latest_version     (void);

AtStore     *at_store_open                   (const char     *path,
                                              GError        **error);
const char  *at_store_get_path               (AtStore        *self);
int          at_store_get_version            (AtStore        *self);

gboolean     at_store_begin                  (AtStore        *self,
                                              GError        **error);
gboolean     at_store_commit                 (AtStore        *self,
                                              GError        **error);
void         at_store_rollback               (AtStore        *self);

/* Loading many rows at once (the workload, an import). */
gboolean     at_store_begin_bulk_load        (AtStore        *self,
                                              GError        **error);
gboolean     at_store_end_bulk_load          (AtStore        *self,
                                              GError        **error);

/* Users. A store acts for one user at a time: every call below names it. */
gboolean     at_store_create_user            (AtStore        *self,
                                              AtRecord       *user,
                                              GError        **error);
GListModel  *at_store_list_users             (AtStore        *self,
                                              GError        **error);

/* Rows of any record type, checked against the acting user. */
gboolean     at_store_insert                 (AtStore        *self,
                                              gint64          user_id,
                                              AtRecord       *record,
                                              GError        **error);
gboolean     at_store_update                 (AtStore        *self,
                                              gint64          user_id,
                                              AtRecord       *record,
                                              GError        **error);
gpointer     at_store_get                    (AtStore        *self,
                                              gint64          user_id,
                                              GType           type,
                                              gint64          id,
                                              GError        **error);
gboolean     at_store_soft_delete            (AtStore        *self,
                                              gint64          user_id,
                                              GType           type,
                                              gint64          id,
                                              GError        **error);
gboolean     at_store_undelete               (AtStore        *self,
                                              gint64          user_id,
                                              GType           type,
                                              gint64          id,
                                              GError        **error);
gboolean     at_store_delete                 (AtStore        *self,
                                              gint64          user_id,
                                              GType           type,
                                              gint64          id,
                                              GError        **error);
gint64       at_store_purge_deleted          (AtStore        *self,
                                              gint64          user_id,
                                              GType           type,
                                              GError        **error);

/* All rows of a type the user may read, optionally only the children of one
 * parent row, in the type's natural order. For short lists (goals, metrics,
 * catalogue); long ones use AtRecordList. */
GListModel  *at_store_list                   (AtStore        *self,
                                              gint64          user_id,
                                              GType           type,
                                              const char     *parent_column,
                                              gint64          parent_id,
                                              GError        **error);

/* Social links, which have no classes of their own. */
gboolean     at_store_follow                 (AtStore        *self,
                                              gint64          user_id,
                                              gint64          following_id,
                                              GError        **error);
gboolean     at_store_unfollow               (AtStore        *self,
                                              gint64          user_id,
                                              gint64          following_id,
                                              GError        **error);
GArray      *at_store_list_following         (AtStore        *self,
                                              gint64          user_id,
                                              GError        **error);
gint64       at_store_share_session          (AtStore        *self,
                                              gint64          user_id,
                                              gint64          session_id,
                                              const char     *visibility,
                                              const char     *message,
                                              GError        **error);
gboolean     at_store_like_session           (AtStore        *self,
                                              gint64          user_id,
                                              gint64          session_id,
                                              GError        **error);
gboolean     at_store_unlike_session         (AtStore        *self,
                                              gint64          user_id,
                                              gint64          session_id,
                                              GError        **error);
gint64       at_store_count_likes            (AtStore        *self,
                                              gint64          user_id,
                                              gint64          session_id,
                                              GError        **error);

void         at_store_set_now                (AtStore        *self,
                                              gint64          now);
gint64       at_store_get_now                (AtStore        *self);

/* Personal records use the user's 1RM formula (Epley unless set). */
void         at_store_set_one_rep_max_formula (AtStore           *self,
                                               AtOneRepMaxFormula formula);
AtOneRepMaxFormula at_store_get_one_rep_max_formula (AtStore     *self);
gboolean     at_store_recompute_records      (AtStore        *self,
                                              gint64          user_id,
                                              GError        **error);

/* The trigger-kept statistics row. A user without live sessions has none:
 * found is FALSE and every count 0. Where SQL gives NULL (no session with
 * an end, a rating or calories), the field says so: total_minutes -1,
 * avg_session_rating and total_calories NAN. */
typedef struct
{
  gboolean found;
  gint64   total_sessions;
  gint64   total_days_active;
  gint64   last_activity;
  gint64   total_minutes;
  double   avg_session_rating;
  double   total_calories;
  gint64   total_prs;
} AtUserStatistics;

gboolean     at_store_get_statistics         (AtStore          *self,
                                              gint64            user_id,
                                              AtUserStatistics *stats,
                                              GError          **error);
gboolean     at_store_rebuild_statistics     (AtStore          *self,
                                              GError          **error);

/* Integrity: PRAGMA integrity_check, foreign_key_check, FTS and statistics. */
gboolean     at_store_check                  (AtStore        *self,
                                              GPtrArray      *problems,
                                              GError        **error);

G_END_DECLS
