/* sc-cli-passphrase.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli-passphrase.h"
#include "sc-secure.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define MAX_PASSPHRASE 1024

/* SECURITY: reads at most MAX_PASSPHRASE bytes of one line from @fd straight into guarded
 * memory, one byte at a time so that nothing after the line is consumed or buffered in
 * ordinary memory. */
static char *
read_line (int      fd,
           GError **error)
{
  char *buffer = sc_secure_alloc (MAX_PASSPHRASE + 1);
  gsize len = 0;

  if (buffer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "Could not allocate protected memory for the passphrase");
      return NULL;
    }

  for (;;)
    {
      char c;
      gssize n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          sc_secure_free (buffer);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Could not read the passphrase: %s", g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0 || c == '\n')
        break;
      if (len == MAX_PASSPHRASE)
        {
          sc_secure_free (buffer);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The passphrase is longer than %d bytes", MAX_PASSPHRASE);
          return NULL;
        }
      buffer[len++] = c;
    }

  /* A file saved on Windows ends its line with CR LF. */
  if (len > 0 && buffer[len - 1] == '\r')
    buffer[--len] = '\0';
  buffer[len] = '\0';
  return buffer;
}

static char *
read_from_file (const char *file,
                GError    **error)
{
  int fd;
  char *passphrase;

  if (strcmp (file, "-") == 0)
    return read_line (STDIN_FILENO, error);

  fd = open (file, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not open the passphrase file “%s”: %s", file, g_strerror (saved_errno));
      return NULL;
    }
  passphrase = read_line (fd, error);
  close (fd);
  return passphrase;
}

static char *
prompt_tty (const char *prompt,
            GError    **error)
{
  struct termios saved;
  struct termios quiet;
  char *passphrase;
  int fd = open ("/dev/tty", O_RDWR | O_CLOEXEC);

  if (fd < 0 || !isatty (fd))
    {
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No terminal to ask for the passphrase: use --passphrase-file FILE");
      return NULL;
    }

  if (write (fd, prompt, strlen (prompt)) < 0)
    { /* The prompt is a courtesy; reading still works. */ }

  tcgetattr (fd, &saved);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;
  tcsetattr (fd, TCSAFLUSH, &quiet);
  passphrase = read_line (fd, error);
  tcsetattr (fd, TCSAFLUSH, &saved);
  close (fd);
  return passphrase;
}

char *
sc_cli_read_passphrase (const char  *file,
                        const char  *prompt,
                        gboolean     confirm,
                        GError     **error)
{
  char *passphrase;

  if (!sc_secure_init ())
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not initialise libsodium");
      return NULL;
    }

  if (file != NULL)
    passphrase = read_from_file (file, error);
  else
    passphrase = prompt_tty (prompt, error);
  if (passphrase == NULL)
    return NULL;

  if (passphrase[0] == '\0')
    {
      sc_secure_free (passphrase);
      if (file != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "The passphrase file “%s” is empty", file);
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "The passphrase is empty");
      return NULL;
    }

  if (file == NULL && confirm)
    {
      char *again = prompt_tty ("Repeat the passphrase: ", error);
      gboolean same;

      if (again == NULL)
        {
          sc_secure_free (passphrase);
          return NULL;
        }
      same = strlen (again) == strlen (passphrase)
             && sc_secure_equal (again, passphrase, strlen (passphrase));
      sc_secure_free (again);
      if (!same)
        {
          sc_secure_free (passphrase);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The two passphrases differ; nothing was changed");
          return NULL;
        }
    }
  return passphrase;
}
