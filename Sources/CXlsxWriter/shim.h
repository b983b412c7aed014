// libxlsxwriter, from Debian's libxlsxwriter-dev (1.1.4).
#include <xlsxwriter.h>
