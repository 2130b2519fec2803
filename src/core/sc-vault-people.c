/* sc-vault-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Named people and their key slots (sc-vault-people.h). The person id of a slot is in
 * the slot's associated data (sc-vault-keys.c), so whoever opens a slot is known for
 * sure; the `people` table only gives the id a name.
 *
 * SECURITY: every passphrase here is the caller's or lives in guarded memory (the _async
 * twins), and is wiped after use; none is logged or stored.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-people.h"
#include "sc-vault-private.h"
#include "sc-secure.h"

#include <string.h>

#define NAME_MAX_CHARS 100

static const char *
role_to_text (ScVaultPersonRole role)
{
  switch (role)
    {
    case SC_VAULT_PERSON_ASSISTANT:
      return "assistant";
    case SC_VAULT_PERSON_HR:
      return "hr";
    case SC_VAULT_PERSON_IMPLEMENTER:
    default:
      return "implementer";
    }
}

static ScVaultPersonRole
role_from_text (const char *text)
{
  if (g_strcmp0 (text, "assistant") == 0)
    return SC_VAULT_PERSON_ASSISTANT;
  if (g_strcmp0 (text, "hr") == 0)
    return SC_VAULT_PERSON_HR;
  return SC_VAULT_PERSON_IMPLEMENTER;
}

static ScVaultSlotType
slot_type_of (ScVaultPersonRole role)
{
  return role == SC_VAULT_PERSON_HR ? SC_VAULT_SLOT_HR : SC_VAULT_SLOT_IMPLEMENTER;
}

static gboolean
has_people_table (ScVault *self)
{
  return self->db != NULL && sc_vault_schema_get_version (self->db) >= SC_VAULT_SCHEMA_PEOPLE;
}

void
sc_vault_person_free (ScVaultPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person);
}

/* Inside the current transaction: a people row (@id 0: the next one). */
gint64
_sc_vault_insert_person (ScVault            *self,
                         gint64              id,
                         const char         *name,
                         ScVaultPersonRole   role,
                         GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (self->db, "INSERT INTO people (id, name, role, added_at) "
                                        "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  /* The creator's default name; they can be told apart from the people added later. */
  sqlite3_bind_text (stmt, 2, name != NULL ? name : SC_VAULT_PERSON_DEFAULT_NAME, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role_to_text (role), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, _sc_vault_now ());
  if (!_sc_vault_step_done (self->db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);
  return _sc_vault_sign_person (self, id, error) ? id : 0;
}

/* The row of @id: its name, role and whether it was removed; FALSE when there is none. */
static gboolean
lookup_person (ScVault            *self,
               gint64              id,
               char              **out_name,
               ScVaultPersonRole  *out_role,
               gboolean           *out_removed)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!has_people_table (self) || id <= 0)
    return FALSE;
  stmt = sc_vault_db_prepare (self->db, "SELECT name, role, removed_at FROM people "
                                        "WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (out_name != NULL)
    *out_name = _sc_vault_column_strdup (stmt, 0);
  if (out_role != NULL)
    *out_role = role_from_text ((const char *) sqlite3_column_text (stmt, 1));
  if (out_removed != NULL)
    *out_removed = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  return TRUE;
}

void
_sc_vault_set_person (ScVault *self,
                      guint32  person_id)
{
  self->person_id = person_id;
  g_clear_pointer (&self->person_name, g_free);
  lookup_person (self, person_id, &self->person_name, NULL, NULL);
}

guint32
sc_vault_get_person_id (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), 0);

  return self->role == SC_VAULT_ROLE_KIOSK ? 0 : self->person_id;
}

const char *
sc_vault_get_person_name (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  return self->role == SC_VAULT_ROLE_KIOSK ? NULL : self->person_name;
}

static gint
compare_people (gconstpointer a,
                gconstpointer b)
{
  const ScVaultPerson *pa = *(ScVaultPerson * const *) a;
  const ScVaultPerson *pb = *(ScVaultPerson * const *) b;

  if (pa->has_key != pb->has_key)
    return pa->has_key ? -1 : 1;
  if (pa->role != pb->role)
    return pa->role < pb->role ? -1 : 1;
  return g_strcmp0 (pa->name, pb->name);
}

GPtrArray *
sc_vault_list_people (ScVault  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_person_free);
  /* Slots made before people had names. */
  for (guint i = 0; i < self->header.n_slots; i++)
    {
      const ScVaultSlot *slot = &self->header.slots[i];
      ScVaultPerson *person;

      if (slot->kdf != SC_VAULT_KDF_ARGON2ID || slot->person_id != 0)
        continue;
      person = g_new0 (ScVaultPerson, 1);
      person->role = slot->type == SC_VAULT_SLOT_HR ? SC_VAULT_PERSON_HR
                                                    : SC_VAULT_PERSON_IMPLEMENTER;
      person->has_key = TRUE;
      g_ptr_array_add (list, person);
    }
  if (has_people_table (self))
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = sc_vault_db_prepare (self->db, "SELECT id, name, role, added_at FROM people "
                                            "WHERE removed_at IS NULL", error);
      if (stmt == NULL)
        return NULL;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          ScVaultPerson *person = g_new0 (ScVaultPerson, 1);

          person->id = sqlite3_column_int64 (stmt, 0);
          person->name = _sc_vault_column_strdup (stmt, 1);
          person->role = role_from_text ((const char *) sqlite3_column_text (stmt, 2));
          person->added_at = sqlite3_column_int64 (stmt, 3);
          person->has_key = _sc_vault_find_person_slot (&self->header,
                                                        slot_type_of (person->role),
                                                        (guint32) person->id) != NULL;
          g_ptr_array_add (list, person);
        }
    }
  g_ptr_array_sort (list, compare_people);
  return g_steal_pointer (&list);
}

static gboolean
check_manager (ScVault  *self,
               GError  **error)
{
  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  if (!has_people_table (self))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "This vault cannot hold named people yet. Open it again to "
                           "upgrade it.");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = NULL;
  glong chars;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    goto bad;
  stripped = g_strstrip (g_strdup (name));
  chars = g_utf8_strlen (stripped, -1);
  if (chars >= 1 && chars <= NAME_MAX_CHARS)
    return TRUE;
bad:
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
               "Give the person's name (1 to %d characters).", NAME_MAX_CHARS);
  return FALSE;
}

static gboolean
check_room (ScVault  *self,
            GError  **error)
{
  if (self->header.n_slots < SC_VAULT_MAX_SLOTS)
    return TRUE;
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
               "A vault holds at most %d keys. Remove someone who no longer needs "
               "access first.", SC_VAULT_MAX_SLOTS - 1);
  return FALSE;
}

gint64
sc_vault_add_person (ScVault            *self,
                     const char         *name,
                     ScVaultPersonRole   role,
                     const char         *passphrase,
                     GError            **error)
{
  g_autofree char *stripped = NULL;
  gint64 id;

  g_return_val_if_fail (SC_IS_VAULT (self), 0);
  g_return_val_if_fail (role >= SC_VAULT_PERSON_IMPLEMENTER && role <= SC_VAULT_PERSON_HR, 0);

  if (!check_manager (self, error) || !check_name (name, error) || !check_room (self, error)
      || !sc_vault_check_passphrase (passphrase, error)
      || !_sc_vault_check_passphrase_unique (&self->header, passphrase, NULL, error))
    return 0;
  stripped = g_strstrip (g_strdup (name));

  if (!sc_vault_begin (self, error))
    return 0;
  id = _sc_vault_insert_person (self, 0, stripped, role, error);
  if (id <= 0 || id > G_MAXUINT32
      || !sc_vault_audit_insert (self, "person.add", id, error)
      || !sc_vault_db_commit (self->db, error))
    {
      sc_vault_rollback (self);
      return 0;
    }
  self->dirty = TRUE;
  /* The body with the new row is saved first, then the header with the new slot. */
  if (!_sc_vault_rewrap_slot (self, slot_type_of (role), (guint32) id, passphrase, NULL,
                              error))
    return 0;
  return id;
}

gboolean
sc_vault_set_person_passphrase (ScVault     *self,
                                gint64       person_id,
                                const char  *passphrase,
                                GError     **error)
{
  ScVaultPersonRole role;
  gboolean removed = TRUE;
  ScVaultSlot *existing;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!check_manager (self, error))
    return FALSE;
  if (!lookup_person (self, person_id, NULL, &role, &removed) || removed)
    {
      _sc_vault_set_not_found (error, "This person is not in the vault.");
      return FALSE;
    }
  existing = _sc_vault_find_person_slot (&self->header, slot_type_of (role),
                                         (guint32) person_id);
  if ((existing == NULL && !check_room (self, error))
      || !sc_vault_check_passphrase (passphrase, error)
      || !_sc_vault_check_passphrase_unique (&self->header, passphrase, existing, error)
      || !_sc_vault_rewrap_slot (self, slot_type_of (role), (guint32) person_id, passphrase,
                                 NULL, error))
    return FALSE;
  if (sc_vault_audit_insert (self, "person.passphrase", person_id, NULL))
    sc_vault_mark_dirty (self);
  return TRUE;
}

gboolean
sc_vault_check_person_name (const char  *name,
                            GError     **error)
{
  return check_name (name, error);
}

gboolean
sc_vault_rename_person (ScVault     *self,
                        gint64       person_id,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  gboolean removed = TRUE;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!check_manager (self, error) || !check_name (name, error))
    return FALSE;
  if (!lookup_person (self, person_id, NULL, NULL, &removed) || removed)
    {
      _sc_vault_set_not_found (error, "This person is not in the vault.");
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (name));
  if (!sc_vault_begin (self, error))
    return FALSE;
  stmt = sc_vault_db_prepare (self->db, "UPDATE people SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, person_id);
  /* The row is signed again: only the implementer's key names people. */
  if (!_sc_vault_step_done (self->db, stmt, error)
      || !_sc_vault_sign_person (self, person_id, error)
      || !sc_vault_audit_insert (self, "person.rename", person_id, error))
    goto fail;
  if (!sc_vault_commit_and_save (self, error))
    return FALSE;
  if ((guint32) person_id == self->person_id)
    _sc_vault_set_person (self, self->person_id);
  return TRUE;

fail:
  sc_vault_rollback (self);
  return FALSE;
}

static gboolean
set_removed (ScVault  *self,
             gint64    person_id,
             gboolean  removed,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (self->db, "UPDATE people SET removed_at = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (removed)
    sqlite3_bind_int64 (stmt, 1, _sc_vault_now ());
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, person_id);
  return _sc_vault_step_done (self->db, stmt, error)
         && _sc_vault_sign_person (self, person_id, error);
}

/* SECURITY: a copy of HR's current key pair (to put back if the removal fails) and a
 * new one, both secret keys in guarded memory. */
static gboolean
new_hr_keys (ScVault   *self,
             guint8    *old_pk,
             guint8   **out_old_sk,
             guint8    *new_pk,
             guint8   **out_new_sk,
             GError   **error)
{
  if (self->hr_sk != NULL && self->impl_sk != NULL && self->sign_sk != NULL)
    {
      *out_old_sk = sc_secure_dup (self->hr_sk, crypto_box_SECRETKEYBYTES);
      *out_new_sk = sc_secure_alloc (crypto_box_SECRETKEYBYTES);
    }
  if (*out_old_sk == NULL || *out_new_sk == NULL)
    {
      sc_secure_clear ((gpointer *) out_old_sk);
      sc_secure_clear ((gpointer *) out_new_sk);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory for the new key.");
      return FALSE;
    }
  memcpy (old_pk, self->hr_pk, crypto_box_PUBLICKEYBYTES);
  crypto_box_keypair (new_pk, *out_new_sk);
  return TRUE;
}

gboolean
sc_vault_remove_person (ScVault      *self,
                        gint64        person_id,
                        const char   *my_passphrase,
                        char        **out_recovery_key,
                        GError      **error)
{
  ScVaultSlot *own;
  ScVaultPersonRole role;
  gboolean removed = TRUE, ok = FALSE;
  guint8 old_hr_pk[crypto_box_PUBLICKEYBYTES], new_hr_pk[crypto_box_PUBLICKEYBYTES];
  guint8 *old_hr_sk = NULL, *new_hr_sk = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (my_passphrase != NULL, FALSE);
  g_return_val_if_fail (out_recovery_key != NULL, FALSE);

  *out_recovery_key = NULL;
  if (!check_manager (self, error))
    return FALSE;
  if (!lookup_person (self, person_id, NULL, &role, &removed) || removed)
    {
      _sc_vault_set_not_found (error, "This person is not in the vault.");
      return FALSE;
    }
  /* The key rotation keeps the remover's slot: the first implementer's after a
   * recovery (sc_vault_rotate_keys()). */
  own = _sc_vault_find_own_slot (self, SC_VAULT_SLOT_IMPLEMENTER);
  if ((guint32) person_id == self->person_id || own == NULL
      || (role != SC_VAULT_PERSON_HR && own->person_id == (guint32) person_id))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "You cannot remove yourself. Another implementer or assistant "
                           "can remove you, each with their own passphrase.");
      return FALSE;
    }

  /* SECURITY: an HR person knew HR's secret key: a new HR key pair (see the header). */
  if (role == SC_VAULT_PERSON_HR && !new_hr_keys (self, old_hr_pk, &old_hr_sk, new_hr_pk,
                                                  &new_hr_sk, error))
    return FALSE;
  if (!sc_vault_begin (self, error))
    goto out;
  if (!set_removed (self, person_id, TRUE, error)
      || !sc_vault_audit_insert (self, "person.remove", person_id, error)
      || (new_hr_sk != NULL && !_sc_vault_rekey_hr (self, new_hr_pk, new_hr_sk, error))
      || !sc_vault_db_commit (self->db, error))
    {
      sc_vault_rollback (self);
      goto out;
    }
  /* A new data key for everything, with only the remover's slot and a new recovery
   * key (see sc_vault_remove_person() in the header for what else). */
  ok = sc_vault_rotate_keys (self, my_passphrase, NULL, out_recovery_key, error);
  /* Nothing was written (or the vault locked itself): the person stays, and so do
   * HR's keys. */
  if (!ok && self->db != NULL && sc_vault_begin (self, NULL))
    {
      if (!set_removed (self, person_id, FALSE, NULL)
          || (old_hr_sk != NULL && !_sc_vault_rekey_hr (self, old_hr_pk, old_hr_sk, NULL))
          || !sc_vault_db_commit (self->db, NULL))
        sc_vault_rollback (self);
    }
out:
  sc_secure_free (old_hr_sk);
  sc_secure_free (new_hr_sk);
  return ok;
}

gboolean
sc_vault_change_own_passphrase (ScVault     *self,
                                const char  *current,
                                const char  *new_passphrase,
                                GError     **error)
{
  ScVaultSlotType type;
  ScVaultSlot *own;
  guint8 *payload = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (current != NULL, FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  type = self->role == SC_VAULT_ROLE_HR ? SC_VAULT_SLOT_HR : SC_VAULT_SLOT_IMPLEMENTER;
  own = _sc_vault_find_own_slot (self, type);
  if (own == NULL)
    {
      _sc_vault_set_not_found (error, "This person no longer has a key to this vault.");
      return FALSE;
    }
  /* SECURITY: the current passphrase must open this person's own slot. */
  if (!sc_vault_slot_unwrap (own, current, NULL, &payload, error))
    return FALSE;
  sc_secure_free (payload);
  return sc_vault_change_passphrase (self, new_passphrase, error);
}

/* ---- _async twins ------------------------------------------------------------------ */

typedef struct
{
  char              *name;
  ScVaultPersonRole  role;
  gint64             person_id;
  char              *passphrase;    /* guarded */
  char              *passphrase2;   /* guarded */
  char              *recovery_key;  /* the result of a removal */
} PeopleArgs;

static void
people_args_free (gpointer data)
{
  PeopleArgs *a = data;

  g_free (a->name);
  sc_secure_free (a->passphrase);
  sc_secure_free (a->passphrase2);
  sc_vault_free_recovery_key (a->recovery_key);
  g_free (a);
}

/* SECURITY: a copy of a passphrase in guarded memory (NULL stays NULL). */
static char *
secure_strdup (const char *text)
{
  return text != NULL ? sc_secure_dup (text, strlen (text) + 1) : NULL;
}

static PeopleArgs *
people_args_new (const char *passphrase,
                 const char *passphrase2)
{
  PeopleArgs *a = g_new0 (PeopleArgs, 1);

  a->passphrase = secure_strdup (passphrase);
  a->passphrase2 = secure_strdup (passphrase2);
  return a;
}

static gboolean
check_args (PeopleArgs  *a,
            gboolean     two,
            GError     **error)
{
  if (a->passphrase != NULL && (!two || a->passphrase2 != NULL))
    return TRUE;
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                       "There is not enough protected memory for the passphrase.");
  return FALSE;
}

static gboolean
add_work (ScVault  *vault,
          gpointer  data,
          GError  **error)
{
  PeopleArgs *a = data;

  if (!check_args (a, FALSE, error))
    return FALSE;
  a->person_id = sc_vault_add_person (vault, a->name, a->role, a->passphrase, error);
  return a->person_id > 0;
}

void
sc_vault_add_person_async (ScVault             *vault,
                           const char          *name,
                           ScVaultPersonRole    role,
                           const char          *passphrase,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  PeopleArgs *a = people_args_new (passphrase, NULL);

  g_return_if_fail (passphrase != NULL);

  a->name = g_strdup (name);
  a->role = role;
  _sc_vault_run_work_async (vault, add_work, a, people_args_free, sc_vault_add_person_async,
                            cancellable, callback, user_data);
}

gint64
sc_vault_add_person_finish (ScVault       *vault,
                            GAsyncResult  *result,
                            GError       **error)
{
  PeopleArgs *a = _sc_vault_run_work_finish (vault, result, sc_vault_add_person_async, error);

  return a != NULL ? a->person_id : 0;
}

static gboolean
remove_work (ScVault  *vault,
             gpointer  data,
             GError  **error)
{
  PeopleArgs *a = data;

  return check_args (a, FALSE, error)
         && sc_vault_remove_person (vault, a->person_id, a->passphrase, &a->recovery_key,
                                    error);
}

void
sc_vault_remove_person_async (ScVault             *vault,
                              gint64               person_id,
                              const char          *my_passphrase,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  PeopleArgs *a;

  g_return_if_fail (my_passphrase != NULL);

  a = people_args_new (my_passphrase, NULL);
  a->person_id = person_id;
  _sc_vault_run_work_async (vault, remove_work, a, people_args_free,
                            sc_vault_remove_person_async, cancellable, callback, user_data);
}

char *
sc_vault_remove_person_finish (ScVault       *vault,
                               GAsyncResult  *result,
                               GError       **error)
{
  PeopleArgs *a = _sc_vault_run_work_finish (vault, result, sc_vault_remove_person_async,
                                             error);

  return a != NULL ? g_steal_pointer (&a->recovery_key) : NULL;
}

static gboolean
set_passphrase_work (ScVault  *vault,
                     gpointer  data,
                     GError  **error)
{
  PeopleArgs *a = data;

  return check_args (a, FALSE, error)
         && sc_vault_set_person_passphrase (vault, a->person_id, a->passphrase, error);
}

void
sc_vault_set_person_passphrase_async (ScVault             *vault,
                                      gint64               person_id,
                                      const char          *passphrase,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  PeopleArgs *a;

  g_return_if_fail (passphrase != NULL);

  a = people_args_new (passphrase, NULL);
  a->person_id = person_id;
  _sc_vault_run_work_async (vault, set_passphrase_work, a, people_args_free,
                            sc_vault_set_person_passphrase_async, cancellable, callback,
                            user_data);
}

gboolean
sc_vault_set_person_passphrase_finish (ScVault       *vault,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _sc_vault_run_work_finish (vault, result, sc_vault_set_person_passphrase_async,
                                    error) != NULL;
}

static gboolean
rename_work (ScVault  *vault,
             gpointer  data,
             GError  **error)
{
  PeopleArgs *a = data;

  return sc_vault_rename_person (vault, a->person_id, a->name, error);
}

void
sc_vault_rename_person_async (ScVault             *vault,
                              gint64               person_id,
                              const char          *name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  PeopleArgs *a = g_new0 (PeopleArgs, 1);

  a->person_id = person_id;
  a->name = g_strdup (name);
  _sc_vault_run_work_async (vault, rename_work, a, people_args_free,
                            sc_vault_rename_person_async, cancellable, callback, user_data);
}

gboolean
sc_vault_rename_person_finish (ScVault       *vault,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _sc_vault_run_work_finish (vault, result, sc_vault_rename_person_async,
                                    error) != NULL;
}

static gboolean
change_work (ScVault  *vault,
             gpointer  data,
             GError  **error)
{
  PeopleArgs *a = data;

  return check_args (a, TRUE, error)
         && sc_vault_change_own_passphrase (vault, a->passphrase, a->passphrase2, error);
}

void
sc_vault_change_own_passphrase_async (ScVault             *vault,
                                      const char          *current,
                                      const char          *new_passphrase,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (current != NULL && new_passphrase != NULL);

  _sc_vault_run_work_async (vault, change_work, people_args_new (current, new_passphrase),
                            people_args_free, sc_vault_change_own_passphrase_async,
                            cancellable, callback, user_data);
}

gboolean
sc_vault_change_own_passphrase_finish (ScVault       *vault,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _sc_vault_run_work_finish (vault, result, sc_vault_change_own_passphrase_async,
                                    error) != NULL;
}

/* ---- Recovery from the unlock page --------------------------------------------------- */

typedef struct
{
  char    *path;
  char    *recovery_key;   /* guarded */
  char    *passphrase;     /* guarded */
  ScVault *vault;
  char    *new_recovery_key;
} RecoverJob;

static void
recover_job_free (gpointer data)
{
  RecoverJob *job = data;

  g_free (job->path);
  sc_secure_free (job->recovery_key);
  sc_secure_free (job->passphrase);
  g_clear_object (&job->vault);
  sc_vault_free_recovery_key (job->new_recovery_key);
  g_free (job);
}

static void
recover_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RecoverJob *job = task_data;
  GError *error = NULL;

  if (job->recovery_key == NULL || job->passphrase == NULL)
    {
      g_task_return_new_error (task, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                               "There is not enough protected memory for the passphrase.");
      return;
    }
  job->vault = sc_vault_recover (job->path, job->recovery_key, job->passphrase, &error);
  if (job->vault != NULL)
    job->new_recovery_key = sc_vault_new_recovery_key (job->vault, &error);
  if (job->new_recovery_key == NULL)
    {
      g_clear_object (&job->vault);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
sc_vault_recover_async (const char          *path,
                        const char          *recovery_key,
                        const char          *new_passphrase,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RecoverJob *job;

  g_return_if_fail (path != NULL && recovery_key != NULL && new_passphrase != NULL);

  job = g_new0 (RecoverJob, 1);
  job->path = g_strdup (path);
  job->recovery_key = secure_strdup (recovery_key);
  job->passphrase = secure_strdup (new_passphrase);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_vault_recover_async);
  g_task_set_task_data (task, job, recover_job_free);
  g_task_run_in_thread (task, recover_thread);
}

ScVault *
sc_vault_recover_finish (GAsyncResult  *result,
                         char         **out_recovery_key,
                         GError       **error)
{
  RecoverJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (out_recovery_key != NULL, NULL);

  *out_recovery_key = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  *out_recovery_key = g_steal_pointer (&job->new_recovery_key);
  return g_steal_pointer (&job->vault);
}
