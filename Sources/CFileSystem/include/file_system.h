#ifndef JURYREPORT_FILE_SYSTEM_H
#define JURYREPORT_FILE_SYSTEM_H

/// 1 when the file open on `descriptor` is on a network or user-space file system (NFS, SMB,
/// CIFS, FUSE, Ceph, AFS, 9P), or its file system cannot be told; 0 on a local one. Glibc's
/// Swift module does not bring statfs(2).
int juryreport_is_remote_file(int descriptor);

#endif
