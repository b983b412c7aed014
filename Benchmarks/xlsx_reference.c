/* The reference the XLSX exporter is measured against: plain C writing the same nominee
 * cells (8 per row) with libxlsxwriter in constant_memory mode.
 * Usage: xlsx_reference ROWS OUT.xlsx */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: xlsx_reference ROWS OUT\n"); return 64; }
    long rows = atol(argv[1]);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Nominees");
    const char *headers[] = {"No.", "Name", "Status", "Lead", "Location", "Sector", "Partners", "Summary"};
    for (int c = 0; c < 8; c++) worksheet_write_string(sheet, 0, c, headers[c], NULL);
    char buffer[128];
    for (long i = 0; i < rows; i++) {
        lxw_row_t r = (lxw_row_t)(i + 1);
        worksheet_write_number(sheet, r, 0, (double)(i + 1), NULL);
        snprintf(buffer, sizeof buffer, "Nominee %ld", i); worksheet_write_string(sheet, r, 1, buffer, NULL);
        worksheet_write_string(sheet, r, 2, i == 0 ? "Winner" : "", NULL);
        snprintf(buffer, sizeof buffer, "College %ld", i % 97); worksheet_write_string(sheet, r, 3, buffer, NULL);
        snprintf(buffer, sizeof buffer, "City %ld", i % 31); worksheet_write_string(sheet, r, 4, buffer, NULL);
        worksheet_write_string(sheet, r, 5, "Tech", NULL);
        snprintf(buffer, sizeof buffer, "Partner %ld; Partner %ld", i % 13, i % 7); worksheet_write_string(sheet, r, 6, buffer, NULL);
        snprintf(buffer, sizeof buffer, "Project %ld works with %ld companies on shared training.", i, i % 50);
        worksheet_write_string(sheet, r, 7, buffer, NULL);
    }
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
