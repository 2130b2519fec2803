/* sc-height-for-width-bin.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bin for content that is height-for-width (wrapping text, scrolling vertically): a width
 * asked for at a given height is answered as the width at any height, as GTK 3 answered for
 * height-for-width widgets. GTK 4.8 asks that question on every allocation (GtkStack asks its
 * visible page; gtk_widget_allocate () asks a widget that does not fill its allocation, such
 * as vertically centred content). Passed on, it reaches vertical GtkBoxes, which measure their
 * children's heights at their minimum widths and binary-search for a width whose height fits,
 * and GtkLabels, which search too: every wrapping label is laid out at 0–80 px on the way,
 * where Japanese text breaks after nearly every character (BENCHMARKS.md, "Launch").
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_HEIGHT_FOR_WIDTH_BIN (sc_height_for_width_bin_get_type ())

G_DECLARE_FINAL_TYPE (ScHeightForWidthBin, sc_height_for_width_bin, SC, HEIGHT_FOR_WIDTH_BIN,
                      AdwBin)

GtkWidget *sc_height_for_width_bin_new (void);

G_END_DECLS
