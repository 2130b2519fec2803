/* sc-passphrase-form.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A message dialog with a small form for passphrases (the People section, the unlock
 * page's recovery): a name and role, the current passphrase or the recovery key, and a
 * new passphrase typed twice with the strength hint (sc-passphrase-strength.h). Its main
 * response is enabled only while the input is complete and the two passphrases agree.
 *
 * SECURITY: what was typed is copied into guarded memory when the dialog answers, and the
 * passphrase rows are emptied at once; the copies are wiped with the dialog.
 */
#pragma once

#include <adwaita.h>

#include "sc-compat.h"
#include "sc-vault-people.h"

G_BEGIN_DECLS

typedef enum
{
  SC_PASSPHRASE_FORM_NAME = 1 << 0,      /* name and role */
  SC_PASSPHRASE_FORM_CURRENT = 1 << 1,   /* the current passphrase */
  SC_PASSPHRASE_FORM_NEW = 1 << 2,       /* a new passphrase, twice */
  SC_PASSPHRASE_FORM_RECOVERY = 1 << 3,  /* the recovery key, in the place of the current */
} ScPassphraseFormFlags;

typedef struct
{
  /* The dialog and its rows (NULL when the form does not ask for them). */
  GtkWidget         *dialog;
  const char        *response;
  AdwEntryRow       *name;
  AdwComboRow       *role;
  AdwEntryRow       *current;
  AdwEntryRow       *pass1;
  AdwEntryRow       *pass2;
  GtkLabel          *hint;
  gint64             person_id;    /* for the caller */
  /* What was typed, taken when the main response was chosen. */
  gboolean           answered;
  char              *name_text;
  ScVaultPersonRole  role_value;
  char              *current_text; /* guarded: the current passphrase or the recovery key */
  char              *pass_text;    /* guarded: the new passphrase */
} ScPassphraseForm;

/* A new dialog (Cancel and @response) with the rows @flags ask for; the form belongs to the
 * dialog. Show it with sc_compat_message_dialog_choose(). */
ScPassphraseForm *sc_passphrase_form_new   (const char            *heading,
                                            const char            *body,
                                            const char            *response,
                                            const char            *response_label,
                                            ScResponseAppearance   appearance,
                                            ScPassphraseFormFlags  flags);

/* In the dialog's callback: the form when @response was its main response and what was
 * typed could be taken (%NULL after Cancel; %NULL with @error set when there was no
 * protected memory for it). */
ScPassphraseForm *sc_passphrase_form_finish (GtkWidget            *dialog,
                                             const char           *response,
                                             GError              **error);

G_END_DECLS
