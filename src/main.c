/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include <adwaita.h>
int
main (int argc, char **argv)
{
  return 0;
}
