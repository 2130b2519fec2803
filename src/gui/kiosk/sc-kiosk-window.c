/* sc-kiosk-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk window: a stack of pages for one visit at a time (ScKioskSession),
 *
 *   welcome → login → question ×57 → review → result → consent → [interview] → pin → done
 *   welcome → login → pin (entered) → result (read-only) → done          (see it again)
 *
 * The session owns the visit and the person's data; the pages only show what they are
 * given and trigger the kiosk.* actions (sc-kiosk-window-actions.c). While the session works
 * in a thread it is busy, and every action that could start another step is disabled.
 *
 * This file holds the stack (pages are made when first needed), the page changes with their
 * focus and which actions they enable, the keys, the idle countdown (ScKioskIdleMonitor) and
 * the window's properties. The person's
 * data leaves the screen and memory (sc_kiosk_window_wipe ()) when they finish, when they
 * stop, when nobody touched the kiosk for the idle timeout, and when the kiosk is left.
 */
#define G_LOG_DOMAIN "sc-kiosk-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-window-private.h"

G_DEFINE_FINAL_TYPE (ScKioskWindow, sc_kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_IDLE_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_LEFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Pages ------------------------------------------------------------------------------ */

/* The window's content. Not a bound template child: a bound direct child would be unparented
 * twice on dispose (by the template and by AdwApplicationWindow). */
AdwToastOverlay *
sc_kiosk_window_get_toast_overlay (ScKioskWindow *self)
{
  return ADW_TOAST_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
}

/* Every page but the welcome page is made the first time it is needed: building all ten
 * at start took longer than laying out the one shown. */
typedef struct
{
  const char *name;
  GType     (*get_type) (void);
  gsize       offset;
} PageInfo;

static const PageInfo lazy_pages[] = {
  { PAGE_LOGIN, sc_kiosk_login_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, login_page) },
  { PAGE_QUESTION, sc_kiosk_question_page_get_type,
    G_STRUCT_OFFSET (ScKioskWindow, question_page) },
  { PAGE_REVIEW, sc_kiosk_review_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, review_page) },
  { PAGE_RESULT, sc_kiosk_result_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, result_page) },
  { PAGE_CONSENT, sc_kiosk_consent_page_get_type,
    G_STRUCT_OFFSET (ScKioskWindow, consent_page) },
  { PAGE_INTERVIEW, sc_kiosk_interview_page_get_type,
    G_STRUCT_OFFSET (ScKioskWindow, interview_page) },
  { PAGE_PIN, sc_kiosk_pin_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, pin_page) },
  { PAGE_DONE, sc_kiosk_done_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, done_page) },
  { PAGE_LEAVE, sc_kiosk_leave_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, leave_page) },
};

/* The page called @name, made and added to the stack (not shown) if it is not there yet.
 * NULL for a name that is no page. */
GtkWidget *
sc_kiosk_window_ensure_page (ScKioskWindow *self,
                             const char    *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  if (page != NULL)
    return page;

  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    {
      if (!g_str_equal (lazy_pages[i].name, name))
        continue;
      page = g_object_new (lazy_pages[i].get_type (), NULL);
      gtk_stack_add_named (self->stack, page, name);
      G_STRUCT_MEMBER (GtkWidget *, self, lazy_pages[i].offset) = page;
      /* A page made while the session works starts busy too. */
      if (self->session != NULL && sc_kiosk_session_get_busy (self->session))
        sc_kiosk_page_set_busy (SC_KIOSK_PAGE (page), TRUE);
      return page;
    }
  return NULL;
}

#define DEFINE_PAGE_GETTER(Type, field, NAME) \
  Type * \
  sc_kiosk_window_##field (ScKioskWindow *self) \
  { \
    if (self->field == NULL) \
      sc_kiosk_window_ensure_page (self, NAME); \
    return self->field; \
  }

DEFINE_PAGE_GETTER (ScKioskLoginPage, login_page, PAGE_LOGIN)
DEFINE_PAGE_GETTER (ScKioskQuestionPage, question_page, PAGE_QUESTION)
DEFINE_PAGE_GETTER (ScKioskReviewPage, review_page, PAGE_REVIEW)
DEFINE_PAGE_GETTER (ScKioskResultPage, result_page, PAGE_RESULT)
DEFINE_PAGE_GETTER (ScKioskConsentPage, consent_page, PAGE_CONSENT)
DEFINE_PAGE_GETTER (ScKioskInterviewPage, interview_page, PAGE_INTERVIEW)
DEFINE_PAGE_GETTER (ScKioskPinPage, pin_page, PAGE_PIN)
DEFINE_PAGE_GETTER (ScKioskDonePage, done_page, PAGE_DONE)
DEFINE_PAGE_GETTER (ScKioskLeavePage, leave_page, PAGE_LEAVE)

#undef DEFINE_PAGE_GETTER

static const char *
get_page (ScKioskWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
sc_kiosk_window_is_page (ScKioskWindow *self,
                         const char    *name)
{
  return g_strcmp0 (get_page (self), name) == 0;
}

void
sc_kiosk_window_show_page (ScKioskWindow *self,
                           const char    *name)
{
  GtkWidget *page;

  /* Take the focus off the old page while it is still mapped, so that its entries see the
   * focus go (an entry unmapped with the focus keeps blinking its cursor). */
  if (!sc_kiosk_window_is_page (self, name))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  page = sc_kiosk_window_ensure_page (self, name);
  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child_name (self->stack, name);

  /* A page change is a sign of life, and ends the countdown. The timer runs on every page
   * but the welcome page, which shows nothing about anyone. */
  sc_kiosk_idle_monitor_note_activity (self->idle_monitor);
  sc_kiosk_idle_monitor_set_running (self->idle_monitor, !g_str_equal (name, PAGE_WELCOME));
  sc_kiosk_window_update_actions (self);

  /* Every page change lands the keyboard (and a screen reader) on the page's first control,
   * also after a wipe or a timeout. */
  self->focus_pending = !sc_kiosk_page_focus (SC_KIOSK_PAGE (page));
  if (self->focus_pending)
    g_debug ("Page %s took no focus yet", name);
}

/* ---- Idle countdown --------------------------------------------------------------------- */

void
sc_kiosk_window_hide_idle_overlay (ScKioskWindow *self)
{
  if (!gtk_widget_get_visible (self->idle_overlay))
    return;

  gtk_widget_set_visible (self->idle_overlay, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), TRUE);
  sc_kiosk_window_update_actions (self);
}

static void
show_idle_overlay (ScKioskWindow *self)
{
  if (gtk_widget_get_visible (self->idle_overlay))
    return;

  gtk_widget_set_visible (self->idle_overlay, TRUE);
  sc_kiosk_window_update_actions (self);
  /* The page below cannot take the focus or clicks while the question is asked. The focus
   * moves first: an entry made insensitive with the focus would never hear it left. */
  gtk_widget_grab_focus (GTK_WIDGET (self->idle_continue_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
}

static void
on_idle_seconds_left_cb (ScKioskIdleMonitor *monitor,
                         GParamSpec         *pspec,
                         ScKioskWindow      *self)
{
  guint seconds_left = sc_kiosk_idle_monitor_get_seconds_left (monitor);
  g_autofree char *text = NULL;

  if (seconds_left == 0)
    return;
  /* Translators: the countdown before the kiosk clears the screen for lack of activity. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The screen will be cleared in %d second.",
                                       "The screen will be cleared in %d seconds.",
                                       (gulong) seconds_left),
                          (int) seconds_left);
  gtk_label_set_text (self->idle_countdown_label, text);
}

static void
on_idle_asking_cb (ScKioskIdleMonitor *monitor,
                   GParamSpec         *pspec,
                   ScKioskWindow      *self)
{
  if (sc_kiosk_idle_monitor_get_asking (monitor))
    show_idle_overlay (self);
  else
    sc_kiosk_window_hide_idle_overlay (self);
}

static void
on_idle_timeout_cb (ScKioskIdleMonitor *monitor,
                    ScKioskWindow      *self)
{
  /* The person has gone. If the vault is at work for them, the session forgets them when
   * it is done; the screen is cleared now. */
  g_debug ("Idle timeout: wiping the screen");
  sc_kiosk_window_wipe (self, TRUE);
}

/* ---- Session ---------------------------------------------------------------------------- */

static void
on_session_busy_cb (ScKioskSession *session,
                    GParamSpec     *pspec,
                    ScKioskWindow  *self)
{
  gboolean busy = sc_kiosk_session_get_busy (session);

  if (self->disposed)
    return;

  if (busy)
    {
      GtkWidget *page = gtk_stack_get_visible_child (self->stack);

      if (SC_IS_KIOSK_PAGE (page))
        sc_kiosk_page_set_busy (SC_KIOSK_PAGE (page), TRUE);
    }
  else
    {
      /* The page that waited may not be shown any more (a timeout struck meanwhile). */
      for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
           page != NULL;
           page = gtk_widget_get_next_sibling (page))
        if (SC_IS_KIOSK_PAGE (page))
          sc_kiosk_page_set_busy (SC_KIOSK_PAGE (page), FALSE);
    }
  sc_kiosk_window_update_actions (self);

  /* A control made insensitive while the vault worked could not take the focus when its page
   * was shown (the welcome page's Start while a wipe keeps the answers): give it now. */
  if (!busy && self->focus_pending && !gtk_widget_get_visible (self->idle_overlay))
    {
      GtkWidget *page = gtk_stack_get_visible_child (self->stack);

      /* GTK may have put the focus somewhere on its own meanwhile (the page's scrolled
       * window): the page's first control is where it belongs. */
      if (SC_IS_KIOSK_PAGE (page))
        self->focus_pending = !sc_kiosk_page_focus (SC_KIOSK_PAGE (page));
    }
}

/* ---- Actions' sensitivity ---------------------------------------------------------------- */

void
sc_kiosk_window_update_actions (ScKioskWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *page = sc_kiosk_window_get_page_name (self);
  gboolean idle = !sc_kiosk_window_is_busy (self);
  gboolean question = idle && g_strcmp0 (page, PAGE_QUESTION) == 0;
  gboolean pin = idle && g_strcmp0 (page, PAGE_PIN) == 0;
  /* The PIN page is made when first shown; until then its mode does not matter. */
  ScKioskPinPageMode pin_mode = self->pin_page != NULL
                                ? sc_kiosk_pin_page_get_mode (self->pin_page)
                                : SC_KIOSK_PIN_PAGE_ENTER;
  gboolean view_only = self->session != NULL
                       && sc_kiosk_session_get_viewing_again (self->session);
  gboolean has_view = self->session != NULL
                      && sc_kiosk_session_get_has_kept_result (self->session);

  if (self->session == NULL)
    return;

  gtk_widget_action_set_enabled (widget, "kiosk.start",
                                 idle && g_strcmp0 (page, PAGE_WELCOME) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.view-again",
                                 idle && g_strcmp0 (page, PAGE_WELCOME) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.cancel",
                                 idle && g_strcmp0 (page, PAGE_LOGIN) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.login",
                                 idle && g_strcmp0 (page, PAGE_LOGIN) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.answer", question);
  gtk_widget_action_set_enabled (widget, "kiosk.back",
                                 question && sc_kiosk_session_can_go_back (self->session));
  gtk_widget_action_set_enabled (widget, "kiosk.next",
                                 question && sc_kiosk_session_can_go_next (self->session));
  gtk_widget_action_set_enabled (widget, "kiosk.suspend", question);
  gtk_widget_action_set_enabled (widget, "kiosk.change",
                                 idle && g_strcmp0 (page, PAGE_REVIEW) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.submit",
                                 idle && g_strcmp0 (page, PAGE_REVIEW) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.show-consent",
                                 idle && g_strcmp0 (page, PAGE_RESULT) == 0 && !view_only);
  gtk_widget_action_set_enabled (widget, "kiosk.view-done",
                                 idle && g_strcmp0 (page, PAGE_RESULT) == 0 && view_only);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-save",
                                 pin && pin_mode == SC_KIOSK_PIN_PAGE_SET);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-skip",
                                 pin && pin_mode == SC_KIOSK_PIN_PAGE_SET);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-open",
                                 pin && pin_mode == SC_KIOSK_PIN_PAGE_ENTER);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-enter",
                                 pin && pin_mode == SC_KIOSK_PIN_PAGE_MESSAGE && has_view);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-cancel",
                                 pin && pin_mode != SC_KIOSK_PIN_PAGE_SET);
  gtk_widget_action_set_enabled (widget, "kiosk.consent",
                                 idle && g_strcmp0 (page, PAGE_CONSENT) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.request-interview",
                                 idle && g_strcmp0 (page, PAGE_INTERVIEW) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.finish",
                                 idle && (g_strcmp0 (page, PAGE_INTERVIEW) == 0
                                          || g_strcmp0 (page, PAGE_DONE) == 0));
  gtk_widget_action_set_enabled (widget, "kiosk.continue",
                                 gtk_widget_get_visible (self->idle_overlay));
  gtk_widget_action_set_enabled (widget, "kiosk.leave",
                                 idle && g_strcmp0 (page, PAGE_LEAVE) != 0);
  gtk_widget_action_set_enabled (widget, "kiosk.leave-confirm",
                                 idle && g_strcmp0 (page, PAGE_LEAVE) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.leave-cancel",
                                 idle && g_strcmp0 (page, PAGE_LEAVE) == 0);
}

/* ---- Keys ---------------------------------------------------------------------------------- */

/* The questionnaire's keys and the leave combination are handled here, in the capture phase
 * of the whole window, so that they work wherever the focus is (also with none at all). */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   ScKioskWindow         *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  GdkModifierType leave_mods = GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK;
  int answer = 0;

  if (gtk_widget_get_visible (self->idle_overlay))
    {
      sc_kiosk_idle_monitor_note_activity (self->idle_monitor);
      return GDK_EVENT_STOP;
    }
  sc_kiosk_idle_monitor_note_activity (self->idle_monitor);

  if (mods == leave_mods && gdk_keyval_to_lower (keyval) == GDK_KEY_q)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.leave", NULL);
      return GDK_EVENT_STOP;
    }

  if (!sc_kiosk_window_is_page (self, PAGE_QUESTION) || sc_kiosk_window_is_busy (self)
      || (mods & ~GDK_SHIFT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_KP_1: answer = 1; break;
    case GDK_KEY_2: case GDK_KEY_KP_2: answer = 2; break;
    case GDK_KEY_3: case GDK_KEY_KP_3: answer = 3; break;
    case GDK_KEY_4: case GDK_KEY_KP_4: answer = 4; break;

    case GDK_KEY_BackSpace:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.back", NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.next", NULL);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.answer", "i", answer);
  return GDK_EVENT_STOP;
}

void
sc_kiosk_window_init_keys (ScKioskWindow *self)
{
  self->key_controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->key_controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (self->key_controller, "sc-kiosk-keys");
  g_signal_connect_object (self->key_controller, "key-pressed",
                           G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), self->key_controller);
}

/* ---- Construction ----------------------------------------------------------------------- */

static gboolean
sc_kiosk_window_close_request (GtkWindow *window)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (window);

  /* Alt+F4, Ctrl+Q and the window manager's close all end here: the kiosk stays until the
   * implementer or HR leave it with their passphrase. */
  if (!self->allow_close)
    return TRUE;

  return GTK_WINDOW_CLASS (sc_kiosk_window_parent_class)->close_request (window);
}

/* GTK turns the focus ring off after a click; in the kiosk it always shows where the
 * keyboard is. */
static void
on_focus_visible_changed_cb (GtkWindow     *window,
                             GParamSpec    *pspec,
                             ScKioskWindow *self)
{
  if (!gtk_window_get_focus_visible (window))
    gtk_window_set_focus_visible (window, TRUE);
}

/* The application's shortcuts window (Ctrl+?) lists the workspace's shortcuts, none of which
 * works here: the kiosk has none to show. */
static void
drop_help_overlay (ScKioskWindow *self)
{
  GAction *action;

  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-help-overlay");
  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
}

static void
sc_kiosk_window_constructed (GObject *object)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (object);
  guint timeout;

  G_OBJECT_CLASS (sc_kiosk_window_parent_class)->constructed (object);

  g_return_if_fail (self->vault != NULL);

  if (sc_vault_get_role (self->vault) != SC_VAULT_ROLE_KIOSK)
    g_critical ("The vault is not in kiosk mode; call sc_vault_enter_kiosk () first");

  self->session = sc_kiosk_session_new (self->vault, self->round_id);
  g_signal_connect_object (self->session, "notify::busy", G_CALLBACK (on_session_busy_cb),
                           self, 0);

  timeout = self->idle_timeout > 0 ? self->idle_timeout
                                   : sc_kiosk_session_get_idle_timeout (self->session);
  self->idle_monitor = sc_kiosk_idle_monitor_new (timeout);
  sc_kiosk_idle_monitor_attach (self->idle_monitor, GTK_WIDGET (self));
  g_signal_connect_object (self->idle_monitor, "notify::asking",
                           G_CALLBACK (on_idle_asking_cb), self, 0);
  g_signal_connect_object (self->idle_monitor, "notify::seconds-left",
                           G_CALLBACK (on_idle_seconds_left_cb), self, 0);
  g_signal_connect_object (self->idle_monitor, "timeout",
                           G_CALLBACK (on_idle_timeout_cb), self, 0);

  /* The application gives every window its shortcuts window when the window joins it, which
   * happens after construction. */
  drop_help_overlay (self);
  g_signal_connect_object (self, "notify::application", G_CALLBACK (drop_help_overlay), self,
                           G_CONNECT_SWAPPED);

  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  g_signal_connect_object (self, "notify::focus-visible",
                           G_CALLBACK (on_focus_visible_changed_cb), self, 0);

  gtk_window_fullscreen (GTK_WINDOW (self));
  sc_kiosk_window_show_page (self, PAGE_WELCOME);
}

static void
sc_kiosk_window_dispose (GObject *object)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (object);

  self->disposed = TRUE;

  g_clear_handle_id (&self->done_source, g_source_remove);
  if (self->idle_monitor != NULL)
    sc_kiosk_idle_monitor_set_running (self->idle_monitor, FALSE);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_KIOSK_WINDOW);
  /* The pages made later went with the stack. */
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    G_STRUCT_MEMBER (GtkWidget *, self, lazy_pages[i].offset) = NULL;

  /* SECURITY: nothing about the last person outlives the window (the session wipes itself
   * when it goes). Unfinished answers cannot be kept here (that takes a durable save);
   * leaving the kiosk keeps them. */
  if (self->session != NULL)
    sc_kiosk_session_wipe (self->session, FALSE);
  g_clear_object (&self->session);
  g_clear_object (&self->idle_monitor);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->page_before_leave, g_free);

  G_OBJECT_CLASS (sc_kiosk_window_parent_class)->dispose (object);
}

static void
sc_kiosk_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;

    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_monitor != NULL
                               ? sc_kiosk_idle_monitor_get_timeout (self->idle_monitor)
                               : self->idle_timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kiosk_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    case PROP_ROUND_ID:
      self->round_id = g_value_get_int64 (value);
      break;

    case PROP_IDLE_TIMEOUT:
      self->idle_timeout = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kiosk_window_class_init (ScKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sc_kiosk_window_constructed;
  object_class->dispose = sc_kiosk_window_dispose;
  object_class->get_property = sc_kiosk_window_get_property;
  object_class->set_property = sc_kiosk_window_set_property;

  window_class->close_request = sc_kiosk_window_close_request;

  /**
   * ScKioskWindow:vault:
   *
   * The vault, in kiosk mode.
   */
  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         SC_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScKioskWindow:round-id:
   *
   * The round the employees answer.
   */
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScKioskWindow:idle-timeout:
   *
   * Seconds without a touch or key before the screen is wiped. 0 at construction takes the
   * vault setting "idle_timeout" (default 90); reading gives the value in use.
   */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL,
                       0, 24 * 60 * 60, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScKioskWindow::left:
   *
   * Emitted after the implementer or HR left kiosk mode with their passphrase; the vault is
   * unlocked with their role. The window closes itself afterwards.
   */
  signals[SIGNAL_LEFT] =
    g_signal_new ("left",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SC_TYPE_KIOSK_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, idle_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, idle_countdown_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, idle_continue_button);

  sc_kiosk_window_class_add_actions (widget_class);
}

static void
sc_kiosk_window_init (ScKioskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  sc_kiosk_window_init_keys (self);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/* Kiosk mode is over: say so, and let the window close. */
void
sc_kiosk_window_finish_leaving (ScKioskWindow *self)
{
  sc_kiosk_idle_monitor_set_running (self->idle_monitor, FALSE);
  g_signal_emit (self, signals[SIGNAL_LEFT], 0);

  self->allow_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

ScKioskWindow *
sc_kiosk_window_new (GtkApplication *application,
                     ScVault        *vault,
                     gint64          round_id)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_KIOSK_WINDOW,
                       "application", application,
                       "vault", vault,
                       "round-id", round_id,
                       NULL);
}

const char *
sc_kiosk_window_get_page_name (ScKioskWindow *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_WINDOW (self), NULL);

  return get_page (self);
}

GtkWidget *
sc_kiosk_window_get_page (ScKioskWindow *self,
                          const char    *name)
{
  g_return_val_if_fail (SC_IS_KIOSK_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return sc_kiosk_window_ensure_page (self, name);
}

gboolean
sc_kiosk_window_is_busy (ScKioskWindow *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_WINDOW (self), FALSE);

  return self->session != NULL && sc_kiosk_session_get_busy (self->session);
}

gboolean
sc_kiosk_window_is_asking_if_present (ScKioskWindow *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_WINDOW (self), FALSE);

  return gtk_widget_get_visible (self->idle_overlay);
}
