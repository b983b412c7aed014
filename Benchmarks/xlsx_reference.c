/* The reference the XLSX exporter is measured against: plain C writing, with libxlsxwriter
 * in constant_memory mode, the cells of a generated edition's two large sheets as
 * juryreport writes them: nominees (8 cells a row), key figures (2 a nominee, 4 cells
 * each) and, since the judging round (#14), the score sheet of an edition with one jury
 * member and no scores yet (a weights row, then per nominee its number and name, the empty
 * score cell to fill in, and the formulas of total, rank, lowest and highest with their
 * empty results), with a bold header format and a top-aligned cell format as juryreport's.
 * Everything else juryreport does (reading the edition, checking it, formats, the small
 * sheets) is its own overhead on top.
 * Usage: xlsx_reference NOMINEES OUT.xlsx */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: xlsx_reference NOMINEES OUT\n"); return 64; }
    long rows = atol(argv[1]);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    lxw_format *header = workbook_add_format(workbook);
    format_set_bold(header);
    lxw_format *top = workbook_add_format(workbook);
    format_set_align(top, LXW_ALIGN_VERTICAL_TOP);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Nominees");
    const char *headers[] = {"No.", "Name", "Status", "Lead", "Location", "Sector", "Partners", "Summary"};
    const char *sectors[] = {"Care", "Tech", "Logistics", "Energy"};
    for (int c = 0; c < 8; c++) worksheet_write_string(sheet, 0, c, headers[c], header);
    char name[64], buffer[128];
    for (long i = 0; i < rows; i++) {
        lxw_row_t r = (lxw_row_t)(i + 1);
        worksheet_write_number(sheet, r, 0, (double)(i + 1), top);
        snprintf(name, sizeof name, "Nominee %ld", i); worksheet_write_string(sheet, r, 1, name, top);
        if (i == 0) worksheet_write_string(sheet, r, 2, "Winner", top);
        snprintf(buffer, sizeof buffer, "College %ld", i % 97); worksheet_write_string(sheet, r, 3, buffer, top);
        snprintf(buffer, sizeof buffer, "City %ld", i % 31); worksheet_write_string(sheet, r, 4, buffer, top);
        worksheet_write_string(sheet, r, 5, sectors[i % 4], top);
        snprintf(buffer, sizeof buffer, "Partner %ld; Partner %ld", i % 13, i % 7); worksheet_write_string(sheet, r, 6, buffer, top);
        snprintf(buffer, sizeof buffer, "Project %ld works with %ld companies on shared training.", i, i % 50);
        worksheet_write_string(sheet, r, 7, buffer, top);
    }
    lxw_worksheet *figures = workbook_add_worksheet(workbook, "Key figures");
    const char *figureHeaders[] = {"No.", "Nominee", "Figure", "Value"};
    for (int c = 0; c < 4; c++) worksheet_write_string(figures, 0, c, figureHeaders[c], header);
    for (long i = 0; i < rows; i++) {
        snprintf(name, sizeof name, "Nominee %ld", i);
        for (int f = 0; f < 2; f++) {
            lxw_row_t r = (lxw_row_t)(2 * i + f + 1);
            worksheet_write_number(figures, r, 0, (double)(i + 1), top);
            worksheet_write_string(figures, r, 1, name, top);
            worksheet_write_string(figures, r, 2, f == 0 ? "Students" : "Companies", top);
            worksheet_write_number(figures, r, 3, (double)(f == 0 ? i % 300 : i % 50), top);
        }
    }
    lxw_format *input = workbook_add_format(workbook);
    format_set_align(input, LXW_ALIGN_VERTICAL_TOP);
    format_set_unlocked(input);
    format_set_bg_color(input, 0xFFF8DC);
    lxw_worksheet *scores = workbook_add_worksheet(workbook, "Scores");
    const char *scoreHeaders[] = {"No.", "Nominee", "Juror 0", "Total", "Rank", "Lowest", "Highest"};
    for (int c = 0; c < 7; c++) worksheet_write_string(scores, 0, c, scoreHeaders[c], header);
    worksheet_write_string(scores, 1, 1, "Weight", top);
    worksheet_write_number(scores, 1, 2, 1, top);
    char formula[256];
    for (long i = 0; i < rows; i++) {
        lxw_row_t r = (lxw_row_t)(i + 2);
        long row = i + 3;
        worksheet_write_number(scores, r, 0, (double)(i + 1), top);
        snprintf(name, sizeof name, "Nominee %ld", i); worksheet_write_string(scores, r, 1, name, top);
        worksheet_write_blank(scores, r, 2, input);
        snprintf(formula, sizeof formula,
                 "=IF(COUNT(C%ld:C%ld)=0,\"\",SUMPRODUCT(C%ld:C%ld,C$2:C$2)/SUMPRODUCT(ISNUMBER(C%ld:C%ld)*C$2:C$2))",
                 row, row, row, row, row, row);
        worksheet_write_formula_str(scores, r, 3, formula, top, "");
        snprintf(formula, sizeof formula, "=IF(D%ld=\"\",\"\",RANK(D%ld,D$3:D$%ld))", row, row, rows + 2);
        worksheet_write_formula_str(scores, r, 4, formula, top, "");
        snprintf(formula, sizeof formula, "=IF(COUNT(C%ld:C%ld)=0,\"\",MIN(C%ld:C%ld))", row, row, row, row);
        worksheet_write_formula_str(scores, r, 5, formula, top, "");
        snprintf(formula, sizeof formula, "=IF(COUNT(C%ld:C%ld)=0,\"\",MAX(C%ld:C%ld))", row, row, row, row);
        worksheet_write_formula_str(scores, r, 6, formula, top, "");
    }
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
