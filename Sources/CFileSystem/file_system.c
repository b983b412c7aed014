#include "file_system.h"

#include <sys/vfs.h>

int juryreport_is_remote_file(int descriptor) {
    struct statfs system;
    if (fstatfs(descriptor, &system) != 0) return 1;
    switch ((unsigned long)system.f_type) {
    case 0x6969UL:      /* NFS */
    case 0xFE534D42UL:  /* SMB 2+ */
    case 0xFF534D42UL:  /* CIFS */
    case 0x517BUL:      /* SMB */
    case 0x65735546UL:  /* FUSE */
    case 0x00C36400UL:  /* Ceph */
    case 0x5346414FUL:  /* AFS */
    case 0x01021997UL:  /* 9P */
        return 1;
    default:
        return 0;
    }
}
