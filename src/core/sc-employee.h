/* sc-employee.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One roster entry, as imported from the employer's CSV and kept in the vault.
 */
#pragma once

#include <glib.h>

#include "sc-bjsq.h"

G_BEGIN_DECLS

typedef struct
{
  char     *number;           /* 社員番号: unique, required */
  char     *name;             /* 氏名: required */
  char     *kana;             /* ふりがな, or NULL */
  ScSex     sex;              /* 性別: required (the conversion tables depend on it) */
  char     *birth_date;       /* 生年月日 as YYYY-MM-DD, or NULL */
  char     *department;       /* 部署, or NULL */
  char     *job_type;         /* 職種, or NULL */
  char     *position;         /* 役職, or NULL */
  char     *employment_type;  /* 雇用形態, or NULL */
  gboolean  active;
} ScEmployee;

ScEmployee *sc_employee_new   (void);
ScEmployee *sc_employee_copy  (const ScEmployee *employee);
void        sc_employee_free  (ScEmployee       *employee);
/* TRUE when every field is the same. */
gboolean    sc_employee_equal (const ScEmployee *a,
                               const ScEmployee *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScEmployee, sc_employee_free)

G_END_DECLS
