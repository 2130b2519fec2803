/* sc-chart-constants.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The constants of the 仕事のストレス判定図 (judgement chart) and the health-risk formulas
 * that use them (spec/bjsq-spec.md §6). The constants are NOT verified against the primary
 * table (要確認), so they are data, not code: two built-in sets name their source, and the
 * implementer can load a replacement set from a small key file once the table is checked.
 *
 * A replacement file looks like this (every key is required; numbers use a dot):
 *
 *   [set]
 *   id=tmu-2026
 *   name=TMU program, checked 2026-04
 *   source=東京医科大学 bjsq.zip, table of 簡易調査票 constants
 *   verified=true
 *
 *   [male]
 *   A0=8.7
 *   alpha=0.076
 *   B0=7.9
 *   beta=-0.089
 *   C0=7.5
 *   gamma=-0.097
 *   D0=8.1
 *   delta=-0.097
 *
 *   [female]
 *   …the same eight keys…
 */
#pragma once

#include <glib.h>

#include "sc-bjsq.h"

G_BEGIN_DECLS

#define SC_CHART_CONSTANTS_ERROR (sc_chart_constants_error_quark ())

typedef enum
{
  SC_CHART_CONSTANTS_ERROR_SYNTAX,      /* not a key file: the message names the line */
  SC_CHART_CONSTANTS_ERROR_MISSING,     /* a group or key is missing: the message names it */
  SC_CHART_CONSTANTS_ERROR_VALUE,       /* a value is not a finite number / boolean / text */
  SC_CHART_CONSTANTS_ERROR_UNKNOWN_KEY, /* a key in [male] or [female] that is not a constant */
  SC_CHART_CONSTANTS_ERROR_READ,        /* the file could not be read */
} ScChartConstantsError;

/**
 * ScChartConstants:
 * The constants of one sex: national means A0-D0 of the four chart scales (range 3-12)
 * and the coefficients α-δ. In the key file the members are named A0, alpha, B0, beta,
 * C0, gamma, D0 and delta.
 */
typedef struct
{
  double a0;      /* 量的負担 (quantitative demand) national mean */
  double alpha;
  double b0;      /* コントロール (job control) national mean */
  double beta;
  double c0;      /* 上司の支援 (supervisor support) national mean */
  double gamma;
  double d0;      /* 同僚の支援 (coworker support) national mean */
  double delta;
} ScChartConstants;

/**
 * ScChartConstantSet:
 * A named set of constants with its source, printed on every chart and report.
 * @verified is %FALSE for both built-in sets: they are 要確認 (not checked against the
 * primary table). Sets returned by the sc_chart_constant_set_builtin() family are static
 * and must not be freed; sets from _new(), _copy() and _load_*() are freed with
 * sc_chart_constant_set_free().
 */
typedef struct
{
  const char       *id;                       /* "set-a" */
  const char       *name;
  const char       *source;
  gboolean          verified;
  ScChartConstants  constants[SC_N_SEXES];    /* indexed by ScSex */
} ScChartConstantSet;

GQuark                    sc_chart_constants_error_quark   (void);

/**
 * sc_chart_constant_set_default:
 * Returns: (transfer none): set A of spec §6: the corrected means of the U-Tokyo
 *   technote's table (the Tokyo Medical University program's recommended values;
 *   sex-specific; 要確認).
 */
const ScChartConstantSet *sc_chart_constant_set_default    (void);

/**
 * sc_chart_constant_set_builtin:
 * @id: "set-a" (the corrected means, the default), "legacy" (the technote's original
 *   means, per sex) or "set-b" (ironwest/sctool-r "old" risk: the male legacy column used
 *   for both sexes)
 *
 * Returns: (transfer none) (nullable): the built-in set, or %NULL for an unknown id.
 */
const ScChartConstantSet *sc_chart_constant_set_builtin    (const char               *id);

/**
 * sc_chart_constant_set_builtin_nth:
 * Returns: (transfer none) (nullable): built-in set @index, in the order "set-a" (the
 *   corrected means, default), "legacy" (the technote's original means, per sex),
 *   "set-b" (the male legacy column for both sexes); %NULL past the end. For a chooser.
 */
const ScChartConstantSet *sc_chart_constant_set_builtin_nth (guint                index);

/* "要確認" for an unverified set, "checked" for a verified one: for every caption. */
const char               *sc_chart_constant_set_status     (const ScChartConstantSet *set);

/**
 * sc_chart_risk_display:
 * The figure shown for a health risk on screen and in reports: the exact value floored,
 * as the MHLW manual prints it (p.87: risks 112.56 and 108.07 print as 112 and 108; the
 * total, computed from the exact risks, 121.64 prints as 121). Every figure is computed
 * exactly and floored only for display, so a floored total never comes from floored
 * risks (that would give 120 in the p.87 example).
 */
int                       sc_chart_risk_display            (double                    risk);

/**
 * sc_chart_constant_set_new:
 * Returns: (transfer full): a set owning copies of the strings.
 */
ScChartConstantSet       *sc_chart_constant_set_new        (const char               *id,
                                                            const char               *name,
                                                            const char               *source,
                                                            gboolean                  verified,
                                                            const ScChartConstants   *male,
                                                            const ScChartConstants   *female);

ScChartConstantSet       *sc_chart_constant_set_copy       (const ScChartConstantSet *set);

/* Frees a set from _new(), _copy() or _load_*(); never a built-in one. */
void                      sc_chart_constant_set_free       (ScChartConstantSet       *set);

/**
 * sc_chart_constant_set_load_from_data:
 * @data: the key file text (UTF-8)
 * @len: its length, or -1 when NUL-terminated
 *
 * Reads a replacement set (format in the comment at the top of this header). Every error
 * names the line, group and key concerned, in a message fit to show to the implementer.
 *
 * Returns: (transfer full) (nullable): the set, or %NULL with @error set.
 */
ScChartConstantSet       *sc_chart_constant_set_load_from_data (const char           *data,
                                                                gssize                len,
                                                                GError              **error);

/**
 * sc_chart_constant_set_to_json:
 * Returns: (transfer full): @set as one JSON object with the keys of the key file:
 *   {"id", "name", "source", "verified", "male": {"A0", "alpha", …}, "female": {…}}.
 *   _load_from_data() reads this form too (text starting with "{"), with the same checks.
 */
char                     *sc_chart_constant_set_to_json    (const ScChartConstantSet *set);

/**
 * sc_chart_constant_set_from_variant:
 * @object: a JSON object read with sc_json_parse() (a{sv})
 *
 * Returns: (transfer full) (nullable): the set in @object (the keys of
 *   sc_chart_constant_set_to_json(), all required), or %NULL with @error set.
 */
ScChartConstantSet       *sc_chart_constant_set_from_variant (GVariant              *object,
                                                              GError               **error);

/**
 * sc_chart_constant_set_from_setting:
 * @value: (nullable): the value of the vault setting SC_VAULT_SETTING_CHART_CONSTANTS:
 *   unset or empty for the default, a built-in id, or a checked set as JSON
 *
 * Returns: (transfer full) (nullable): the set, or %NULL with @error set.
 */
ScChartConstantSet       *sc_chart_constant_set_from_setting (const char            *value,
                                                              GError               **error);

/* Returns: (transfer full): the setting value for @set: its id when it is a built-in set
 * unchanged, otherwise its JSON. */
char                     *sc_chart_constant_set_to_setting (const ScChartConstantSet *set);

/* As _load_from_data() for the contents of @path. */
ScChartConstantSet       *sc_chart_constant_set_load_from_file (const char           *path,
                                                                GError              **error);

/**
 * sc_chart_risk:
 * @constants: the constants of the sex the means belong to
 * @qd, @control, @sup, @cow: mean chart scale scores (量的負担, コントロール, 上司の支援,
 *   同僚の支援), each 3-12
 * @risk_a: (out) (optional): 健康リスク(A) = 100·exp((qd−A0)·α + (control−B0)·β)
 * @risk_b: (out) (optional): 健康リスク(B) = 100·exp((sup−C0)·γ + (cow−D0)·δ)
 * @total: (out) (optional): 総合健康リスク = (A)·(B)/100
 *
 * The formulas of spec §6, exactly: no rounding, flooring or capping (100 = national
 * average).
 */
void                      sc_chart_risk                    (const ScChartConstants   *constants,
                                                            double                    qd,
                                                            double                    control,
                                                            double                    sup,
                                                            double                    cow,
                                                            double                   *risk_a,
                                                            double                   *risk_b,
                                                            double                   *total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartConstantSet, sc_chart_constant_set_free)

G_END_DECLS
