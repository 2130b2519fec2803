/* sc-report.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF reports (DESIGN.md §5, issue 10), drawn with cairo and pango by the core, with
 * the chart code of sc-chart.h, so that the PDF file, a preview and a printout are the
 * same drawing. An ScReport gathers what it prints from the vault when it is made (on
 * the thread that owns the vault), checking the role first: a report the role may not
 * print is refused there, before any file exists. It then only draws, page by page,
 * from its own copy of the data, so it may be written on a worker thread.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sc-vault.h"
#include "sc-workspace.h"

G_BEGIN_DECLS

#define SC_REPORT_ERROR (sc_report_error_quark ())

typedef enum
{
  SC_REPORT_ERROR_UNKNOWN_KIND,   /* not one of the report kinds */
  SC_REPORT_ERROR_PERMISSION,     /* the unlocked role may not print this report */
  SC_REPORT_ERROR_EMPTY,          /* nothing to print: no submissions in the round */
  SC_REPORT_ERROR_INVALID,        /* bad options: slips without codes, unknown language */
  SC_REPORT_ERROR_IO,             /* the file could not be written */
} ScReportError;

typedef enum
{
  SC_REPORT_INDIVIDUAL,     /* 個人結果票 + 申出書, implementer only */
  SC_REPORT_SLIPS,          /* access-code slips, from the codes just issued */
  SC_REPORT_REMINDERS,      /* reminder slips for people who have not answered */
  SC_REPORT_PARTICIPATION,  /* who answered, by department */
  SC_REPORT_RESULTS,        /* the implementer's results list */
  SC_REPORT_CONSENTED,      /* results shared with the employer */
  SC_REPORT_GROUP,          /* group analysis with both judgement charts */
  SC_REPORT_INTERVIEWS,     /* 面接指導結果報告書及び事後措置に係る意見書 + list */
  SC_REPORT_LABOUR_OFFICE,  /* 様式第6号の3 figures */
} ScReportKind;

#define SC_REPORT_N_KINDS 9

/* Vault settings the labour-office sheet prints (implementer sets them). */
#define SC_REPORT_SETTING_INSURANCE_NUMBER "workplace_insurance_number" /* 労働保険番号 */
#define SC_REPORT_SETTING_INDUSTRY         "workplace_industry"         /* 事業の種類 */
#define SC_REPORT_SETTING_WORKPLACE_NAME   "workplace_name"             /* 事業場の名称 */
#define SC_REPORT_SETTING_ADDRESS          "workplace_address"          /* 所在地 */
#define SC_REPORT_SETTING_PHONE            "workplace_phone"            /* 電話番号 */
#define SC_REPORT_SETTING_WORKERS          "workplace_workers"          /* 在籍労働者数 */
#define SC_REPORT_SETTING_OCC_PHYSICIAN    "workplace_physician"        /* 産業医 */
#define SC_REPORT_SETTING_EMPLOYER         "workplace_employer"         /* 事業者職氏名 */
/* 検査を実施した者 and 面接指導を実施した医師: the form's category (1, 2 or 3) as text. */
#define SC_REPORT_SETTING_CHECKER          "workplace_checker"
#define SC_REPORT_SETTING_INTERVIEW_DOCTOR "workplace_interview_doctor"

/**
 * ScReportOptions:
 * @language: "ja" (the default when %NULL) or "en"
 * @department: (nullable): only this department ("" for people without one)
 * @numbers: (nullable) (array zero-terminated=1): only these employee numbers
 *   (individual sheets, reminders)
 * @filter: the results-list filter (SC_RESULT_FILTER_*); for individual sheets only
 *   SC_RESULT_FILTER_HIGH_STRESS counts
 * @search: (nullable): the results-list search text, as typed
 * @codes_csv: (nullable): for slips, the "number,name,code" rows the issuing call
 *   returned (sc_vault_issue_access_codes()); the vault keeps only hashes
 * @today: (nullable): YYYY-MM-DD printed as the date of the report; %NULL for today
 * @release_id: for the group report, a group analysis released to HR
 *   (sc_vault_list_releases()): the report prints that snapshot, never a suppressed
 *   figure, with who released it and when. HR must give one (HR sees released analyses
 *   only); 0 (the default) gives the implementer the full analysis of the round.
 */
typedef struct
{
  const char          *language;
  const char          *department;
  const char * const  *numbers;
  guint                filter;
  const char          *search;
  const char          *codes_csv;
  const char          *today;
  gint64               release_id;
} ScReportOptions;

/* Progress of a write: @page pages of @n_pages are done. Called on the writing thread. */
typedef void (*ScReportProgressFunc) (guint    page,
                                      guint    n_pages,
                                      gpointer user_data);

#define SC_TYPE_REPORT (sc_report_get_type ())
G_DECLARE_FINAL_TYPE (ScReport, sc_report, SC, REPORT, GObject)

GQuark        sc_report_error_quark       (void);

/* "individual", "slips", … (the CLI's names); FALSE for an unknown name. */
gboolean      sc_report_kind_from_string  (const char          *name,
                                           ScReportKind        *out_kind);
const char   *sc_report_kind_to_string    (ScReportKind         kind);

/* A one-line English description of @kind, for --help. */
const char   *sc_report_kind_describe     (ScReportKind         kind);

/* Whether @role may print @kind (the roles table of DESIGN.md §3); for the group report,
 * the full analysis of a round. */
gboolean      sc_report_kind_allowed      (ScReportKind         kind,
                                           ScVaultRole          role);

/* Whether @role may print the group report of a released analysis
 * (ScReportOptions.release_id): the implementer and HR. */
gboolean      sc_report_release_allowed   (ScVaultRole          role);

/**
 * sc_report_new:
 * @options: (nullable): %NULL for the defaults
 *
 * Checks the role and gathers the data of the report from @vault. Call it on the thread
 * that uses @vault. Recording the export in the audit log is the caller's (the CLI
 * appends "report.export" once the file is written).
 *
 * Returns: (transfer full): the report, or %NULL with SC_REPORT_ERROR_PERMISSION, EMPTY
 *   or INVALID (or a vault error).
 */
ScReport     *sc_report_new               (ScVault             *vault,
                                           ScReportKind         kind,
                                           gint64               round_id,
                                           const ScReportOptions *options,
                                           GError             **error);

ScReportKind  sc_report_get_kind          (ScReport            *self);

/* The number of A4 pages. */
guint         sc_report_get_n_pages       (ScReport            *self);

/* For the individual kind: pages per sheet (the same for everyone); 0 for other kinds. */
guint         sc_report_get_pages_per_sheet (ScReport          *self);

/* The page size in points (A4 portrait: 595.28 × 841.89). */
void          sc_report_get_page_size     (ScReport            *self,
                                           double              *width,
                                           double              *height);

/**
 * sc_report_draw_page:
 * Draws page @page (0-based) into @cr, whose user space is in points with (0, 0) at the
 * top-left of the page (scale @cr first for a preview). Leaves @cr's state as it was.
 */
void          sc_report_draw_page         (ScReport            *self,
                                           cairo_t             *cr,
                                           guint                page);

/**
 * sc_report_write_pdf:
 * @progress: (nullable): called after every page
 *
 * Writes the report to @path: to a temporary file in the same folder, renamed over @path
 * when complete. On error or cancel (G_IO_ERROR_CANCELLED) no file is left behind.
 */
gboolean      sc_report_write_pdf         (ScReport            *self,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           ScReportProgressFunc progress,
                                           gpointer             progress_data,
                                           GError             **error);

/* sc_report_write_pdf() on a worker thread; @progress is called on that thread. */
void          sc_report_write_pdf_async   (ScReport            *self,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           ScReportProgressFunc progress,
                                           gpointer             progress_data,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      sc_report_write_pdf_finish  (ScReport            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
