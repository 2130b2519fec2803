/* test-gui-load-when-shown.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sc-load-when-shown: a section built hidden does not load (nor build its rows); it is
 * built and loaded when first shown; a reload asked while it is hidden waits for the next
 * time it is shown, and one asked while shown happens at once.
 */
#define G_LOG_DOMAIN "test-gui-load-when-shown"

#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-load-when-shown.h"

static guint n_loads;
static guint n_builds;

static void
count_build (gpointer widget)
{
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpuint (n_loads, ==, 0);
  n_builds++;
}

static void
count_load (gpointer widget)
{
  g_assert_true (gtk_widget_get_mapped (widget));
  n_loads++;
}

/* A section's reload function, as the sections write it. */
static void
reload (GtkWidget *section)
{
  if (sc_load_when_shown_defer (section))
    return;
  count_load (section);
}

static void
test_load_when_shown (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *first = gtk_label_new ("first");
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  n_loads = n_builds = 0;
  sc_load_when_shown_init_full (section, count_build, (ScLoadFunc) reload);
  g_assert_true (sc_load_when_shown_get_stale (section));
  gtk_stack_add_named (GTK_STACK (stack), first, "first");
  gtk_stack_add_named (GTK_STACK (stack), section, "section");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (first);

  /* In the window, but another page is shown: nothing built nor loaded. */
  g_assert_false (gtk_widget_get_mapped (section));
  g_assert_cmpuint (n_loads, ==, 0);
  reload (section);
  g_assert_cmpuint (n_loads, ==, 0);
  g_assert_cmpuint (n_builds, ==, 0);

  /* Shown: built, then loaded, once. */
  gtk_stack_set_visible_child (GTK_STACK (stack), section);
  g_assert_cmpuint (n_builds, ==, 1);
  g_assert_cmpuint (n_loads, ==, 1);
  g_assert_false (sc_load_when_shown_get_stale (section));
  /* Shown again without a change: not loaded again. */
  gtk_stack_set_visible_child (GTK_STACK (stack), first);
  iterate_until_idle ();
  gtk_stack_set_visible_child (GTK_STACK (stack), section);
  g_assert_cmpuint (n_loads, ==, 1);
  /* Reloaded while shown: at once. */
  reload (section);
  g_assert_cmpuint (n_loads, ==, 2);

  /* Reloaded (twice) while hidden: stale, and loaded once when shown. */
  gtk_stack_set_visible_child (GTK_STACK (stack), first);
  iterate_until_idle ();
  g_assert_false (gtk_widget_get_mapped (section));
  reload (section);
  reload (section);
  g_assert_true (sc_load_when_shown_get_stale (section));
  g_assert_cmpuint (n_loads, ==, 2);
  gtk_stack_set_visible_child (GTK_STACK (stack), section);
  g_assert_cmpuint (n_loads, ==, 3);
  g_assert_false (sc_load_when_shown_get_stale (section));
  g_assert_cmpuint (n_builds, ==, 1);

  /* A widget not set up loads whenever asked. */
  g_assert_false (sc_load_when_shown_defer (first));
  g_assert_false (sc_load_when_shown_get_stale (first));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);
  g_test_add_func ("/load-when-shown/stale-until-shown", test_load_when_shown);
  return test_gui_run ();
}
