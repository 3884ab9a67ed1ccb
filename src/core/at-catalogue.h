/* at-catalogue.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/**
 * SECTION:at-catalogue
 * @title: Catalogue
 * @short_description: the shipped reference data and its loader
 *
 * The catalogue is the reference data every profile starts with: units,
 * activity categories, activity types with their metric templates,
 * exercises (the `activity_subtype` table), goal types, body metric types and
 * achievement types. It ships as JSON files in the core resource bundle under
 * `/org/activitytracker/ActivityTracker/catalogue/` (libat-core registers
 * that bundle by hand, in at_store_open(); register it before calling
 * at_catalogue_install() on a connection of your own):
 *
 * - `index.json`: an object `{"version": N}`, N an integer >= 1.
 * - `units.json`, `categories.json`, `activity-types.json`, `exercises.json`,
 *   `goal-types.json`, `body-metric-types.json`, `achievement-types.json`:
 *   each a JSON array of objects whose members are the table's columns, with
 *   references written by name (`"category": "Physical"`, `"unit":
 *   "kilometers"`, `"activity_type": "Running"`). An activity type holds its
 *   templates in `"metric_templates"`. Unknown members are rejected, so a
 *   misspelt member is an error rather than a silently missing value.
 *
 * Installing is an upsert by natural key (unit, category, activity type, goal
 * type, body metric type and achievement type by `name`; an exercise by
 * activity type and `name`; a metric template by activity type and
 * `metric_name`). Existing rows keep their ids and rows the user created are
 * never touched; entries are never deleted. The installed version is kept in
 * `at_meta` under the key `catalogue_version`.
 *
 * Version rules: any change to any catalogue file (a new entry, a changed
 * description, a corrected factor) bumps `version` in `index.json` by one, in
 * the same commit; without the bump existing profiles would never see the
 * change. A natural key is never renamed: the loader would add a second row
 * and keep the old one, so fix a name by adding the new entry and leaving the
 * old one in place. An entry is never removed from the files, because rows
 * that users' sessions reference must keep matching a shipped entry.
 *
 * Validation rules (`activity_type_metric_template.validation_rule`): clauses
 * separated by `;`, each one of
 *
 * - `min:NUMBER` / `max:NUMBER`: inclusive bounds of a number or a duration
 *   in the template's unit (`min` <= `max` when both are given);
 * - `integer`: the value has no fractional part;
 * - `maxlen:N`: a text value has at most N characters (N >= 1);
 * - `oneof:A|B|C`: a text value is one of the listed words.
 *
 * For example `integer;min:25;max:250` or `oneof:mat|reformer`.
 *
 * Achievement criteria (`achievement_type.criteria_json`): a JSON object with
 * a `"kind"` and the amount member that kind requires (a number > 0); kinds
 * that count activity may also name an `"activity_type"` to count only that
 * type:
 *
 * - `streak_days` (`days`): active on that many consecutive local days;
 * - `session_count` (`count`, optional `activity_type`): sessions logged;
 * - `total_volume_kg` (`value`): sum of sets x reps x weight, in kg;
 * - `total_distance_km` (`value`, optional `activity_type`): distance in km;
 * - `total_minutes` (`value`, optional `activity_type`): session minutes;
 * - `pr_count` (`count`): personal records set;
 * - `distinct_activity_types` (`count`): different activity types logged;
 * - `goals_completed` (`count`): goals completed;
 * - `body_metrics_logged` (`count`): body measurements recorded.
 *
 * Allowed categories of an achievement: `streak`, `milestone`, `volume`,
 * `pr`, `variety`, `time`, `goal`, `body`.
 */

#define AT_CATALOGUE_ERROR (at_catalogue_error_quark ())

/**
 * AtCatalogueError:
 * @AT_CATALOGUE_ERROR_PARSE: a file is missing or is not valid JSON
 * @AT_CATALOGUE_ERROR_INVALID: an entry breaks a rule: wrong member type,
 *   unknown member, unknown reference, value out of range, duplicate key
 * @AT_CATALOGUE_ERROR_SQL: the database refused a statement
 *
 * Error messages name the file and, where there is one, the entry, numbered
 * from 1, as in `exercises.json: entry 12 ("Squat"): unknown activity type
 * "Weight Trainin"`.
 */
typedef enum
{
  AT_CATALOGUE_ERROR_PARSE = 1,
  AT_CATALOGUE_ERROR_INVALID,
  AT_CATALOGUE_ERROR_SQL,
} AtCatalogueError;

GQuark   at_catalogue_error_quark         (void);

int      at_catalogue_get_shipped_version (void);
gboolean at_catalogue_install             (sqlite3     *db,
                                           GError     **error);

/* For tests and tools: installs the same file names read from @dir, with
 * the same version check against the `index.json` found there. */
gboolean at_catalogue_install_from_dir    (sqlite3     *db,
                                           const char  *dir,
                                           GError     **error);

G_END_DECLS
