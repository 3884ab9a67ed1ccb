/* at-workout.c: a session with its exercises, their sets and its metrics,
 * held together while the user edits it, and saved whole by
 * at_store_save_workout() (at-store-workout.c). */

#define G_LOG_DOMAIN "at-workout"

#include "config.h"

#include "at-workout.h"

struct _AtWorkout
{
  GObject    parent_instance;

  AtSession *session;
  GPtrArray *exercises;   /* AtActivityExercise */
  GPtrArray *sets;        /* per exercise: GPtrArray of AtExerciseSet */
  GPtrArray *metrics;     /* AtActivityMetric */
};

G_DEFINE_FINAL_TYPE (AtWorkout, at_workout, G_TYPE_OBJECT)

static void
at_workout_dispose (GObject *object)
{
  AtWorkout *self = AT_WORKOUT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->exercises, g_ptr_array_unref);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);

  G_OBJECT_CLASS (at_workout_parent_class)->dispose (object);
}

static void
at_workout_class_init (AtWorkoutClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = at_workout_dispose;
}

static void
at_workout_init (AtWorkout *self)
{
  self->exercises = g_ptr_array_new_with_free_func (g_object_unref);
  self->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->metrics = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * at_workout_new:
 * @session: a new or a stored session
 *
 * Returns: (transfer full): a workout around @session, with no exercises.
 */
AtWorkout *
at_workout_new (AtSession *session)
{
  AtWorkout *self;

  g_return_val_if_fail (AT_IS_SESSION (session), NULL);

  self = g_object_new (AT_TYPE_WORKOUT, NULL);
  self->session = g_object_ref (session);
  return self;
}

AtSession *
at_workout_get_session (AtWorkout *self)
{
  g_return_val_if_fail (AT_IS_WORKOUT (self), NULL);

  return self->session;
}

guint
at_workout_get_n_exercises (AtWorkout *self)
{
  g_return_val_if_fail (AT_IS_WORKOUT (self), 0);

  return self->exercises->len;
}

AtActivityExercise *
at_workout_get_exercise (AtWorkout *self,
                         guint      index)
{
  g_return_val_if_fail (AT_IS_WORKOUT (self), NULL);
  g_return_val_if_fail (index < self->exercises->len, NULL);

  return g_ptr_array_index (self->exercises, index);
}

/**
 * at_workout_get_sets:
 *
 * Returns: (transfer none) (element-type AtExerciseSet): the sets of exercise @index.
 */
GPtrArray *
at_workout_get_sets (AtWorkout *self,
                     guint      index)
{
  g_return_val_if_fail (AT_IS_WORKOUT (self), NULL);
  g_return_val_if_fail (index < self->sets->len, NULL);

  return g_ptr_array_index (self->sets, index);
}

/**
 * at_workout_get_metrics:
 *
 * Returns: (transfer none) (element-type AtActivityMetric): the session's metrics.
 */
GPtrArray *
at_workout_get_metrics (AtWorkout *self)
{
  g_return_val_if_fail (AT_IS_WORKOUT (self), NULL);

  return self->metrics;
}

/**
 * at_workout_add_exercise:
 *
 * Appends an exercise; it is numbered after the others unless it has an
 * exercise_order already.
 *
 * Returns: its index in the workout.
 */
guint
at_workout_add_exercise (AtWorkout          *self,
                         AtActivityExercise *exercise)
{
  g_return_val_if_fail (AT_IS_WORKOUT (self), 0);
  g_return_val_if_fail (AT_IS_ACTIVITY_EXERCISE (exercise), 0);

  if (at_record_is_null (AT_RECORD (exercise), "exercise_order"))
    at_record_set_int (AT_RECORD (exercise), "exercise_order", self->exercises->len + 1);

  g_ptr_array_add (self->exercises, g_object_ref (exercise));
  g_ptr_array_add (self->sets, g_ptr_array_new_with_free_func (g_object_unref));
  return self->exercises->len - 1;
}

/**
 * at_workout_add_set:
 *
 * Appends a set to exercise @exercise_index, numbered after the others
 * unless it has a set_number already.
 */
void
at_workout_add_set (AtWorkout     *self,
                    guint          exercise_index,
                    AtExerciseSet *set)
{
  GPtrArray *sets;

  g_return_if_fail (AT_IS_WORKOUT (self));
  g_return_if_fail (AT_IS_EXERCISE_SET (set));
  g_return_if_fail (exercise_index < self->sets->len);

  sets = g_ptr_array_index (self->sets, exercise_index);
  if (at_record_is_null (AT_RECORD (set), "set_number"))
    at_record_set_int (AT_RECORD (set), "set_number", sets->len + 1);
  g_ptr_array_add (sets, g_object_ref (set));
}

void
at_workout_add_metric (AtWorkout        *self,
                       AtActivityMetric *metric)
{
  g_return_if_fail (AT_IS_WORKOUT (self));
  g_return_if_fail (AT_IS_ACTIVITY_METRIC (metric));

  g_ptr_array_add (self->metrics, g_object_ref (metric));
}

/* Drops the exercises, sets and metrics, keeping the session. */
void
at_workout_clear (AtWorkout *self)
{
  g_return_if_fail (AT_IS_WORKOUT (self));

  g_ptr_array_set_size (self->exercises, 0);
  g_ptr_array_set_size (self->sets, 0);
  g_ptr_array_set_size (self->metrics, 0);
}

guint
at_workout_get_n_sets (AtWorkout *self)
{
  guint n = 0;

  g_return_val_if_fail (AT_IS_WORKOUT (self), 0);

  for (guint i = 0; i < self->sets->len; i++)
    n += ((GPtrArray *) g_ptr_array_index (self->sets, i))->len;
  return n;
}
