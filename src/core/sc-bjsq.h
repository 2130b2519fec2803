/* sc-bjsq.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Brief Job Stress Questionnaire (職業性ストレス簡易調査票, 57 items): items, sections,
 * option labels, the 19 scales with their raw-score formulas and both sex-specific
 * conversion tables (素点換算表). This is the single source of truth for those tables;
 * every other part of the program (scoring, kiosk, reports) reads them from here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_BJSQ_N_ITEMS    57
#define SC_BJSQ_N_SCALES   19
#define SC_BJSQ_N_SECTIONS 4
#define SC_BJSQ_N_OPTIONS  4
#define SC_BJSQ_N_COLUMNS  5

/* An answer is the 1-4 position of the printed option; 0 means "not answered". */
#define SC_ANSWER_MISSING 0

typedef enum
{
  SC_SECTION_A,
  SC_SECTION_B,
  SC_SECTION_C,
  SC_SECTION_D,
} ScSection;

typedef enum
{
  SC_SEX_MALE,
  SC_SEX_FEMALE,
} ScSex;

#define SC_N_SEXES 2

/* Scales in the order of spec/bjsq.json; ids are the same strings everywhere. */
typedef enum
{
  SC_SCALE_QUANTITATIVE_DEMAND,
  SC_SCALE_QUALITATIVE_DEMAND,
  SC_SCALE_PHYSICAL_DEMAND,
  SC_SCALE_INTERPERSONAL_STRESS,
  SC_SCALE_ENVIRONMENT_STRESS,
  SC_SCALE_JOB_CONTROL,
  SC_SCALE_SKILL_UTILIZATION,
  SC_SCALE_JOB_FIT,
  SC_SCALE_MEANINGFULNESS,
  SC_SCALE_VIGOR,
  SC_SCALE_IRRITABILITY,
  SC_SCALE_FATIGUE,
  SC_SCALE_ANXIETY,
  SC_SCALE_DEPRESSION,
  SC_SCALE_SOMATIC,
  SC_SCALE_SUPERVISOR_SUPPORT,
  SC_SCALE_COWORKER_SUPPORT,
  SC_SCALE_FAMILY_SUPPORT,
  SC_SCALE_SATISFACTION,
} ScScale;

typedef struct
{
  ScSection    section;
  const char  *id;               /* "A" */
  const char  *title_ja;         /* 仕事のストレス要因（あなたの仕事について） */
  const char  *instruction_ja;   /* as printed on the form */
  const char  *option_labels_ja[SC_BJSQ_N_OPTIONS];
  guint        first_item;       /* index of the section's first item */
  guint        n_items;
} ScSectionInfo;

typedef struct
{
  guint        index;            /* 0-56 */
  const char  *id;               /* "A1" */
  ScSection    section;
  const char  *text_ja;          /* item text as printed */
  const char  *context_ja;       /* C items: the question above the person; NULL otherwise */
  ScScale      scale;
  gboolean     reverse_in_sum;   /* recoded 5-v in the sum method (その1) */
  guint        short_form_no;    /* number in the 23-item form, 0 when not in it */
} ScItemInfo;

typedef struct
{
  gint8 min;                     /* first raw score of the column; 0 = column empty */
  gint8 max;
} ScColumn;

typedef struct
{
  ScScale      scale;
  const char  *id;               /* "quantitative_demand" */
  const char  *name_ja;          /* 心理的な仕事の負担（量） */
  const char  *name_en;          /* untranslated English name (mark with N_ at use) */
  ScSection    section;
  gint8        constant;         /* raw = constant - sum(minus) + sum(plus) */
  guint8       n_minus;
  guint8       n_plus;
  guint8       minus[3];         /* item indices */
  guint8       plus[11];
  gint8        raw_min;
  gint8        raw_max;
  gboolean     high_raw_is_high_stress;
  ScColumn     columns[SC_N_SEXES][SC_BJSQ_N_COLUMNS];
} ScScaleInfo;

const ScSectionInfo *sc_bjsq_section          (ScSection    section);
const ScItemInfo    *sc_bjsq_item             (guint        index);
const ScItemInfo    *sc_bjsq_item_by_id       (const char  *id);
const ScScaleInfo   *sc_bjsq_scale            (ScScale      scale);
gboolean             sc_bjsq_scale_from_id    (const char  *id,
                                               ScScale     *out_scale);
const char          *sc_bjsq_option_label     (guint        item_index,
                                               guint        value);

/**
 * sc_bjsq_column_score:
 * @column: 0-4, the printed column in raw-score order (低い → 高い)
 *
 * Returns: the 評価点 1-5 that column stands for (1 = most stress).
 */
int                  sc_bjsq_column_score     (ScScale      scale,
                                               guint        column);

/**
 * sc_bjsq_convert:
 * Converts a raw score (素点) into the 評価点 1-5 with the @sex table.
 * Returns: 1-5, or -1 when @raw is outside the scale's range.
 */
int                  sc_bjsq_convert          (ScScale      scale,
                                               ScSex        sex,
                                               int          raw);

/* The column (0-4) @raw falls in, or -1. */
int                  sc_bjsq_convert_column   (ScScale      scale,
                                               ScSex        sex,
                                               int          raw);

const char          *sc_sex_to_string         (ScSex        sex);

/**
 * sc_sex_parse:
 * Accepts M/F, 男/女, male/female (any case), 1/2, with surrounding blanks.
 */
gboolean             sc_sex_parse             (const char  *text,
                                               gssize       len,
                                               ScSex       *out_sex);

G_END_DECLS
